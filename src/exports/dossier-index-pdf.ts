import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { IndexRow } from '../domain/exports/dossier-export-plan.ts';
import { renderPdfDocument } from '../letters/render/render-letter-pdf.ts';
import type { DossierExportHeader } from './dossier-export.repository.ts';

const MM = 72 / 25.4;
const MARGINS: [number, number, number, number] = [18 * MM, 22 * MM, 18 * MM, 20 * MM];
const CONTENT_WIDTH = 210 * MM - MARGINS[0] - MARGINS[2];
const INK = '#1f2933';
const MUTED = '#5f6b76';
const ACCENT = '#1d4e6b';
const RULE = '#c9d1d9';
const ZEBRA = '#f2f5f7';

const STATUS: Record<string, string> = {
  received: 'Ontvangen',
  acknowledged: 'Ontvangst bevestigd',
  in_investigation: 'In onderzoek',
  decided: 'Oordeel gegeven',
  closed: 'Afgesloten',
  withdrawn: 'Ingetrokken',
  reclassified: 'Geen klacht (anders geclassificeerd)',
};
const CHANNEL: Record<string, string> = {
  web_form: 'Webformulier',
  email: 'E-mail',
  letter: 'Brief',
  phone: 'Telefoon',
  visit: 'Bezoek',
  api: 'Koppeling (API)',
};
const OUTCOME: Record<string, string> = {
  gegrond: 'Gegrond',
  deels_gegrond: 'Deels gegrond',
  ongegrond: 'Ongegrond',
  ingetrokken: 'Ingetrokken',
};

const dateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** "24-11-2026 10:00:05", Amsterdam time: how the dossier screens show a moment. */
export function formatDutchDateTime(moment: Date): string {
  return dateTime.format(moment).replace(',', '');
}

export interface DossierIndexInput {
  header: DossierExportHeader;
  rows: readonly IndexRow[];
  chainHead: { sequence: number; hash: string | null };
  createdAt: Date;
  exportedBy: string;
  fileCount: number;
}

function details(input: DossierIndexInput): Content {
  const { header } = input;
  const rows: Array<[string, string]> = [
    ['Klager', header.complainantName],
    ['Ontvangen', formatDutchDateTime(header.receivedAt)],
    ['Kanaal', CHANNEL[header.channel] ?? header.channel],
    ['Product', header.product ?? '—'],
    ['Behandelaar', header.handlerName ?? '—'],
    ['Status', STATUS[header.status] ?? header.status],
    ['Uitkomst', header.outcome === null ? '—' : (OUTCOME[header.outcome] ?? header.outcome)],
    ['Export gemaakt', `${formatDutchDateTime(input.createdAt)} door ${input.exportedBy}`],
    ['Gebeurtenissen', `${input.chainHead.sequence} (hashketen, laatste volgnummer)`],
    ['Laatste hash', input.chainHead.hash ?? '—'],
    ['Bestanden', `${input.fileCount}; SHA-256 van elk bestand in manifest.json en manifest.txt`],
  ];
  return {
    table: {
      widths: [32 * MM, '*'],
      body: rows.map(([label, value]) => [
        { text: label, color: MUTED },
        label === 'Laatste hash' ? { text: value, fontSize: 7.5 } : { text: value },
      ]),
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: () => 0,
      paddingTop: () => 1.5,
      paddingBottom: () => 1.5,
    },
    margin: [0, 0, 0, 12],
  };
}

function indexTable(rows: readonly IndexRow[]): Content {
  const head: TableCell[] = ['Nr', 'Datum en tijd', 'Soort', 'Omschrijving', 'Bestand in de ZIP'].map(
    (text) => ({
      text,
      bold: true,
      color: ACCENT,
    }),
  );
  const body: TableCell[][] = rows.map((row) => {
    const muted = row.kind === 'event' ? { color: MUTED } : {};
    return [
      { text: String(row.number), ...muted },
      { text: formatDutchDateTime(row.at), ...muted },
      { text: row.kind === 'event' ? `${row.label} (#${row.sequence})` : row.label, ...muted },
      { text: row.kind === 'event' ? '' : row.title, ...muted },
      { stack: row.files.map((file) => ({ text: file })), fontSize: 7.5 },
    ];
  });
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [9 * MM, 31 * MM, 34 * MM, '*', 52 * MM],
      body: [head, ...body],
    },
    layout: {
      hLineWidth: (i: number) => (i === 1 ? 0.8 : 0),
      hLineColor: () => RULE,
      vLineWidth: () => 0,
      fillColor: (i: number) => (i > 0 && i % 2 === 0 ? ZEBRA : null),
      paddingTop: () => 2.5,
      paddingBottom: () => 2.5,
    },
    fontSize: 8.5,
  };
}

/** The chronological index of a dossier export: every item and event, and where its file sits. */
export async function renderDossierIndexPdf(input: DossierIndexInput): Promise<Buffer> {
  const { header } = input;
  const letterhead = header.letterhead;
  const title = `Dossier ${header.reference}`;
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: MARGINS,
    language: 'nl-NL',
    info: {
      title: `${title}: inhoudsopgave`,
      author: letterhead.organisationName,
      subject: 'Dossierexport',
      keywords: header.reference,
      creator: 'Klachtwijzer',
      producer: 'Klachtwijzer',
    },
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.2, color: INK },
    header: (currentPage: number) =>
      currentPage === 1
        ? { text: '' }
        : {
            columns: [
              { text: letterhead.organisationName },
              { text: `${title} — inhoudsopgave`, alignment: 'right' },
            ],
            margin: [MARGINS[0], 10 * MM, MARGINS[2], 0],
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
            {
              text: `${letterhead.organisationName}  ·  ${title}  ·  export ${formatDutchDateTime(input.createdAt)}`,
            },
            { text: `Pagina ${currentPage} van ${pageCount}`, alignment: 'right', width: 'auto' },
          ],
          margin: [0, 4, 0, 0],
        },
      ],
      margin: [MARGINS[0], 6 * MM, MARGINS[2], 0],
      fontSize: 7.5,
      color: MUTED,
    }),
    content: [
      {
        columns: [
          letterhead.logo === null
            ? { text: letterhead.organisationName, fontSize: 14, bold: true, color: ACCENT }
            : {
                image: `data:${letterhead.logo.mediaType};base64,${Buffer.from(letterhead.logo.bytes).toString('base64')}`,
                fit: [55 * MM, 18 * MM],
              },
          {
            stack: [...letterhead.addressLines, letterhead.phone, letterhead.email, letterhead.website]
              .filter((line): line is string => line !== null)
              .map((line) => ({ text: line })),
            width: 60 * MM,
            fontSize: 8,
            color: MUTED,
          },
        ],
        margin: [0, 0, 0, 10 * MM],
      },
      {
        text: `${title}: inhoudsopgave van de export`,
        fontSize: 15,
        bold: true,
        color: ACCENT,
        margin: [0, 0, 0, 2],
      },
      {
        text:
          'Alle dossieronderdelen en gebeurtenissen in tijdsvolgorde. Documenten staan in de ZIP precies zoals ze ' +
          'zijn verstuurd of ontvangen; teksten uit het dossier (notities, berichten) als platte tekst.',
        color: MUTED,
        margin: [0, 0, 0, 8],
      },
      details(input),
      indexTable(input.rows),
    ],
  };
  return renderPdfDocument(definition);
}
