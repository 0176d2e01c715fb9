import { localDateParts, type LocalDate } from '../domain/calendar/local-date.ts';
import type { Language } from '../public-form/language.ts';

/**
 * Dates as the complainant reads them: "donderdag 26 november 2026", never "do 26-11-2026". A
 * calendar date is formatted as that day in UTC, so no time zone can move it to another day.
 */
const LOCALES: Readonly<Record<Language, string>> = { nl: 'nl-NL', en: 'en-GB' };

export function longDate(date: LocalDate, language: Language): string {
  const { year, month, day } = localDateParts(date);
  return new Intl.DateTimeFormat(LOCALES[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day, 12)));
}

/** A moment in Amsterdam time: "26 november 2026 om 10:15" / "26 November 2026 at 10:15". */
export function dateTime(moment: Date, language: Language): string {
  const date = new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(moment);
  const time = new Intl.DateTimeFormat(LOCALES[language], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Amsterdam',
  }).format(moment);
  return `${date} ${language === 'nl' ? 'om' : 'at'} ${time}`;
}
