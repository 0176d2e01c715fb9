import type { Content } from 'pdfmake/interfaces.js';
import { KIFID_OUTCOME_CODES, KIFID_OUTCOME_LABELS } from '../../domain/reports/outcomes.ts';
import { channelWord } from '../../domain/reports/register.ts';
import type { ClockShare } from '../../domain/reports/timeliness.ts';
import type { TimelinessClock } from '../../domain/reports/complaint-facts.ts';
import type { AnnualReportData } from './annual-report-data.ts';
import { CHART_COLOURS, columnBars, horizontalBars, type BarRow } from './charts.ts';
import { decimal, dutchDate, monthAbbreviation, percent } from './format.ts';

export const MM = 72 / 25.4;
export const CONTENT_WIDTH = 210 * MM - 25 * MM - 20 * MM;
const ACCENT = '#1d4e6b';
const BOX = '#f2f5f7';
const MUTED = '#5f6b76';

export const PROMISES: ReadonlyArray<{ clock: TimelinessClock; label: string }> = [
  { clock: 'acknowledgment', label: 'Ontvangst bevestigd binnen 3 werkdagen' },
  { clock: 'missingInformation', label: 'Ontbrekende informatie gevraagd binnen 10 werkdagen' },
  { clock: 'decisionWithinTerm', label: 'Standpunt binnen 1 maand' },
  { clock: 'decisionByTarget', label: 'Standpunt binnen de (verlengde) termijn' },
  { clock: 'delayNotice', label: 'Bericht over uitstel op tijd' },
];

const heading = (text: string): Content => ({ text, style: 'heading' });
const note = (text: string): Content => ({ text, style: 'note' });

function shareColour(share: number | null): string {
  if (share === null) return CHART_COLOURS.track;
  return share >= 0.9 ? CHART_COLOURS.good : share >= 0.75 ? CHART_COLOURS.warn : CHART_COLOURS.bad;
}

export function keyFigures(data: AnnualReportData): Content {
  const t = data.timeliness;
  const o = data.outcomes.outcomes;
  const judged = o.gegrond + o.deels_gegrond + o.ongegrond;
  const tiles = [
    { value: String(t.complaints), label: 'klachten ontvangen' },
    { value: percent(t.clocks.acknowledgment.share), label: 'ontvangst op tijd bevestigd' },
    { value: percent(t.clocks.decisionWithinTerm.share), label: 'standpunt binnen 1 maand' },
    {
      value: t.handlingTime.medianDays === null ? '–' : `${decimal(t.handlingTime.medianDays)} d`,
      label: 'mediane behandelduur',
    },
    {
      value: percent(judged === 0 ? null : (o.gegrond + o.deels_gegrond) / judged),
      label: '(deels) gegrond',
    },
  ];
  return {
    table: {
      widths: tiles.map(() => '*'),
      body: [
        tiles.map((tile) => ({
          stack: [
            { text: tile.value, fontSize: 17, bold: true, color: ACCENT },
            { text: tile.label, fontSize: 7.5, color: MUTED },
          ],
          fillColor: BOX,
        })),
      ],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i: number) => (i === 0 || i === tiles.length ? 0 : 4),
      vLineColor: () => '#ffffff',
      paddingLeft: () => 7,
      paddingRight: () => 5,
      paddingTop: () => 7,
      paddingBottom: () => 7,
    },
    margin: [0, 4, 0, 12],
  };
}

export function volumeSection(data: AnnualReportData): Content[] {
  return [
    heading('Klachten per maand van ontvangst'),
    columnBars(
      data.perMonth.map((m) => ({ label: monthAbbreviation(m.month), value: m.count })),
      { width: CONTENT_WIDTH, height: 42 * MM },
    ),
    {
      columns: [
        {
          width: '*',
          stack: [
            { text: 'Per kanaal', style: 'subheading' },
            horizontalBars(
              data.channels.map((c) => ({ label: c.key ? channelWord(c.key) : 'onbekend', value: c.count })),
              { labelWidth: 24 * MM, barWidth: 35 * MM },
            ),
          ],
        },
        {
          width: '*',
          stack: [
            { text: 'Per product', style: 'subheading' },
            horizontalBars(
              data.products.slice(0, 8).map((p) => ({ label: p.label ?? 'niet ingevuld', value: p.count })),
              { labelWidth: 30 * MM, barWidth: 30 * MM },
            ),
          ],
        },
      ],
      columnGap: 8 * MM,
      margin: [0, 8, 0, 0],
    },
  ];
}

function shareRow(label: string, share: ClockShare): Content[] {
  return [
    { text: label },
    { text: String(share.onTime), alignment: 'right' },
    { text: String(share.late), alignment: 'right' },
    { text: String(share.missed), alignment: 'right' },
    { text: String(share.open), alignment: 'right' },
    { text: percent(share.share), alignment: 'right', bold: true },
  ];
}

export function timelinessSection(data: AnnualReportData): Content[] {
  const t = data.timeliness;
  const header = ['Belofte', 'op tijd', 'te laat', 'gemist', 'loopt nog', 'aandeel op tijd'].map(
    (text, i): Content => ({
      text,
      bold: true,
      color: MUTED,
      fontSize: 8,
      alignment: i === 0 ? 'left' : 'right',
    }),
  );
  const bars: BarRow[] = PROMISES.map((p) => ({
    label: p.label,
    value: t.clocks[p.clock].share ?? 0,
    display: percent(t.clocks[p.clock].share),
    colour: shareColour(t.clocks[p.clock].share),
  }));
  const h = t.handlingTime;
  return [
    heading('Houden wij ons aan onze termijnen?'),
    horizontalBars(bars, { labelWidth: 70 * MM, barWidth: 60 * MM, max: 1 }),
    {
      table: {
        headerRows: 1,
        widths: ['*', 32, 32, 32, 38, 56],
        body: [header, ...PROMISES.map((p) => shareRow(p.label, t.clocks[p.clock]))],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8.5,
      margin: [0, 8, 0, 4],
    },
    note(
      h.count === 0
        ? 'Nog geen standpunten gegeven: geen behandelduur.'
        : `Behandelduur (dagen van ontvangst tot ons standpunt, ${h.count} klachten met een standpunt): ` +
            `mediaan ${decimal(h.medianDays)}, 90e percentiel ${decimal(h.p90Days)}.`,
    ),
  ];
}

export function outcomesSection(data: AnnualReportData): Content[] {
  const o = data.outcomes.outcomes;
  const rows: BarRow[] = [
    { label: 'gegrond', value: o.gegrond },
    { label: 'deels gegrond', value: o.deels_gegrond },
    { label: 'ongegrond', value: o.ongegrond },
    { label: 'ingetrokken', value: o.ingetrokken },
    { label: 'nog geen uitkomst', value: o.none, colour: CHART_COLOURS.track },
  ];
  return [
    heading('Uitkomsten'),
    horizontalBars(rows, { labelWidth: 35 * MM, barWidth: 80 * MM }),
    {
      columns: [
        {
          width: '*',
          stack: [
            { text: 'Categorieën', style: 'subheading' },
            horizontalBars(
              data.outcomes.categories
                .slice(0, 10)
                .map((c) => ({ label: c.label ?? 'niet ingevuld', value: c.count })),
              { labelWidth: 35 * MM, barWidth: 30 * MM },
            ),
          ],
        },
        {
          width: '*',
          stack: [
            { text: 'Grondoorzaken', style: 'subheading' },
            horizontalBars(
              data.outcomes.rootCauses
                .slice(0, 10)
                .map((c) => ({ label: c.label ?? 'niet ingevuld', value: c.count })),
              { labelWidth: 35 * MM, barWidth: 30 * MM },
            ),
          ],
        },
      ],
      columnGap: 8 * MM,
      margin: [0, 8, 0, 0],
    },
  ];
}

export function recurringSection(data: AnnualReportData): Content[] {
  const rule = data.outcomes.recurrenceRule;
  const recurring = data.outcomes.recurringCauses.filter((c) => c.recurring);
  return [
    heading('Terugkerende oorzaken'),
    note(
      `Een oorzaak heet terugkerend als dezelfde grondoorzaak bij ten minste ${rule.threshold} klachten ` +
        `voorkomt die binnen ${rule.windowDays} dagen na elkaar zijn ontvangen.`,
    ),
    recurring.length === 0
      ? { text: 'Geen terugkerende oorzaken in deze periode.', italics: true, color: MUTED }
      : {
          ul: recurring.map((c) => ({
            text: [
              { text: c.label, bold: true },
              ` — ${c.peak.count} klachten tussen ${dutchDate(c.peak.from)} en ${dutchDate(c.peak.to)} ` +
                `(${c.references.join(', ')}); ${c.total} in het hele jaar.`,
            ],
            margin: [0, 0, 0, 2],
          })),
        },
  ];
}

export function actionsSection(data: AnnualReportData): Content[] {
  const status = { open: 'open', done: 'afgerond', cancelled: 'vervallen' } as const;
  return [
    heading('Verbeteracties'),
    data.actions.length === 0
      ? { text: 'Geen verbeteracties vastgelegd.', italics: true, color: MUTED }
      : {
          table: {
            headerRows: 1,
            widths: ['*', 70, 58, 48, 80],
            body: [
              ['Actie', 'Eigenaar', 'Uiterlijk', 'Status', 'Naar aanleiding van'].map((text) => ({
                text,
                bold: true,
                color: MUTED,
                fontSize: 8,
              })),
              ...data.actions.map((a) => [
                {
                  text: a.rootCause
                    ? [{ text: a.title }, { text: `\n${a.rootCause}`, color: MUTED, fontSize: 7.5 }]
                    : a.title,
                },
                { text: a.owner.name },
                { text: dutchDate(a.dueDate) },
                { text: status[a.status] },
                { text: a.complaints.map((c) => c.reference).join(', ') || '–', fontSize: 7.5 },
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
          fontSize: 8.5,
        },
  ];
}

export function kifidSection(data: AnnualReportData): Content[] {
  const k = data.outcomes.kifid;
  return [
    heading('Voorgelegd aan KiFiD'),
    k.referred === 0
      ? { text: 'Geen klachten uit deze periode voorgelegd aan KiFiD.', italics: true, color: MUTED }
      : horizontalBars(
          [
            ...KIFID_OUTCOME_CODES.map((code) => ({
              label: KIFID_OUTCOME_LABELS[code],
              value: k.byOutcome[code],
            })),
            { label: 'nog geen uitkomst', value: k.pending, colour: CHART_COLOURS.track },
          ],
          { labelWidth: 50 * MM, barWidth: 60 * MM },
        ),
  ];
}

export function explanationSection(data: AnnualReportData): Content[] {
  return [
    heading('Hoe is geteld?'),
    {
      ul: [
        `Alle cijfers gaan over klachten ontvangen van ${dutchDate(data.from)} tot en met ${dutchDate(data.to)} ` +
          '(datum van ontvangst in Nederlandse tijd). Meldingen die geen klacht bleken (heringedeeld) tellen niet mee.',
        'Een termijn telt mee zodra hij is afgelopen of gehaald: op tijd, te laat of gemist. Termijnen die nog lopen ' +
          'of niet nodig waren (bijvoorbeeld na intrekking) staan apart en tellen niet mee in het aandeel.',
        'Werkdagen volgen de Algemene termijnenwet (weekend, feestdagen, gelijkgestelde dagen) en de eigen sluitingsdagen van het kantoor.',
        '"Standpunt binnen 1 maand" meet tegen de oorspronkelijke termijn; "binnen de (verlengde) termijn" telt een ' +
          'tijdig verstuurd bericht over uitstel mee.',
        'De behandelduur is het aantal kalenderdagen van de datum van ontvangst tot de dag waarop ons standpunt de klager bereikte.',
      ].map((text) => ({ text, margin: [0, 0, 0, 2] as [number, number, number, number] })),
      fontSize: 8.5,
      color: MUTED,
    },
  ];
}
