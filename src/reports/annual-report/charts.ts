import type { Content } from 'pdfmake/interfaces.js';

/**
 * Simple bar charts as pdfmake vector drawings. The numbers are always written out as text next to
 * (or under) the bars — the bar helps the eye, the figure is what a reader quotes — and labels are
 * real text, so the PDF stays searchable and readable by a screen reader.
 */
export const CHART_COLOURS = {
  bar: '#1d4e6b',
  good: '#2f7d4f',
  warn: '#b7791f',
  bad: '#b42318',
  track: '#e6ebef',
  muted: '#5f6b76',
  rule: '#c9d1d9',
} as const;

export interface BarRow {
  readonly label: string;
  readonly value: number;
  /** What is written beside the bar; the value itself when left out. */
  readonly display?: string;
  readonly colour?: string;
}

const BAR_HEIGHT = 9;

/** Labels left, bars in the middle, values right: for categories, causes, channels, shares. */
export function horizontalBars(
  rows: readonly BarRow[],
  options: { barWidth: number; labelWidth: number; max?: number },
): Content {
  if (rows.length === 0)
    return { text: 'Geen gegevens in deze periode.', color: CHART_COLOURS.muted, italics: true };
  const max = Math.max(options.max ?? 0, ...rows.map((r) => r.value), 1e-9);
  return {
    table: {
      widths: [options.labelWidth, options.barWidth, 'auto'],
      body: rows.map((row) => [
        { text: row.label, fontSize: 8.5 },
        {
          canvas: [
            { type: 'rect', x: 0, y: 1.5, w: options.barWidth, h: BAR_HEIGHT, color: CHART_COLOURS.track },
            ...(row.value > 0
              ? [
                  {
                    type: 'rect' as const,
                    x: 0,
                    y: 1.5,
                    w: Math.max(0.8, (row.value / max) * options.barWidth),
                    h: BAR_HEIGHT,
                    color: row.colour ?? CHART_COLOURS.bar,
                  },
                ]
              : []),
          ],
        },
        { text: row.display ?? String(row.value), fontSize: 8.5, bold: true },
      ]),
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: () => 0,
      paddingRight: () => 6,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
  };
}

/** Bars standing up, one per column (months of a year), with the label and the count underneath. */
export function columnBars(rows: readonly BarRow[], options: { width: number; height: number }): Content {
  const count = Math.max(rows.length, 1);
  const slot = options.width / count;
  const barWidth = slot * 0.62;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const gridLines = [0.25, 0.5, 0.75, 1].map((f) => ({
    type: 'line' as const,
    x1: 0,
    y1: options.height * (1 - f),
    x2: options.width,
    y2: options.height * (1 - f),
    lineWidth: 0.3,
    lineColor: CHART_COLOURS.track,
  }));
  const bars = rows.flatMap((row, index) => {
    const h = (row.value / max) * options.height;
    return row.value > 0
      ? [
          {
            type: 'rect' as const,
            x: index * slot + (slot - barWidth) / 2,
            y: options.height - h,
            w: barWidth,
            h,
            color: row.colour ?? CHART_COLOURS.bar,
          },
        ]
      : [];
  });
  const baseline = {
    type: 'line' as const,
    x1: 0,
    y1: options.height,
    x2: options.width,
    y2: options.height,
    lineWidth: 0.6,
    lineColor: CHART_COLOURS.muted,
  };
  return {
    stack: [
      { canvas: [...gridLines, ...bars, baseline] },
      {
        columns: rows.map((row) => ({
          width: slot,
          stack: [
            { text: row.label, fontSize: 7.5, color: CHART_COLOURS.muted, alignment: 'center' as const },
            { text: row.display ?? String(row.value), fontSize: 8, bold: true, alignment: 'center' as const },
          ],
        })),
        columnGap: 0,
        margin: [0, 3, 0, 0] as [number, number, number, number],
      },
    ],
    unbreakable: true,
  };
}
