import { MONTH_NAMES } from '../calendar/explain.ts';
import { ENGLISH_MONTH_NAMES } from '../calendar/explain-en.ts';
import { dayOfWeek, localDateParts, type LocalDate } from '../calendar/local-date.ts';
import type { ClockTime } from './letter-content.ts';
import type { LetterLanguage } from './letter-types.ts';

const WEEKDAYS_NL = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'] as const;
const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/**
 * A date as a letter writes it: "21 januari 2026", with the day for deadlines and appointments
 * ("vrijdag 3 april 2026"). The dossier's short form ("vr 03-04-2026", `formatDutchDate`) is for
 * staff screens, not for a letter.
 */
export function formatLetterDate(
  date: LocalDate,
  language: LetterLanguage,
  options: { weekday?: boolean } = {},
): string {
  const { year, month, day } = localDateParts(date);
  const index = dayOfWeek(date) - 1;
  const monthName = (language === 'nl' ? MONTH_NAMES : ENGLISH_MONTH_NAMES)[month - 1] ?? '';
  const weekday = (language === 'nl' ? WEEKDAYS_NL : WEEKDAYS_EN)[index] ?? '';
  const text = `${day} ${monthName} ${year}`;
  return options.weekday === true ? `${weekday} ${text}` : text;
}

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isClockTime(value: unknown): value is ClockTime {
  return typeof value === 'string' && CLOCK_TIME.test(value);
}

/** Minutes since midnight. */
export function minutesOf(time: ClockTime): number {
  const match = CLOCK_TIME.exec(time);
  if (match === null) throw new RangeError(`not a time (HH:MM): ${JSON.stringify(time)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Dutch writes "14.00 (uur)", English "14:00"; the template adds "uur" where the sentence needs it. */
export function formatClockTime(time: ClockTime, language: LetterLanguage): string {
  return language === 'nl' ? time.replace(':', '.') : time;
}
