import type { TermStart } from './explain.ts';
import type { LegalHolidayKey } from './legal-holidays.ts';
import { dayOfWeek, localDateParts, yearOf, type LocalDate } from './local-date.ts';
import type { CalendarTermResult, SkippedDay, TermResult, TermUnit, WorkingDaysTermResult } from './terms.ts';
import type { NonWorkingReason } from './working-day-calendar.ts';

/*
 * The English twin of explain.ts: the same facts, told for staff who switched the app to English.
 * Dutch stays the language of record (letters, the dossier's exports); this is only ever shown.
 */

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const ENGLISH_MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export const ENGLISH_HOLIDAY_NAMES: Readonly<Record<LegalHolidayKey, string>> = {
  nieuwjaarsdag: "New Year's Day",
  'goede-vrijdag': 'Good Friday',
  'tweede-paasdag': 'Easter Monday',
  koningsdag: "King's Day",
  bevrijdingsdag: 'Liberation Day',
  hemelvaartsdag: 'Ascension Day',
  'tweede-pinksterdag': 'Whit Monday',
  'eerste-kerstdag': 'Christmas Day',
  'tweede-kerstdag': 'Boxing Day',
};

const DUTCH_HOLIDAY_NAMES: Readonly<Record<string, LegalHolidayKey>> = {
  Nieuwjaarsdag: 'nieuwjaarsdag',
  'Goede Vrijdag': 'goede-vrijdag',
  'Tweede Paasdag': 'tweede-paasdag',
  Koningsdag: 'koningsdag',
  Bevrijdingsdag: 'bevrijdingsdag',
  Hemelvaartsdag: 'hemelvaartsdag',
  'Tweede Pinksterdag': 'tweede-pinksterdag',
  'Eerste Kerstdag': 'eerste-kerstdag',
  'Tweede Kerstdag': 'tweede-kerstdag',
};

const ATW = 'General Time Limits Act (Algemene termijnenwet)';

const START_WORDING: Readonly<Record<TermStart, { startLabel: string; afterLabel: string }>> = {
  receipt: { startLabel: 'received', afterLabel: 'after receipt' },
  final_position: { startLabel: 'final position', afterLabel: 'after the final position' },
  hearing_request: { startLabel: 'requested', afterLabel: 'after the request' },
};

function weekdayOf(date: LocalDate): string {
  return WEEKDAYS[dayOfWeek(date) - 1] ?? '';
}

function monthName(month: number): string {
  return ENGLISH_MONTH_NAMES[month - 1] ?? '';
}

/** "Wed 18 Nov 2026" */
export function formatEnglishDate(date: LocalDate): string {
  const { year, month, day } = localDateParts(date);
  return `${weekdayOf(date)} ${day} ${monthName(month).slice(0, 3)} ${year}`;
}

/** "a", "a and b", "a, b and c" */
export function joinEnglish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** "Fri 29 December, Tue 2 and Wed 3 January 2029": as formatDayList, month named once after its last day. */
export function formatEnglishDayList(dates: readonly LocalDate[], referenceYear: number): string {
  const items = dates.map((date, index) => {
    const { year, month, day } = localDateParts(date);
    const text = `${weekdayOf(date)} ${day}`;
    const next = dates[index + 1];
    const monthEnds = next === undefined || next.slice(0, 7) !== date.slice(0, 7);
    if (!monthEnds) return text;
    return year === referenceYear ? `${text} ${monthName(month)}` : `${text} ${monthName(month)} ${year}`;
  });
  return joinEnglish(items);
}

/** "vrijdag na Hemelvaartsdag" → "Friday after Ascension Day"; an unknown wording stays Dutch, quoted. */
function englishDecreeDescription(description: string): string {
  const match = /^vrijdag na (.+)$/u.exec(description);
  const key = match?.[1] === undefined ? undefined : DUTCH_HOLIDAY_NAMES[match[1]];
  return key === undefined ? `"${description}"` : `Friday after ${ENGLISH_HOLIDAY_NAMES[key]}`;
}

/** Why a day does not count, in English: "weekend", "King's Day", "closing day: teamdag". */
export function englishReasonLabel(reason: NonWorkingReason): string {
  switch (reason.kind) {
    case 'weekend':
      return 'weekend';
    case 'legal-holiday':
    case 'good-friday': {
      const keys = reason.holidayKeys ?? [];
      return keys.length === 0 ? reason.name : joinEnglish(keys.map((key) => ENGLISH_HOLIDAY_NAMES[key]));
    }
    case 'decree-day': {
      const descriptions = reason.decreeDescriptions ?? [];
      const text =
        descriptions.length === 0 ? reason.name : joinEnglish(descriptions.map(englishDecreeDescription));
      return `equated day: ${text}`;
    }
    case 'closing-day':
      // The organisation named it, in its own words.
      return `closing day: ${reason.name}`;
    default:
      return reason.kind satisfies never;
  }
}

/** "Sat 14 and Sun 15 November (weekend), Mon 16 November (closing day: teamdag)" */
export function englishSkippedText(skipped: readonly SkippedDay[], referenceYear: number): string {
  const runs: Array<{ label: string; dates: LocalDate[] }> = [];
  for (const { date, reason } of skipped) {
    const label = englishReasonLabel(reason);
    const last = runs.at(-1);
    if (last !== undefined && last.label === label) last.dates.push(date);
    else runs.push({ label, dates: [date] });
  }
  return runs.map((run) => `${formatEnglishDayList(run.dates, referenceYear)} (${run.label})`).join(', ');
}

function amountText(unit: TermUnit, amount: number): string {
  switch (unit) {
    case 'working-days':
      return amount === 1 ? '1 working day' : `${amount} working days`;
    case 'months':
      return amount === 1 ? '1 month' : `${amount} months`;
    case 'weeks':
      return amount === 1 ? '1 week' : `${amount} weeks`;
    default:
      return String(amount);
  }
}

/** "; provisional: …" for a term that depends on a year without a published decree. */
export function englishProvisionalNote(years: readonly number[]): string {
  if (years.length === 0) return '';
  return `; provisional: the calendar has no decree equating days (${ATW} art. 3(3)) for ${joinEnglish(years.map(String))} yet`;
}

function ordinal(day: number): string {
  // Only the 29th, 30th and 31st can be missing from a month.
  return day === 31 ? '31st' : `${day}th`;
}

function explainWorkingDays(result: WorkingDaysTermResult, start: TermStart): string {
  const wording = START_WORDING[start];
  const referenceYear = yearOf(result.start);
  const parts = [
    `${wording.startLabel} ${formatEnglishDate(result.start)}`,
    `${amountText(result.unit, result.amount)} ${wording.afterLabel}: ${formatEnglishDayList(result.countedDays, referenceYear)}`,
  ];
  if (result.skipped.length > 0)
    parts.push(`not counted: ${englishSkippedText(result.skipped, referenceYear)}`);
  parts.push(`due by ${formatEnglishDate(result.date)}`);
  return parts.join('; ') + englishProvisionalNote(result.provisional ? result.uncoveredYears : []);
}

function explainCalendarTerm(result: CalendarTermResult, start: TermStart): string {
  const wording = START_WORDING[start];
  const begin = localDateParts(result.start);
  const nominal = localDateParts(result.nominalDate);
  let nominalText = `${amountText(result.unit, result.amount)} ${wording.afterLabel}: ${formatEnglishDate(result.nominalDate)}`;
  if (result.unit === 'months' && nominal.day !== begin.day) {
    nominalText += ` (${monthName(nominal.month)} ${nominal.year} has no ${ordinal(begin.day)} day)`;
  }
  const parts = [`${wording.startLabel} ${formatEnglishDate(result.start)}`, nominalText];
  if (!result.rolledForward) return parts.join('; ');
  if (result.skipped.length > 0) {
    parts.push(
      `not a working day: ${englishSkippedText(result.skipped, begin.year)}`,
      `the term runs on to the next working day (${ATW} art. 1)`,
    );
  }
  parts.push(`due by ${formatEnglishDate(result.date)}`);
  return parts.join('; ') + englishProvisionalNote(result.provisional ? result.uncoveredYears : []);
}

/** The English account of how a term was counted: explainTerm's facts, in the same order. */
export function explainTermInEnglish(result: TermResult, start: TermStart = 'receipt'): string {
  return result.unit === 'working-days'
    ? explainWorkingDays(result, start)
    : explainCalendarTerm(result, start);
}
