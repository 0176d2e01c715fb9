import { createHash } from 'node:crypto';
import { join } from 'node:path';
import pdfmake from 'pdfmake';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isLocalDate } from '../../domain/calendar/local-date.ts';
import { cleanText, composeLetter } from '../../domain/letters/compose-letter.ts';
import { readField } from '../../domain/letters/letter-fields.ts';
import { disputesBodyBlock } from '../../domain/letters/disputes-body-block.ts';
import {
  AFFILIATION_NUMBER,
  COMPLETE,
  KIFID,
  longLetter,
  ORGANISATION,
} from '../../domain/letters/letter-fixtures.ts';
import { formatClockTime, formatLetterDate, isClockTime } from '../../domain/letters/letter-format.ts';
import {
  LETTER_TYPE_SPECS,
  LETTER_TYPES,
  type LetterLanguage,
  type LetterType,
} from '../../domain/letters/letter-types.ts';
import type { RenderableLetter } from '../../domain/letters/renderable-letter.ts';
import { defaultTemplate } from '../../domain/letters/templates.ts';
import { pdfPageCount, pdfToText, writeFirstPagePng } from './pdf-tools.ts';
import { renderLetterPdf } from './render-letter-pdf.ts';
import { LETTERHEAD, LETTERHEAD_WITH_LOGO } from './render-fixtures.ts';

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'letters');

function compose(type: LetterType, content: object, language: LetterLanguage = 'nl'): RenderableLetter {
  return composeLetter({
    type,
    content: content as never,
    template: defaultTemplate(type, language),
    organisation: ORGANISATION,
  });
}

/**
 * The running text of the letter: page headers and footers taken out, a line broken after a
 * hyphen joined again, all white space as single spaces.
 */
function flowText(raw: string): string {
  return raw
    .split('\n')
    .filter((line) => !/(Pagina|Page) \d+ (van|of) \d+/.test(line))
    .filter(
      (line) => !(line.trim().startsWith(ORGANISATION.name) && /(Ons kenmerk|Our reference):/.test(line)),
    )
    .join('\n')
    .replace(/(\p{L})-\n\s*/gu, '$1-')
    .replace(/\s+/g, ' ');
}

function flat(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** What the letter prints for each required element of its type. */
function requiredValues(type: LetterType, content: object, language: LetterLanguage): string[] {
  return LETTER_TYPE_SPECS[type].required.flatMap((field): string[] => {
    const value = readField(content, field.name);
    switch (field.kind) {
      case 'date':
        if (!isLocalDate(value)) throw new Error(`fixture lacks ${field.name}`);
        return [formatLetterDate(value, language, { weekday: field.upcoming === true })];
      case 'time':
        if (!isClockTime(value)) throw new Error(`fixture lacks ${field.name}`);
        return [formatClockTime(value, language)];
      case 'list':
        return (value as string[]).map(cleanText);
      case 'disputesBody':
        return Object.values(value as Record<string, string>).map(cleanText);
      default:
        return [cleanText(value)];
    }
  });
}

describe.each(LETTER_TYPES.map((type, index) => ({ type, withLogo: index % 2 === 1 })))(
  'the $type as a PDF',
  ({ type, withLogo }) => {
    const letterhead = withLogo ? LETTERHEAD_WITH_LOGO : LETTERHEAD;

    it('has every required element, the reference, the date and page numbers on two pages', async () => {
      const content = longLetter(type);
      const letter = compose(type, content);
      expect(letter.problems).toEqual([]);
      const pdf = await renderLetterPdf(letter, letterhead, { language: 'nl' });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdfPageCount(pdf)).toBe(2);
      const raw = pdfToText(pdf);
      expect(raw).toContain('Pagina 1 van 2');
      expect(raw).toContain('Pagina 2 van 2');
      expect(raw).toContain(`Ons kenmerk: ${letter.reference}`);
      const yourReference = letter.yourReference === null ? [] : [`Uw kenmerk: ${letter.yourReference}`];
      for (const line of yourReference) expect(raw).toContain(line);
      expect(raw).toContain(`KvK ${LETTERHEAD.kvkNumber}`);
      expect(raw).toContain(`AFM ${LETTERHEAD.afmNumber}`);
      const text = flowText(raw);
      for (const expected of [
        letter.dateLine,
        `Betreft: ${letter.subject}`,
        letter.salutation,
        letter.recipient.name,
        ...letter.recipient.addressLines,
        ...requiredValues(type, content, 'nl'),
        letter.closing,
        letter.signer.name,
      ]) {
        expect(text).toContain(flat(expected));
      }
      writeFirstPagePng(pdf, join(ARTIFACTS, `${type}-2p.png`));
    });

    it('renders the usual letter, and its first page as a PNG', async () => {
      const letter = compose(type, COMPLETE[type]);
      const pdf = await renderLetterPdf(letter, letterhead, { language: 'nl' });
      const text = flowText(pdfToText(pdf));
      for (const value of requiredValues(type, COMPLETE[type], 'nl')) expect(text).toContain(flat(value));
      writeFirstPagePng(pdf, join(ARTIFACTS, `${type}.png`));
    });
  },
);

describe('the decision letter’s KiFiD block', () => {
  it.each(['nl', 'en'] as const)('contains every item in the PDF (%s)', async (language) => {
    const content = {
      ...longLetter('decision'),
      disputesBody: disputesBodyBlock(KIFID, AFFILIATION_NUMBER, language),
    };
    const letter = compose('decision', content, language);
    const raw = pdfToText(await renderLetterPdf(letter, LETTERHEAD, { language }));
    const text = flowText(raw);
    expect(raw).toContain(language === 'nl' ? 'Pagina 2 van 2' : 'Page 2 of 2');
    for (const line of [
      'Stichting Klachteninstituut Financiële Dienstverlening (KiFiD)',
      'Postbus 93257',
      '2509 AG Den Haag',
      '070-333 8 999',
      'consumenten@kifid.nl',
      'www.kifid.nl',
      language === 'nl'
        ? 'Ons aansluitnummer bij KiFiD is 300.001234.'
        : 'Our KiFiD affiliation number is 300.001234.',
      language === 'nl' ? 'binnen drie maanden na dit standpunt' : 'within three months of this position',
    ]) {
      expect(text).toContain(line);
    }
  });
});

describe('text from users stays text', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const HOSTILE = {
    complaintSummary:
      '<script>alert("ë")</script> <img src="https://evil.example/pixel.png"> {{reference}} {{handlerName}} file:///etc/passwd',
    handlerName: 'Sanne <b>Prinsë</b> {{contactDetails}}',
    contactDetails: 'https://evil.example/report?q=1&x=2 of mailto:x@evil.example',
  };

  it('prints markup, placeholders and URLs literally, without touching the network', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const letter = compose('acknowledgment', { ...COMPLETE.acknowledgment, ...HOSTILE });
    const pdf = await renderLetterPdf(letter, LETTERHEAD_WITH_LOGO, { language: 'nl' });
    const text = flowText(pdfToText(pdf));
    expect(text).toContain(flat(HOSTILE.complaintSummary));
    expect(text).toContain(flat(HOSTILE.handlerName));
    expect(text).toContain(flat(HOSTILE.contactDetails));
    expect(fetchSpy).not.toHaveBeenCalled();
    // No link annotations: a URL in a field is not made clickable either.
    expect(pdf.toString('latin1')).not.toMatch(/\/URI|\/Launch|\/JavaScript/);
  });

  it('leaves pdfmake refusing every URL and every file after a render', async () => {
    await renderLetterPdf(compose('acknowledgment', COMPLETE.acknowledgment), LETTERHEAD, { language: 'nl' });
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    await expect(
      pdfmake
        .createPdf({ images: { logo: 'https://evil.example/logo.png' }, content: [{ image: 'logo' }] })
        .getBuffer(),
    ).rejects.toThrow(/Access to URL denied/);
    await expect(pdfmake.createPdf({ content: [{ image: '/etc/passwd' }] }).getBuffer()).rejects.toThrow(
      /Access to local file denied/,
    );
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('previews', () => {
  it('marks an unfinished letter as a draft and shows what is missing', async () => {
    const letter = compose('acknowledgment', { ...COMPLETE.acknowledgment, handlerName: null });
    const text = flowText(pdfToText(await renderLetterPdf(letter, LETTERHEAD, { language: 'nl' })));
    expect(text).toContain('CONCEPT – deze brief is nog niet compleet en kan zo niet worden verstuurd.');
    expect(text).toContain('[ontbreekt: de naam van de behandelaar]');
  });

  it('has no draft mark on a complete letter', async () => {
    const letter = compose('acknowledgment', COMPLETE.acknowledgment);
    expect(pdfToText(await renderLetterPdf(letter, LETTERHEAD, { language: 'nl' }))).not.toContain('CONCEPT');
  });
});

describe('the PDF itself', () => {
  it('embeds its fonts and carries the letter in its metadata', async () => {
    const letter = compose('decision', COMPLETE.decision);
    const pdf = await renderLetterPdf(letter, LETTERHEAD, { language: 'nl' });
    const bytes = pdf.toString('latin1');
    expect(bytes).toMatch(/\/FontFile2/);
    expect(bytes).not.toMatch(/\/BaseFont \/Helvetica/);
    expect(bytes).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(createHash('sha256').update(pdf).digest('hex')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives each letter its own font subset while the fonts are parsed once per process', async () => {
    // The first render parses the fonts; the later ones reuse that parse. Characters that only the
    // later letter uses must still be in its own embedded subset, or the reader sees blanks.
    await renderLetterPdf(compose('decision', COMPLETE.decision), LETTERHEAD, { language: 'nl' });
    const content = { ...COMPLETE.acknowledgment, complaintSummary: 'Œuvre façade Ærø Ŧest ŋ ß ÿ ĳ.' };
    const later = await renderLetterPdf(compose('acknowledgment', content), LETTERHEAD, { language: 'nl' });
    expect(later.toString('latin1').match(/\/FontFile2/g)?.length).toBeGreaterThanOrEqual(1);
    expect(flat(pdfToText(later))).toContain('Œuvre façade Ærø Ŧest ŋ ß ÿ ĳ.');
  });

  it('refuses to frame a Dutch letter in English', async () => {
    const letter = compose('acknowledgment', COMPLETE.acknowledgment);
    await expect(renderLetterPdf(letter, LETTERHEAD, { language: 'en' })).rejects.toThrow(RangeError);
  });
});
