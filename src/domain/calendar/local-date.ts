// A calendar date without a time or a zone, stored as its ISO 8601 text `YYYY-MM-DD`.
// The brand costs nothing at runtime; it only stops an unchecked string from passing for a date.
declare const localDateBrand: unique symbol;
export type LocalDate = string & { readonly [localDateBrand]: true };

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface LocalDateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

// Four-digit years only, so that the ISO text sorts the same way as the dates do.
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`month must be 1..12, got ${month}`);
  }
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isValidParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (match === null) return false;
  return isValidParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function parseLocalDate(value: string): LocalDate {
  if (!isLocalDate(value)) {
    throw new RangeError(`not a valid date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  }
  return value;
}

export function localDateFromParts(year: number, month: number, day: number): LocalDate {
  if (!isValidParts(year, month, day)) {
    throw new RangeError(`not a valid date: ${year}-${month}-${day}`);
  }
  return parseLocalDate(
    `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  );
}

export function localDateParts(date: LocalDate): LocalDateParts {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

// Integer day arithmetic (H. Hinnant's days_from_civil) instead of Date.UTC, which maps years
// 0–99 to 1900–1999 and drags the host's notion of time into pure date maths.
/** Days since 1970-01-01 (proleptic Gregorian calendar). */
export function toEpochDay(date: LocalDate): number {
  const { year, month, day } = localDateParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function fromEpochDay(epochDay: number): LocalDate {
  if (!Number.isSafeInteger(epochDay)) throw new RangeError(`not a whole day number: ${epochDay}`);
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return localDateFromParts(year, month, day);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be a whole number, got ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

// Indexed by days since 1970-01-01 modulo 7; that day was a Thursday.
const ISO_WEEKDAY_BY_EPOCH_DAY = [4, 5, 6, 7, 1, 2, 3] as const;

export function dayOfWeek(date: LocalDate): IsoWeekday {
  const weekday = ISO_WEEKDAY_BY_EPOCH_DAY[((toEpochDay(date) % 7) + 7) % 7];
  if (weekday === undefined) throw new RangeError(`no weekday for ${date}`);
  return weekday;
}

export function compareLocalDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  // Fixed-width ISO text sorts chronologically.
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export function maxLocalDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

/**
 * The same day-number `months` months later (or earlier, when negative); when that month is
 * shorter, its last day.
 */
export function addCalendarMonths(date: LocalDate, months: number): LocalDate {
  if (!Number.isSafeInteger(months)) throw new RangeError(`months must be a whole number, got ${months}`);
  const { year, month, day } = localDateParts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  if (targetYear < MIN_YEAR || targetYear > MAX_YEAR) {
    throw new RangeError(`date out of range: ${date} + ${months} months`);
  }
  return localDateFromParts(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

// --- Europe/Amsterdam ---------------------------------------------------------------------------

const AMSTERDAM = 'Europe/Amsterdam';
// Before year 1 the formatter would print a year of the BC era as if it were AD; past 9999 the
// date no longer fits the four-digit form, which localDateFromParts refuses on its own.
const MIN_INSTANT_MS = toEpochDay(parseLocalDate('0001-01-02')) * MS_PER_DAY;

let amsterdamFormatter: Intl.DateTimeFormat | undefined;

function formatter(): Intl.DateTimeFormat {
  // Building a DateTimeFormat costs far more than using one; deadline lists call this per row.
  amsterdamFormatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: AMSTERDAM,
    calendar: 'gregory',
    numberingSystem: 'latn',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  });
  return amsterdamFormatter;
}

interface WallClock {
  readonly date: LocalDate;
  readonly secondOfDay: number;
}

function amsterdamWallClock(epochMs: number): WallClock {
  if (!Number.isFinite(epochMs)) throw new RangeError('invalid instant');
  if (epochMs < MIN_INSTANT_MS) {
    throw new RangeError(`instant out of range: ${new Date(epochMs).toISOString()}`);
  }
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatter().formatToParts(epochMs)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        // Some ICU versions still print midnight as 24 despite h23.
        hour = Number(part.value) % 24;
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      default:
        break;
    }
  }
  return { date: localDateFromParts(year, month, day), secondOfDay: hour * 3600 + minute * 60 + second };
}

/** The calendar date in Europe/Amsterdam at the given instant. */
export function amsterdamDateOf(instant: Date): LocalDate {
  return amsterdamWallClock(instant.getTime()).date;
}

/** Offset of Amsterdam's wall clock from UTC at an instant, in milliseconds. */
function amsterdamOffsetMs(epochMs: number): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const wall = amsterdamWallClock(wholeSecond);
  return toEpochDay(wall.date) * MS_PER_DAY + wall.secondOfDay * 1000 - wholeSecond;
}

/**
 * The instant a wall-clock time in Amsterdam denotes. Only used for times at which Amsterdam
 * never changes its clocks (the switches happen at 02:00/03:00), so the answer is unique.
 */
function amsterdamInstant(date: LocalDate, msOfDay: number): Date {
  const wallMs = toEpochDay(date) * MS_PER_DAY + msOfDay;
  // Second pass: the offset at the first guess may differ from the offset at the answer.
  const guess = wallMs - amsterdamOffsetMs(wallMs);
  return new Date(wallMs - amsterdamOffsetMs(guess));
}

/** 00:00:00.000 Amsterdam time on the given date. */
export function startOfAmsterdamDay(date: LocalDate): Date {
  return amsterdamInstant(date, 0);
}

/** 23:59:59.999 Amsterdam time on the given date: a deadline runs to the end of its day. */
export function endOfAmsterdamDay(date: LocalDate): Date {
  return amsterdamInstant(date, MS_PER_DAY - 1);
}
