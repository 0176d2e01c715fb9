import { describe, expect, it } from 'vitest';
import { composeLetter } from './compose-letter.ts';
import { COMPLETE, ORGANISATION } from './letter-fixtures.ts';
import { letterToText } from './letter-text.ts';
import { defaultTemplate } from './templates.ts';

describe('letterToText', () => {
  it('writes the letter as an e-mail body from the same parts', () => {
    const letter = composeLetter({
      type: 'information_request',
      content: COMPLETE.information_request,
      template: defaultTemplate('information_request', 'nl'),
      organisation: ORGANISATION,
    });
    const text = letterToText(letter);
    expect(
      text.startsWith(
        'Ons kenmerk: KL-2026-0042\nBetreft: Verzoek om aanvullende informatie over uw klacht\n\n',
      ),
    ).toBe(true);
    expect(text).toContain('Geachte mevrouw Van Dijk-Noël,\n\n');
    expect(text).toContain(
      'Wat wij nog nodig hebben\nWilt u ons het volgende toesturen?\n\n- de schadefoto’s van de keuken\n',
    );
    expect(text).toContain('uiterlijk woensdag 18 maart 2026');
    expect(
      text.endsWith(`Met vriendelijke groet,\n\nInge Brouwer\nKlachtencoördinator\n${ORGANISATION.name}\n`),
    ).toBe(true);
    expect(text).not.toMatch(/\r/);
  });

  it('includes the KiFiD block and the signature lines', () => {
    const decision = letterToText(
      composeLetter({
        type: 'decision',
        content: COMPLETE.decision,
        template: defaultTemplate('decision', 'nl'),
        organisation: ORGANISATION,
      }),
    );
    expect(decision).toContain('  Postbus 93257\n  2509 AG Den Haag\n');
    expect(decision).toContain('Ons aansluitnummer bij KiFiD is 300.001234.');
    const statement = letterToText(
      composeLetter({
        type: 'hearing_statement',
        content: COMPLETE.hearing_statement,
        template: defaultTemplate('hearing_statement', 'nl'),
        organisation: ORGANISATION,
      }),
    );
    expect(statement).toContain('Voor akkoord\n');
    expect(statement).toContain(
      'Naam: Joël de Bruïne\nDatum: ____________________\nHandtekening: ____________________\n',
    );
  });
});
