import { localDateFromParts, type LocalDate } from './local-date.ts';

// The Gregorian computus only holds from the calendar reform onwards.
export const FIRST_GREGORIAN_EASTER_YEAR = 1583;

/** Easter Sunday in the Gregorian calendar (the "anonymous Gregorian algorithm", Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  if (!Number.isInteger(year) || year < FIRST_GREGORIAN_EASTER_YEAR || year > 9999) {
    throw new RangeError(`Easter is computed for the years ${FIRST_GREGORIAN_EASTER_YEAR}–9999, got ${year}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return localDateFromParts(year, month, day);
}
