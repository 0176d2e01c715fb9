/**
 * Dates as staff in the Netherlands read them: every moment shown in Europe/Amsterdam, every term
 * date (YYYY-MM-DD, already an Amsterdam calendar date on the server) shown as that calendar day.
 */
const ZONE = 'Europe/Amsterdam';

export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: ZONE,
  }).format(new Date(iso));
}

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: ZONE,
  }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) with its weekday: "wo 25 nov. 2026". */
export function formatLocalDate(date: string, locale: string, withWeekday = true): string {
  return new Intl.DateTimeFormat(locale, {
    ...(withWeekday ? { weekday: 'short' as const } : {}),
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** Today's calendar date in Amsterdam, as YYYY-MM-DD. */
export function amsterdamToday(now: Date = new Date()): string {
  return amsterdamDateOf(now);
}

export function amsterdamDateOf(moment: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: ZONE,
  }).format(moment);
  return parts;
}

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD); negative when `to` lies before. */
export function daysBetween(from: string, to: string): number {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  return Math.round((end - start) / 86_400_000);
}

/** For <input type="datetime-local">: the local wall time of now, minutes precision. */
const pad = (n: number) => String(n).padStart(2, '0');

export function localDateTimeInputValue(moment: Date = new Date()): string {
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}T${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
}

/** The value of a datetime-local input as an ISO instant (the browser's zone is the user's). */
export function isoFromDateTimeInput(value: string): string {
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString();
}

export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
