import { describe, expect, it } from 'vitest';
import { cleanText, composeLetter } from './compose-letter.ts';
import { COMPLETE, ORGANISATION } from './letter-fixtures.ts';
import { letterToText } from './letter-text.ts';
import { LETTER_TYPES, type LetterLanguage, type LetterType } from './letter-types.ts';
import type { LetterPart } from './renderable-letter.ts';
import { textBlock } from './template-model.ts';
import { defaultTemplate } from './templates.ts';

function compose(type: LetterType, content: object, language: LetterLanguage = 'nl') {
  return composeLetter({
    type,
    content: content as never,
    template: defaultTemplate(type, language),
    organisation: ORGANISATION,
  });
}

function bodyText(parts: readonly LetterPart[]): string {
  return parts
    .map((part) => {
      if (part.kind === 'list') return part.items.join('\n');
      if (part.kind === 'details') return part.rows.map((r) => `${r.label}: ${r.value}`).join('\n');
      if (part.kind === 'box') return part.lines.join('\n');
      return part.text;
    })
    .join('\n');
}

describe('composeLetter', () => {
  it.each(LETTER_TYPES)('composes the complete %s without gaps or problems', (type) => {
    const letter = compose(type, COMPLETE[type]);
    expect(letter.problems).toEqual([]);
    expect(letterToText(letter)).not.toMatch(/\[ontbreekt|\{\{|\}\}/);
  });

  it('fills the acknowledgment with R2’s elements, dates as a letter writes them', () => {
    const letter = compose('acknowledgment', COMPLETE.acknowledgment);
    const text = bodyText(letter.body);
    expect(text).toContain('Op 2 maart 2026 hebben wij uw klacht ontvangen.');
    expect(text).toContain('u bent het niet eens met de afwijzing van uw claim');
    expect(text).toContain('Wij bekijken uw dossier');
    expect(text).toContain('uiterlijk donderdag 2 april 2026 weer contact');
    expect(text).toContain('Uw klacht wordt behandeld door Sanne Prinsë.');
    expect(text).toContain('klachten@brouwer-zoen.nl');
    expect(letter).toMatchObject({
      reference: 'KL-2026-0042',
      dateLine: 'Utrecht, 4 maart 2026',
      subject: 'Ontvangstbevestiging van uw klacht',
      salutation: 'Geachte mevrouw Van Dijk-Noël,',
      closing: 'Met vriendelijke groet,',
      signer: { name: 'Inge Brouwer', role: 'Klachtencoördinator', organisationName: ORGANISATION.name },
      recipient: { name: 'Mevrouw Ë. van Dijk-Noël', addressLines: ['Kerkstraat 12', '3512 AB Utrecht'] },
      title: 'Ontvangstbevestiging KL-2026-0042',
      countersign: null,
    });
  });

  it('prints the KiFiD block of the decision letter with every item', () => {
    const letter = compose('decision', COMPLETE.decision);
    const box = letter.body.find((p) => p.kind === 'box');
    expect(box).toEqual({
      kind: 'box',
      lines: [
        'Stichting Klachteninstituut Financiële Dienstverlening (KiFiD)',
        'Postbus 93257',
        '2509 AG Den Haag',
        'Telefoon: 070-333 8 999',
        'E-mail: consumenten@kifid.nl',
        'Website: www.kifid.nl',
      ],
    });
    const text = bodyText(letter.body);
    expect(text).toContain('binnen drie maanden na dit standpunt');
    expect(text).toContain('Ons aansluitnummer bij KiFiD is 300.001234.');
  });

  it('puts labelled blocks in one table and lists as bullets', () => {
    const invitation = compose('meeting_invitation', COMPLETE.meeting_invitation);
    expect(invitation.body.find((p) => p.kind === 'details')).toEqual({
      kind: 'details',
      rows: [
        { label: 'Datum', value: 'donderdag 19 maart 2026' },
        { label: 'Tijd', value: '14.00 tot 15.00 uur' },
        { label: 'Plaats', value: 'Ons kantoor, Oudegracht 101, 3511 AD Utrecht (café Één hoog)' },
        { label: 'Gesprek met', value: 'Sanne Prinsë' },
      ],
    });
    const request = compose('information_request', COMPLETE.information_request);
    expect(request.body.find((p) => p.kind === 'list')).toEqual({
      kind: 'list',
      items: COMPLETE.information_request.missingInformation,
    });
  });

  it('leaves out a text block whose optional field is empty', () => {
    const full = bodyText(compose('delay_notice', COMPLETE.delay_notice).body);
    const bare = bodyText(
      compose('delay_notice', { ...COMPLETE.delay_notice, originalDate: null, receivedDate: ' ' }).body,
    );
    expect(full).toContain('Op 2 maart 2026 hebben wij uw klacht ontvangen.');
    expect(full).toContain('uiterlijk donderdag 2 april 2026 ons standpunt');
    expect(bare).not.toContain('Op ');
    expect(bare).not.toContain('donderdag 2 april 2026');
    expect(bare).toContain('U ontvangt ons standpunt uiterlijk vrijdag 24 april 2026.');
  });

  it('marks a missing required element in the preview and lists the problem', () => {
    const letter = compose('acknowledgment', { ...COMPLETE.acknowledgment, handlerName: '  ' });
    expect(bodyText(letter.body)).toContain(
      'Uw klacht wordt behandeld door [ontbreekt: de naam van de behandelaar].',
    );
    expect(letter.problems).toEqual(['De ontvangstbevestiging mist de naam van de behandelaar.']);
  });

  it('marks an empty list and a missing KiFiD item', () => {
    const request = compose('information_request', {
      ...COMPLETE.information_request,
      missingInformation: [' '],
    });
    expect(request.body.find((p) => p.kind === 'list')).toEqual({
      kind: 'list',
      items: ['[ontbreekt: welke informatie ontbreekt]'],
    });
    const decision = compose('decision', {
      ...COMPLETE.decision,
      disputesBody: { ...COMPLETE.decision.disputesBody, affiliationNumber: null },
    });
    expect(bodyText(decision.body)).toContain(
      'Ons aansluitnummer bij KiFiD is [ontbreekt: ons aansluitnummer bij KiFiD].',
    );
    expect(decision.problems).toHaveLength(1);
  });

  it('keeps values literal: no placeholder inside a value is expanded', () => {
    const letter = compose('acknowledgment', {
      ...COMPLETE.acknowledgment,
      complaintSummary:
        'mijn kenmerk is {{reference}} en <script>alert("x")</script> https://evil.example/a.png',
    });
    expect(bodyText(letter.body)).toContain(
      'mijn kenmerk is {{reference}} en <script>alert("x")</script> https://evil.example/a.png',
    );
  });

  it('removes control characters and direction overrides from user text', () => {
    expect(cleanText('  Sanne\u0000 Prins\u202Eë\r\nregel\ttwee  ')).toBe('Sanne Prinsë\nregel twee');
    expect(cleanText(null)).toBe('');
  });

  it('splits a text with blank lines into paragraphs', () => {
    const letter = compose('decision', {
      ...COMPLETE.decision,
      judgment: 'Eerste alinea.\n\n\nTweede alinea.\nZelfde alinea.',
    });
    const index = letter.body.findIndex((p) => p.kind === 'heading' && p.text === 'Ons oordeel');
    expect(letter.body.slice(index + 1, index + 3)).toEqual([
      { kind: 'paragraph', text: 'Eerste alinea.' },
      { kind: 'paragraph', text: 'Tweede alinea.\nZelfde alinea.' },
    ]);
  });

  it('uses the template’s salutation when the letter has none', () => {
    expect(compose('acknowledgment', { ...COMPLETE.acknowledgment, salutation: null }).salutation).toBe(
      'Geachte Mevrouw Ë. van Dijk-Noël,',
    );
    expect(compose('insurer_notification', COMPLETE.insurer_notification).salutation).toBe(
      'Geachte heer, mevrouw,',
    );
  });

  it('carries the addressee’s own reference only when there is one', () => {
    expect(compose('insurer_notification', COMPLETE.insurer_notification).yourReference).toBe('SCH-2026-55');
    expect(compose('acknowledgment', COMPLETE.acknowledgment).yourReference).toBeNull();
    expect(
      letterToText(compose('insurer_consultation_record', COMPLETE.insurer_consultation_record)),
    ).toMatch(/^Ons kenmerk: KL-2026-0042\nUw kenmerk: SCH-2026-55\nBetreft: /);
  });

  it('adds the signature lines to the hearing statement', () => {
    expect(compose('hearing_statement', COMPLETE.hearing_statement).countersign).toEqual({
      heading: 'Voor akkoord',
      statement: 'Ik heb deze samenvatting (ons kenmerk KL-2026-0042) gelezen en herken mij erin.',
      rows: [
        { label: 'Naam', value: 'Joël de Bruïne' },
        { label: 'Datum', value: '' },
        { label: 'Handtekening', value: '' },
      ],
    });
  });

  it('writes English letters', () => {
    const letter = compose('decision', COMPLETE.decision, 'en');
    expect(letter.dateLine).toBe('Utrecht, 27 March 2026');
    expect(letter.subject).toBe('Our position on your complaint');
    expect(bodyText(letter.body)).toContain('We received your complaint on 2 March 2026.');
    expect(bodyText(letter.body)).toContain('Phone: 070-333 8 999');
  });

  it('uses an organisation’s own template', () => {
    const template = defaultTemplate('acknowledgment', 'nl');
    const letter = composeLetter({
      type: 'acknowledgment',
      content: COMPLETE.acknowledgment,
      template: { ...template, blocks: [...template.blocks, textBlock('Namens {{organisationName}}.')] },
      organisation: ORGANISATION,
    });
    expect(bodyText(letter.body)).toContain(`Namens ${ORGANISATION.name}.`);
  });

  it('refuses a template of another type', () => {
    expect(() =>
      composeLetter({
        type: 'acknowledgment',
        content: COMPLETE.acknowledgment,
        template: defaultTemplate('decision', 'nl'),
        organisation: ORGANISATION,
      }),
    ).toThrow(RangeError);
  });
});
