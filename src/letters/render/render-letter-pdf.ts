import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';
import { LETTER_LABELS, type LetterLabels } from '../../domain/letters/letter-labels.ts';
import type { LetterLanguage } from '../../domain/letters/letter-types.ts';
import type { LetterPart, RenderableLetter } from '../../domain/letters/renderable-letter.ts';
import type { Letterhead } from './letterhead.ts';
import { reuseParsedFonts } from './parsed-font-cache.ts';

export interface RenderLetterOptions {
  readonly language: LetterLanguage;
}

const MM = 72 / 25.4;
const PAGE_MARGINS: [number, number, number, number] = [25 * MM, 30 * MM, 20 * MM, 25 * MM];
const CONTENT_WIDTH = 210 * MM - PAGE_MARGINS[0] - PAGE_MARGINS[2];
/** Dutch window envelopes (EA5/6, DL): the address window sits left, about 50 mm from the top. */
const ADDRESS_TOP = 50 * MM;
const ADDRESS_WIDTH = 85 * MM;
/** Where the letter itself starts on page 1, below the address window. */
const BODY_TOP = 95 * MM;

const INK = '#1f2933';
const MUTED = '#5f6b76';
const ACCENT = '#1d4e6b';
const RULE = '#c9d1d9';
const BOX = '#f2f5f7';
const DRAFT = '#b42318';

const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

interface VirtualFileSystem {
  existsSync(name: string): boolean;
  readFileSync(name: string): Buffer;
  writeFileSync(name: string, content: Buffer): void;
}

// pdfmake's Node API is one shared instance; its in-memory file system is not in its typings.
const pdf = pdfmake as typeof pdfmake & { readonly virtualfs: VirtualFileSystem };

let fonts: TFontDictionary | undefined;

/**
 * Roboto (SIL Open Font License 1.1) as shipped inside pdfmake, read once into pdfmake's memory
 * file system: while rendering, pdfmake then needs no file access at all. The fonts are parsed once
 * too, not per letter (see parsed-font-cache.ts).
 */
function loadFonts(): TFontDictionary {
  if (fonts === undefined) {
    const require = createRequire(import.meta.url);
    const folder = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
    const family = Object.fromEntries(
      Object.entries(FONT_FILES).map(([style, file]) => {
        const name = `klachtwijzer-fonts/${file}`;
        if (!pdf.virtualfs.existsSync(name))
          pdf.virtualfs.writeFileSync(name, readFileSync(join(folder, file)));
        return [style, name];
      }),
    );
    reuseParsedFonts(
      Object.values(family).map((name) => ({ name, bytes: pdf.virtualfs.readFileSync(name) })),
    );
    fonts = { Roboto: family };
  }
  return fonts;
}

const LANGUAGE_TAGS = { nl: 'nl-NL', en: 'en-GB' } as const;

function joinDot(parts: ReadonlyArray<string | null>): string {
  return parts.filter((part): part is string => part !== null && part !== '').join('  ·  ');
}

// E-mail addresses, web addresses and phone numbers are not broken at their hyphens or spaces:
// "klachten@brouwer-" at the end of a line reads as a different address. Longer tokens may break.
const UNBREAKABLE =
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|\b(?:https?:\/\/|www\.)[\p{L}\p{N}\-._~/?#&=%+:@]*[\p{L}\p{N}/]|\b0\d{1,3} ?- ?\d{2,3}(?: \d{1,3}){1,3}\b/gu;
const UNBREAKABLE_MAX = 45;

/** Plain text as pdfmake text runs: still nothing but strings, some of them kept on one line. */
function runs(text: string): string | Array<string | { text: string; noWrap: true }> {
  const out: Array<string | { text: string; noWrap: true }> = [];
  let last = 0;
  for (const match of text.matchAll(UNBREAKABLE)) {
    if (match[0].length > UNBREAKABLE_MAX) continue;
    if (match.index > last) out.push(text.slice(last, match.index));
    out.push({ text: match[0], noWrap: true });
    last = match.index + match[0].length;
  }
  if (out.length === 0) return text;
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function letterheadContent(letterhead: Letterhead, labels: LetterLabels): Content[] {
  const contactLines = [
    letterhead.phone === null ? null : `${labels.phone} ${letterhead.phone}`,
    letterhead.email,
    letterhead.website,
  ].filter((line): line is string => line !== null);
  const right: Content[] = [
    ...(letterhead.logo === null ? [] : [{ text: letterhead.organisationName, bold: true, color: INK }]),
    ...letterhead.addressLines.map((line) => ({ text: line })),
    ...(contactLines.length > 0 ? [{ text: ' ', fontSize: 4 }] : []),
    ...contactLines.map((line) => ({ text: line })),
  ];
  const left: Content =
    letterhead.logo === null
      ? { text: letterhead.organisationName, fontSize: 14, bold: true, color: ACCENT, lineHeight: 1.1 }
      : {
          image: `data:${letterhead.logo.mediaType};base64,${Buffer.from(letterhead.logo.bytes).toString('base64')}`,
          fit: [62 * MM, 20 * MM],
        };
  return [
    { absolutePosition: { x: PAGE_MARGINS[0], y: 15 * MM }, columns: [{ width: 102 * MM, stack: [left] }] },
    {
      absolutePosition: { x: 135 * MM, y: 15 * MM },
      columns: [{ width: 55 * MM, stack: right }],
      fontSize: 8,
      lineHeight: 1.25,
      color: MUTED,
    },
  ];
}

function addressContent(letter: RenderableLetter, letterhead: Letterhead): Content {
  const returnAddress = joinDot([letterhead.organisationName, ...letterhead.addressLines]);
  return {
    absolutePosition: { x: PAGE_MARGINS[0], y: ADDRESS_TOP - 5 * MM },
    columns: [
      {
        width: ADDRESS_WIDTH,
        stack: [
          { text: returnAddress, fontSize: 6.5, color: MUTED, margin: [0, 0, 0, 2.5 * MM] },
          { text: letter.recipient.name, lineHeight: 1.25 },
          ...letter.recipient.addressLines.map((line) => ({ text: line, lineHeight: 1.25 })),
        ],
      },
    ],
  };
}

// A paragraph this long may fill most of a page; it is allowed to split, so its heading stands alone.
const KEEP_WITH_HEADING_MAX = 700;

function keepsWithHeading(part: LetterPart | undefined): boolean {
  return part?.kind === 'paragraph' && part.text.length <= KEEP_WITH_HEADING_MAX;
}

function partContent(part: LetterPart, index: number, parts: readonly LetterPart[]): Content | null {
  switch (part.kind) {
    case 'heading':
      // A heading followed by a paragraph is drawn together with it (below), so it never ends a page.
      return keepsWithHeading(parts[index + 1]) ? null : { text: part.text, style: 'heading' };
    case 'paragraph': {
      const paragraph: Content = { text: runs(part.text), style: 'paragraph' };
      const previous = parts[index - 1];
      if (previous?.kind !== 'heading' || !keepsWithHeading(part)) return paragraph;
      return { stack: [{ text: previous.text, style: 'heading' }, paragraph], unbreakable: true };
    }
    case 'list':
      return { ul: part.items.map((item) => ({ text: runs(item), margin: [0, 0, 0, 2] })), style: 'list' };
    case 'details':
      return {
        table: {
          widths: [38 * MM, '*'],
          body: part.rows.map((row) => [{ text: row.label, color: MUTED }, { text: runs(row.value) }]),
        },
        layout: {
          hLineWidth: () => 0,
          vLineWidth: () => 0,
          paddingLeft: () => 0,
          paddingRight: () => 6,
          paddingTop: () => 1.5,
          paddingBottom: () => 1.5,
        },
        style: 'details',
      };
    case 'box':
      return {
        table: {
          widths: ['*'],
          body: [[{ stack: part.lines.map((line) => ({ text: runs(line) })), fillColor: BOX }]],
        },
        layout: {
          hLineWidth: () => 0,
          vLineWidth: (i: number) => (i === 0 ? 2 : 0),
          vLineColor: () => ACCENT,
          paddingLeft: () => 10,
          paddingRight: () => 10,
          paddingTop: () => 7,
          paddingBottom: () => 7,
        },
        unbreakable: true,
        style: 'box',
      };
    default:
      return null;
  }
}

function closingContent(letter: RenderableLetter): Content {
  return {
    stack: [
      { text: letter.closing, margin: [0, 6, 0, 0] },
      { text: letter.signer.name, bold: true, margin: [0, 30, 0, 0] },
      ...(letter.signer.role === null ? [] : [{ text: letter.signer.role }]),
      { text: letter.signer.organisationName },
    ],
    unbreakable: true,
  };
}

function countersignContent(letter: RenderableLetter): Content | null {
  const countersign = letter.countersign;
  if (countersign === null) return null;
  return {
    stack: [
      { text: countersign.heading, style: 'heading', margin: [0, 22, 0, 3] },
      { text: countersign.statement, margin: [0, 0, 0, 8] },
      {
        table: {
          widths: [30 * MM, 80 * MM],
          // The last row is the signature itself and needs room for it.
          body: countersign.rows.map((row, index) => {
            const top = index === countersign.rows.length - 1 ? 30 : 12;
            return [
              { text: row.label, color: MUTED, margin: [0, top, 0, 0] },
              { text: row.value === '' ? ' ' : row.value, margin: [0, top, 0, 0] },
            ];
          }),
        },
        layout: {
          hLineWidth: (i: number) => (i === 0 ? 0 : 0.6),
          hLineColor: () => RULE,
          vLineWidth: () => 0,
          paddingLeft: () => 0,
        },
      },
    ],
    unbreakable: true,
  };
}

function documentDefinition(
  letter: RenderableLetter,
  letterhead: Letterhead,
  labels: LetterLabels,
  language: LetterLanguage,
): TDocumentDefinitions {
  const body = letter.body
    .map((part, index, parts) => partContent(part, index, parts))
    .filter((content): content is Content => content !== null);
  const countersign = countersignContent(letter);
  const registration = joinDot([
    letterhead.organisationName,
    letterhead.kvkNumber === null ? null : `${labels.kvk} ${letterhead.kvkNumber}`,
    letterhead.afmNumber === null ? null : `${labels.afm} ${letterhead.afmNumber}`,
  ]);
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: LANGUAGE_TAGS[language],
    info: {
      title: letter.title,
      author: letterhead.organisationName,
      subject: letter.subject,
      keywords: letter.reference,
      creator: 'Klachtwijzer',
      producer: 'Klachtwijzer',
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.3, color: INK },
    styles: {
      heading: { bold: true, color: ACCENT, margin: [0, 6, 0, 2] },
      paragraph: { margin: [0, 0, 0, 8] },
      list: { margin: [0, 0, 0, 8] },
      details: { margin: [0, 0, 0, 10] },
      box: { margin: [0, 2, 0, 8] },
    },
    ...(letter.problems.length > 0
      ? { watermark: { text: labels.draft, color: DRAFT, opacity: 0.1, bold: true, fontSize: 110 } }
      : {}),
    header: (currentPage: number) => ({
      stack: [
        // A preview that may not be sent says so on every page; otherwise the line stays empty.
        letter.problems.length > 0 ? { text: labels.draftNote, color: DRAFT, bold: true } : { text: ' ' },
        currentPage === 1
          ? { text: ' ' }
          : {
              columns: [
                { text: letterhead.organisationName },
                { text: `${labels.reference}: ${letter.reference}`, alignment: 'right' },
              ],
              margin: [0, 2 * MM, 0, 0],
            },
      ],
      margin: [PAGE_MARGINS[0], 8 * MM, PAGE_MARGINS[2], 0],
      fontSize: 8,
      color: MUTED,
    }),
    footer: (currentPage: number, pageCount: number) => ({
      stack: [
        {
          canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: RULE }],
        },
        {
          columns: [
            { text: registration, width: '*' },
            { text: labels.page(currentPage, pageCount), width: 'auto', alignment: 'right' },
          ],
          margin: [0, 4, 0, 0],
        },
      ],
      margin: [PAGE_MARGINS[0], 10 * MM, PAGE_MARGINS[2], 0],
      fontSize: 7.5,
      color: MUTED,
    }),
    content: [
      ...letterheadContent(letterhead, labels),
      addressContent(letter, letterhead),
      { text: letter.dateLine, margin: [0, BODY_TOP - PAGE_MARGINS[1], 0, 10] },
      { text: `${labels.reference}: ${letter.reference}` },
      ...(letter.yourReference === null
        ? []
        : [{ text: `${labels.yourReference}: ${letter.yourReference}` }]),
      { text: `${labels.subject}: ${letter.subject}`, bold: true, margin: [0, 0, 0, 18] },
      { text: letter.salutation, margin: [0, 0, 0, 10] },
      ...body,
      closingContent(letter),
      ...(countersign === null ? [] : [countersign]),
    ],
  };
}

/**
 * The letter as an A4 PDF with embedded fonts. Everything from the letter is passed to pdfmake as
 * plain text nodes; images, URLs and files are refused by policy, so no field — however it is
 * written — can make the renderer fetch a URL or read a file (cf. osTicket CVE-2026-22200).
 */
export async function renderLetterPdf(
  letter: RenderableLetter,
  letterhead: Letterhead,
  options: RenderLetterOptions,
): Promise<Buffer> {
  if (options.language !== letter.language) {
    // The words around the text ("Pagina", "Ons kenmerk") would not match the letter itself.
    throw new RangeError(`a ${letter.language} letter cannot be rendered in ${options.language}`);
  }
  const labels = LETTER_LABELS[options.language];
  return renderPdfDocument(documentDefinition(letter, letterhead, labels, options.language));
}

/**
 * Any document with the letters' embedded Roboto and without URL or file access (the yearly report
 * and the dossier export's index use it too).
 * pdfmake keeps fonts and policies on its one shared instance and reads them in createPdf, so they
 * are set right before it, in the same synchronous step.
 */
export async function renderPdfDocument(definition: TDocumentDefinitions): Promise<Buffer> {
  pdf.setFonts(loadFonts());
  pdf.setUrlAccessPolicy(() => false);
  pdf.setLocalAccessPolicy(() => false);
  return pdf.createPdf(definition).getBuffer();
}
