import { addCalendarMonths, addDays, yearOf, type LocalDate } from './local-date.ts';
import type { NonWorkingReason, WorkingDayCalendar } from './working-day-calendar.ts';

export type TermUnit = 'working-days' | 'months' | 'weeks';

export interface Term {
  readonly unit: TermUnit;
  readonly amount: number;
}

export interface SkippedDay {
  readonly date: LocalDate;
  readonly reason: NonWorkingReason;
}

interface TermResultBase {
  readonly start: LocalDate;
  readonly amount: number;
  /** The last day of the term; the term runs until the end of that day. */
  readonly date: LocalDate;
  /**
   * True when a day the computation looked at lies in a year without a published decree
   * (art. 3 lid 3): a later decree may still turn that day into a non-working day.
   */
  readonly provisional: boolean;
  /** The years that make the result provisional, ascending. */
  readonly uncoveredYears: readonly number[];
  /** Non-working days passed over, in date order. */
  readonly skipped: readonly SkippedDay[];
}

export interface WorkingDaysTermResult extends TermResultBase {
  readonly unit: 'working-days';
  /** The working days counted, day 1 … day N; the last one is `date`. */
  readonly countedDays: readonly LocalDate[];
}

export interface CalendarTermResult extends TermResultBase {
  readonly unit: 'months' | 'weeks';
  /** The day the term would end on by the calendar alone, before rolling forward. */
  readonly nominalDate: LocalDate;
  /** Whether a nominal date on a non-working day moves to the next working day. */
  readonly rolledForward: boolean;
}

export type TermResult = WorkingDaysTermResult | CalendarTermResult;

function checkAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 1) {
    throw new RangeError(`a term must be a positive whole number, got ${amount}`);
  }
}

class YearCoverage {
  readonly #calendar: WorkingDayCalendar;
  readonly #uncovered = new Set<number>();

  constructor(calendar: WorkingDayCalendar) {
    this.#calendar = calendar;
  }

  examine(date: LocalDate): void {
    const year = yearOf(date);
    if (!this.#calendar.isYearCovered(year)) this.#uncovered.add(year);
  }

  get uncoveredYears(): readonly number[] {
    return [...this.#uncovered].toSorted((a, b) => a - b);
  }
}

/**
 * "N working days after receipt": the start date is day 0; the next N working days are counted and
 * the last of them is the deadline.
 */
export function addWorkingDays(
  calendar: WorkingDayCalendar,
  start: LocalDate,
  amount: number,
): WorkingDaysTermResult {
  checkAmount(amount);
  const coverage = new YearCoverage(calendar);
  const countedDays: LocalDate[] = [];
  const skipped: SkippedDay[] = [];
  let date = start;
  while (countedDays.length < amount) {
    date = addDays(date, 1);
    coverage.examine(date);
    const reason = calendar.nonWorkingReason(date);
    if (reason === null) countedDays.push(date);
    else skipped.push({ date, reason });
  }
  const uncoveredYears = coverage.uncoveredYears;
  return {
    unit: 'working-days',
    start,
    amount,
    date,
    provisional: uncoveredYears.length > 0,
    uncoveredYears,
    countedDays,
    skipped,
  };
}

function rollForward(
  calendar: WorkingDayCalendar,
  start: LocalDate,
  amount: number,
  unit: 'months' | 'weeks',
  nominalDate: LocalDate,
  roll: boolean,
): CalendarTermResult {
  if (!roll) {
    return {
      unit,
      start,
      amount,
      date: nominalDate,
      nominalDate,
      rolledForward: false,
      provisional: false,
      uncoveredYears: [],
      skipped: [],
    };
  }
  // Algemene termijnenwet art. 1: a term ending on a Saturday, Sunday or holiday runs on to the
  // next day that is none of those.
  const coverage = new YearCoverage(calendar);
  const skipped: SkippedDay[] = [];
  let date = nominalDate;
  coverage.examine(date);
  let reason = calendar.nonWorkingReason(date);
  while (reason !== null) {
    skipped.push({ date, reason });
    date = addDays(date, 1);
    coverage.examine(date);
    reason = calendar.nonWorkingReason(date);
  }
  const uncoveredYears = coverage.uncoveredYears;
  return {
    unit,
    start,
    amount,
    date,
    nominalDate,
    rolledForward: true,
    provisional: uncoveredYears.length > 0,
    uncoveredYears,
    skipped,
  };
}

/**
 * "N months after receipt": the same day-number N months later, or the last day of that month when
 * it is shorter; a non-working day there extends the term to the next working day.
 */
export function addMonths(
  calendar: WorkingDayCalendar,
  start: LocalDate,
  amount: number,
): CalendarTermResult {
  checkAmount(amount);
  return rollForward(calendar, start, amount, 'months', addCalendarMonths(start, amount), true);
}

/** "N weeks after receipt", extended to the next working day like a month term. */
export function addWeeks(calendar: WorkingDayCalendar, start: LocalDate, amount: number): CalendarTermResult {
  checkAmount(amount);
  return rollForward(calendar, start, amount, 'weeks', addDays(start, 7 * amount), true);
}

/** N calendar weeks later, without rolling forward: for informative points such as KiFiD's 8 weeks. */
export function addCalendarWeeks(start: LocalDate, amount: number): LocalDate {
  checkAmount(amount);
  return addDays(start, 7 * amount);
}

export interface AddTermOptions {
  /**
   * False for informative points that are not ours to meet (KiFiD's 8 weeks): the calendar date
   * is shown as it falls. Has no effect on working-day terms, which are counted on working days.
   */
  readonly rollForward?: boolean;
}

export function addTerm(
  calendar: WorkingDayCalendar,
  start: LocalDate,
  term: Term,
  options: AddTermOptions = {},
): TermResult {
  const roll = options.rollForward ?? true;
  switch (term.unit) {
    case 'working-days':
      return addWorkingDays(calendar, start, term.amount);
    case 'months':
      checkAmount(term.amount);
      return rollForward(calendar, start, term.amount, 'months', addCalendarMonths(start, term.amount), roll);
    case 'weeks':
      checkAmount(term.amount);
      return rollForward(calendar, start, term.amount, 'weeks', addDays(start, 7 * term.amount), roll);
    default:
      throw new RangeError(`unknown term unit: ${String((term as { unit: unknown }).unit)}`);
  }
}
