import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatDutchDate } from '../../domain/calendar/explain.ts';
import { LETTER_LABELS } from '../../domain/letters/letter-labels.ts';
import { letterheadContent, renderPdfDocument } from '../../letters/render/render-letter-pdf.ts';
import type { AnnualReportData } from './annual-report-data.ts';
import {
  actionsSection,
  CONTENT_WIDTH,
  explanationSection,
  keyFigures,
  kifidSection,
  MM,
  outcomesSection,
  recurringSection,
  timelinessSection,
  volumeSection,
} from './annual-report-sections.ts';

const INK = '#1f2933';
const MUTED = '#5f6b76';
const ACCENT = '#1d4e6b';
const RULE = '#c9d1d9';
const PAGE_MARGINS: [number, number, number, number] = [25 * MM, 30 * MM, 20 * MM, 25 * MM];

/**
 * The yearly complaints report for the board: the firm's letterhead, key figures, and a page each
 * for volume, timeliness, outcomes and causes, improvement actions and KiFiD. Only counts, names of
 * staff and complaint references appear — no complainant's personal data.
 */
export function annualReportDefinition(data: AnnualReportData): TDocumentDefinitions {
  const title = `Klachtenjaarverslag ${data.year}`;
  const name = data.letterhead.organisationName;
  const content: Content[] = [
    ...letterheadContent(data.letterhead, LETTER_LABELS.nl),
    { text: title, fontSize: 22, bold: true, color: ACCENT, margin: [0, 22 * MM, 0, 2] },
    {
      text: `${name} · klachten ontvangen van ${formatDutchDate(data.from)} tot en met ${formatDutchDate(data.to)} · opgemaakt op ${formatDutchDate(data.createdOn)}`,
      color: MUTED,
      fontSize: 9,
      margin: [0, 0, 0, 10],
    },
    keyFigures(data),
    ...volumeSection(data),
    { text: '', pageBreak: 'after' },
    ...timelinessSection(data),
    ...outcomesSection(data),
    { text: '', pageBreak: 'after' },
    ...recurringSection(data),
    ...actionsSection(data),
    ...kifidSection(data),
    ...explanationSection(data),
  ];
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: 'nl-NL',
    info: { title, author: name, subject: title, creator: 'Klachtwijzer', producer: 'Klachtwijzer' },
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.25, color: INK },
    styles: {
      heading: { fontSize: 13, bold: true, color: ACCENT, margin: [0, 12, 0, 6] },
      subheading: { bold: true, color: INK, margin: [0, 4, 0, 4] },
      note: { fontSize: 8.5, color: MUTED, margin: [0, 2, 0, 6] },
    },
    header: (currentPage: number) =>
      currentPage === 1
        ? { text: '' }
        : {
            columns: [{ text: name }, { text: title, alignment: 'right' }],
            margin: [PAGE_MARGINS[0], 12 * MM, PAGE_MARGINS[2], 0],
            fontSize: 8,
            color: MUTED,
          },
    footer: (currentPage: number, pageCount: number) => ({
      stack: [
        {
          canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: RULE }],
        },
        {
          columns: [
            { text: `${name} · ${title}`, width: '*' },
            { text: LETTER_LABELS.nl.page(currentPage, pageCount), width: 'auto', alignment: 'right' },
          ],
          margin: [0, 4, 0, 0],
        },
      ],
      margin: [PAGE_MARGINS[0], 10 * MM, PAGE_MARGINS[2], 0],
      fontSize: 7.5,
      color: MUTED,
    }),
    content,
  };
}

export async function renderAnnualReportPdf(data: AnnualReportData): Promise<Buffer> {
  return renderPdfDocument(annualReportDefinition(data));
}
