import { dayOfWeek, localDateParts, yearOf, type LocalDate } from './local-date.ts';
import type { CalendarTermResult, SkippedDay, TermResult, TermUnit, WorkingDaysTermResult } from './terms.ts';

export const WEEKDAY_ABBREVIATIONS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;

export const MONTH_NAMES = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** What a term is counted from; each language names it in its own words. */
export type TermStart = 'receipt' | 'final_position' | 'hearing_request';

/** How the start of a term is named in an explanation. */
export interface ExplainWording {
  readonly start: TermStart;
  /** Before the start date: "ontvangen do 21-12-2028". */
  readonly startLabel: string;
  /** After the amount: "3 werkdagen na ontvangst". */
  readonly afterLabel: string;
}

export const RECEIPT_WORDING: ExplainWording = {
  start: 'receipt',
  startLabel: 'ontvangen',
  afterLabel: 'na ontvangst',
};
export const FINAL_POSITION_WORDING: ExplainWording = {
  start: 'final_position',
  startLabel: 'standpunt',
  afterLabel: 'na het standpunt',
};
export const HEARING_REQUEST_WORDING: ExplainWording = {
  start: 'hearing_request',
  startLabel: 'gevraagd',
  afterLabel: 'na het verzoek',
};

function weekdayOf(date: LocalDate): string {
  return WEEKDAY_ABBREVIATIONS[dayOfWeek(date) - 1] ?? '';
}

function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? '';
}

/** "do 21-12-2028" */
export function formatDutchDate(date: LocalDate): string {
  const { year, month, day } = localDateParts(date);
  return `${weekdayOf(date)} ${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-${year}`;
}

/** "a", "a en b", "a, b en c" */
export function joinDutch(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items.at(-1) ?? ''}`;
}

/**
 * Dates in order as running Dutch text, naming each month once after its last day:
 * "vr 29 december, di 2 en wo 3 januari 2029". The year is only named when it differs from
 * `referenceYear`.
 */
export function formatDayList(dates: readonly LocalDate[], referenceYear: number): string {
  const items = dates.map((date, index) => {
    const { year, month, day } = localDateParts(date);
    const text = `${weekdayOf(date)} ${day}`;
    const next = dates[index + 1];
    const monthEnds = next === undefined || next.slice(0, 7) !== date.slice(0, 7);
    if (!monthEnds) return text;
    return year === referenceYear ? `${text} ${monthName(month)}` : `${text} ${monthName(month)} ${year}`;
  });
  return joinDutch(items);
}

export function skippedText(skipped: readonly SkippedDay[], referenceYear: number): string {
  // Neighbouring entries with the same label are told together: "za 23 en zo 24 december (weekend)".
  const runs: Array<{ label: string; dates: LocalDate[] }> = [];
  for (const { date, reason } of skipped) {
    const label = reason.kind === 'weekend' ? 'weekend' : reason.name;
    const last = runs.at(-1);
    if (last !== undefined && last.label === label) last.dates.push(date);
    else runs.push({ label, dates: [date] });
  }
  return runs.map((run) => `${formatDayList(run.dates, referenceYear)} (${run.label})`).join(', ');
}

function amountText(unit: TermUnit, amount: number): string {
  switch (unit) {
    case 'working-days':
      return amount === 1 ? '1 werkdag' : `${amount} werkdagen`;
    case 'months':
      return amount === 1 ? '1 maand' : `${amount} maanden`;
    case 'weeks':
      return amount === 1 ? '1 week' : `${amount} weken`;
    default:
      return String(amount);
  }
}

function provisionalText(result: TermResult): string {
  if (!result.provisional) return '';
  const years = joinDutch(result.uncoveredYears.map(String));
  return `; voorlopig: voor ${years} is nog geen besluit gelijkstelling (Algemene termijnenwet art. 3 lid 3) in de kalender opgenomen`;
}

function explainWorkingDays(result: WorkingDaysTermResult, wording: ExplainWording): string {
  const referenceYear = yearOf(result.start);
  const parts = [
    `${wording.startLabel} ${formatDutchDate(result.start)}`,
    `${amountText(result.unit, result.amount)} ${wording.afterLabel}: ${formatDayList(result.countedDays, referenceYear)}`,
  ];
  if (result.skipped.length > 0) parts.push(`niet meegeteld: ${skippedText(result.skipped, referenceYear)}`);
  parts.push(`uiterlijk ${formatDutchDate(result.date)}`);
  return parts.join('; ') + provisionalText(result);
}

function explainCalendarTerm(result: CalendarTermResult, wording: ExplainWording): string {
  const start = localDateParts(result.start);
  const nominal = localDateParts(result.nominalDate);
  let nominalText = `${amountText(result.unit, result.amount)} ${wording.afterLabel}: ${formatDutchDate(result.nominalDate)}`;
  if (result.unit === 'months' && nominal.day !== start.day) {
    // Only the 29th, 30th and 31st can be missing, and all three take "ste".
    nominalText += ` (${monthName(nominal.month)} ${nominal.year} heeft geen ${start.day}ste dag)`;
  }
  const parts = [`${wording.startLabel} ${formatDutchDate(result.start)}`, nominalText];
  if (!result.rolledForward) return parts.join('; ');
  if (result.skipped.length > 0) {
    parts.push(
      `geen werkdag: ${skippedText(result.skipped, start.year)}`,
      'de termijn loopt door tot de eerstvolgende werkdag (Algemene termijnenwet art. 1)',
    );
  }
  parts.push(`uiterlijk ${formatDutchDate(result.date)}`);
  return parts.join('; ') + provisionalText(result);
}

export const DUTCH_WORDINGS: Readonly<Record<TermStart, ExplainWording>> = {
  receipt: RECEIPT_WORDING,
  final_position: FINAL_POSITION_WORDING,
  hearing_request: HEARING_REQUEST_WORDING,
};

/** A plain Dutch account of how a term was counted, for the dossier and the coordinator. */
export function explainTerm(result: TermResult, wording: ExplainWording = RECEIPT_WORDING): string {
  return result.unit === 'working-days'
    ? explainWorkingDays(result, wording)
    : explainCalendarTerm(result, wording);
}
