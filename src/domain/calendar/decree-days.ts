import { parseLocalDate, yearOf, type LocalDate } from './local-date.ts';

export const ATW_ART_3_LID_3 = 'Algemene termijnenwet art. 3 lid 3';

export interface DecreeDay {
  readonly date: LocalDate;
  /** Why this day was chosen, in Dutch (e.g. "vrijdag na Hemelvaartsdag"). */
  readonly description: string;
}

/**
 * A royal decree (Besluit gelijkstelling dagen) that equates days with the holidays of
 * Algemene termijnenwet art. 3 lid 1. They are published for three years at a time, so the
 * years it covers matter as much as its days: a year it covers with no day in it is still final.
 */
export interface Decree {
  readonly id: string;
  readonly firstYear: number;
  /** Inclusive. */
  readonly lastYear: number;
  readonly title: string;
  /** Where the decree was taken from; no publication number is given where we have not checked one. */
  readonly source: string;
  readonly days: readonly DecreeDay[];
}

const day = (date: string, description: string): DecreeDay => ({ date: parseLocalDate(date), description });

export const DECREES: readonly Decree[] = [
  {
    id: 'gelijkstelling-2023-2025',
    firstYear: 2023,
    lastYear: 2025,
    title: 'Besluit gelijkstelling dagen Algemene termijnenwet 2023, 2024 en 2025',
    source:
      'Koninklijk besluit op grond van Algemene termijnenwet art. 3 lid 3 voor de jaren 2023–2025; de vindplaats (publicatienummer) is in deze gegevens nog niet opgenomen',
    days: [
      day('2023-04-28', 'vrijdag na Koningsdag'),
      day('2023-05-19', 'vrijdag na Hemelvaartsdag'),
      day('2024-05-10', 'vrijdag na Hemelvaartsdag'),
      day('2024-12-27', 'vrijdag na Tweede Kerstdag'),
      day('2025-05-30', 'vrijdag na Hemelvaartsdag'),
    ],
  },
  {
    id: 'gelijkstelling-2026-2028',
    firstYear: 2026,
    lastYear: 2028,
    title: 'Besluit gelijkstelling dagen Algemene termijnenwet 2026, 2027 en 2028',
    source:
      'Koninklijk besluit op grond van Algemene termijnenwet art. 3 lid 3 voor de jaren 2026–2028; de vindplaats (publicatienummer) is in deze gegevens nog niet opgenomen',
    days: [
      day('2026-01-02', 'vrijdag na Nieuwjaarsdag'),
      day('2026-05-15', 'vrijdag na Hemelvaartsdag'),
      day('2027-05-07', 'vrijdag na Hemelvaartsdag'),
      day('2028-04-28', 'vrijdag na Koningsdag'),
      day('2028-05-26', 'vrijdag na Hemelvaartsdag'),
    ],
  },
];

export function decreeCovering(year: number, decrees: readonly Decree[] = DECREES): Decree | null {
  return decrees.find((decree) => decree.firstYear <= year && year <= decree.lastYear) ?? null;
}

/** Whether a published decree in the data settles the equated days of this year. */
export function isYearCoveredByDecree(year: number, decrees: readonly Decree[] = DECREES): boolean {
  return decreeCovering(year, decrees) !== null;
}

export function decreeDaysOf(
  year: number,
  decrees: readonly Decree[] = DECREES,
): ReadonlyArray<DecreeDay & { readonly decree: Decree }> {
  const decree = decreeCovering(year, decrees);
  if (decree === null) return [];
  return decree.days.filter((d) => yearOf(d.date) === year).map((d) => ({ ...d, decree }));
}
