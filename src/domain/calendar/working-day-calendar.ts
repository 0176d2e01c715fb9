import { ATW_ART_3_LID_3, DECREES, decreeCovering, decreeDaysOf, type Decree } from './decree-days.ts';
import { legalHolidaysOf, type LegalHolidayKey } from './legal-holidays.ts';
import { compareLocalDates, dayOfWeek, isLocalDate, yearOf, type LocalDate } from './local-date.ts';

export type NonWorkingKind = 'weekend' | 'legal-holiday' | 'good-friday' | 'decree-day' | 'closing-day';

export interface NonWorkingReason {
  readonly kind: NonWorkingKind;
  /** Dutch, e.g. "Eerste Kerstdag", "zaterdag". */
  readonly name: string;
  /** The rule or source that makes the day a non-working day. */
  readonly basis: string;
  /** Legal holidays (and Goede Vrijdag) only: which ones, so that other languages can name them. */
  readonly holidayKeys?: readonly LegalHolidayKey[];
  /** Decree days only: the decree's own Dutch descriptions ("vrijdag na Hemelvaartsdag"). */
  readonly decreeDescriptions?: readonly string[];
}

export interface ClosingDay {
  readonly date: LocalDate;
  readonly name: string;
}

export interface NonWorkingDay {
  readonly date: LocalDate;
  readonly reason: NonWorkingReason;
}

export interface WorkingDayCalendarOptions {
  /** The organisation's own closing days; they come on top of the legal days, never instead. */
  readonly closingDays?: readonly ClosingDay[];
  /**
   * Decrees published after this code was released. They may only cover years the built-in data
   * does not, so that no configuration can take a legal day away.
   */
  readonly additionalDecrees?: readonly Decree[];
}

/**
 * Working days under today's Algemene termijnenwet, applied to every year from 1583 (the first
 * Gregorian Easter); earlier dates throw a RangeError.
 */
export interface WorkingDayCalendar {
  isWorkingDay(date: LocalDate): boolean;
  /** Null for a working day; otherwise why it is not one (the weightiest reason when several apply). */
  nonWorkingReason(date: LocalDate): NonWorkingReason | null;
  /** Whether the equated days (art. 3 lid 3) of this year are known from a published decree. */
  isYearCovered(year: number): boolean;
  /** The decree that settles the equated days of a year, if the data has one. */
  decreeFor(year: number): Decree | null;
  /** Every non-working weekday, and every holiday or closing day falling in a weekend, in date order. */
  specialDaysOf(year: number): readonly NonWorkingDay[];
}

const WEEKEND_BASIS = 'Algemene termijnenwet art. 1';
const CLOSING_DAY_BASIS = 'sluitingsdag van de organisatie';
const SATURDAY: NonWorkingReason = Object.freeze({ kind: 'weekend', name: 'zaterdag', basis: WEEKEND_BASIS });
const SUNDAY: NonWorkingReason = Object.freeze({ kind: 'weekend', name: 'zondag', basis: WEEKEND_BASIS });

// When reasons coincide, the legal one is reported: a Saturday that is Koningsdag reads better as
// Koningsdag, and an organisation's closing day on Eerste Kerstdag changes nothing.
const PRIORITY: Record<NonWorkingKind, number> = {
  'legal-holiday': 0,
  'good-friday': 1,
  'decree-day': 2,
  weekend: 3,
  'closing-day': 4,
};

function checkedDecrees(additional: readonly Decree[]): readonly Decree[] {
  const all = [...DECREES];
  for (const decree of additional) {
    if (
      !Number.isInteger(decree.firstYear) ||
      !Number.isInteger(decree.lastYear) ||
      decree.firstYear > decree.lastYear
    ) {
      throw new RangeError(`decree ${decree.id}: invalid years ${decree.firstYear}–${decree.lastYear}`);
    }
    for (let year = decree.firstYear; year <= decree.lastYear; year += 1) {
      const existing = decreeCovering(year, all);
      if (existing !== null) {
        throw new RangeError(`decree ${decree.id}: ${year} is already covered by ${existing.id}`);
      }
    }
    for (const d of decree.days) {
      if (!isLocalDate(d.date)) throw new RangeError(`decree ${decree.id}: invalid date ${String(d.date)}`);
      const year = yearOf(d.date);
      if (year < decree.firstYear || year > decree.lastYear) {
        throw new RangeError(`decree ${decree.id}: ${d.date} lies outside its years`);
      }
    }
    all.push(decree);
  }
  return all;
}

function checkedClosingDays(closingDays: readonly ClosingDay[]): Map<number, ClosingDay[]> {
  const byYear = new Map<number, ClosingDay[]>();
  for (const closingDay of closingDays) {
    // Closing days come from configuration, where a plain string can pass for a LocalDate.
    if (!isLocalDate(closingDay.date)) {
      throw new RangeError(`closing day: invalid date ${JSON.stringify(closingDay.date)}`);
    }
    if (typeof closingDay.name !== 'string' || closingDay.name.trim() === '') {
      throw new RangeError(`closing day ${closingDay.date}: a name is required`);
    }
    const year = yearOf(closingDay.date);
    const list = byYear.get(year) ?? [];
    list.push({ date: closingDay.date, name: closingDay.name.trim() });
    byYear.set(year, list);
  }
  return byYear;
}

function mergeReasons(reasons: readonly NonWorkingReason[]): NonWorkingReason {
  const best = reasons.reduce((a, b) => (PRIORITY[b.kind] < PRIORITY[a.kind] ? b : a));
  const same = reasons.filter((r) => r.kind === best.kind);
  if (same.length === 1) return best;
  // E.g. Hemelvaartsdag on 5 mei: name both so that neither seems forgotten.
  const names = [...new Set(same.map((r) => r.name))];
  const bases = [...new Set(same.map((r) => r.basis))];
  const holidayKeys = [...new Set(same.flatMap((r) => r.holidayKeys ?? []))];
  const decreeDescriptions = [...new Set(same.flatMap((r) => r.decreeDescriptions ?? []))];
  return {
    kind: best.kind,
    name: names.join(' en '),
    basis: bases.join('; '),
    ...(holidayKeys.length > 0 ? { holidayKeys } : {}),
    ...(decreeDescriptions.length > 0 ? { decreeDescriptions } : {}),
  };
}

export function createWorkingDayCalendar(options: WorkingDayCalendarOptions = {}): WorkingDayCalendar {
  const decrees = checkedDecrees(options.additionalDecrees ?? []);
  const closingDaysByYear = checkedClosingDays(options.closingDays ?? []);
  // Per year: every date that is not a working day for a reason other than being a weekend day
  // alone. Weekends are recognised by arithmetic, so a year costs a few dozen entries.
  const years = new Map<number, ReadonlyMap<LocalDate, NonWorkingReason>>();

  function specialReasonsOf(year: number): ReadonlyMap<LocalDate, NonWorkingReason> {
    const cached = years.get(year);
    if (cached !== undefined) return cached;
    const collected = new Map<LocalDate, NonWorkingReason[]>();
    const add = (date: LocalDate, reason: NonWorkingReason): void => {
      const list = collected.get(date) ?? [];
      list.push(reason);
      collected.set(date, list);
    };
    for (const holiday of legalHolidaysOf(year)) {
      add(holiday.date, {
        kind: holiday.kind,
        name: holiday.name,
        basis: holiday.basis,
        holidayKeys: [holiday.key],
      });
    }
    for (const decreeDay of decreeDaysOf(year, decrees)) {
      add(decreeDay.date, {
        kind: 'decree-day',
        name: `gelijkgestelde dag: ${decreeDay.description}`,
        basis: `${ATW_ART_3_LID_3}; ${decreeDay.decree.title}`,
        decreeDescriptions: [decreeDay.description],
      });
    }
    for (const closingDay of closingDaysByYear.get(year) ?? []) {
      add(closingDay.date, { kind: 'closing-day', name: closingDay.name, basis: CLOSING_DAY_BASIS });
    }
    const merged = new Map<LocalDate, NonWorkingReason>();
    for (const date of [...collected.keys()].toSorted(compareLocalDates)) {
      const reasons = collected.get(date) ?? [];
      const weekday = dayOfWeek(date);
      if (weekday === 6) reasons.push(SATURDAY);
      if (weekday === 7) reasons.push(SUNDAY);
      merged.set(date, Object.freeze(mergeReasons(reasons)));
    }
    years.set(year, merged);
    return merged;
  }

  function nonWorkingReason(date: LocalDate): NonWorkingReason | null {
    const special = specialReasonsOf(yearOf(date)).get(date);
    if (special !== undefined) return special;
    const weekday = dayOfWeek(date);
    if (weekday === 6) return SATURDAY;
    if (weekday === 7) return SUNDAY;
    return null;
  }

  return {
    isWorkingDay: (date) => nonWorkingReason(date) === null,
    nonWorkingReason,
    isYearCovered: (year) => decreeCovering(year, decrees) !== null,
    decreeFor: (year) => decreeCovering(year, decrees),
    specialDaysOf: (year) => [...specialReasonsOf(year)].map(([date, reason]) => ({ date, reason })),
  };
}
