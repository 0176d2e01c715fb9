/**
 * A moment of receipt as other systems hand it over: ISO 8601 / RFC 3339 with a date, a time and
 * an explicit offset or Z. Without an offset a timestamp is ambiguous (whose 09:00?), so it is refused
 * rather than guessed; impossible dates (30 February, 24:61) are refused rather than rolled over.
 */
const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

export type ParsedTimestamp = { ok: true; instant: Date } | { ok: false; reason: string };

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseIsoTimestamp(text: string): ParsedTimestamp {
  const match = PATTERN.exec(text.trim());
  if (!match) {
    return {
      ok: false,
      reason: 'expected ISO 8601 with date, time and offset, e.g. 2026-11-24T09:30:00+01:00 or ...Z',
    };
  }
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12) return { ok: false, reason: `month ${mo} does not exist` };
  if (day < 1 || day > daysIn(year, month))
    return { ok: false, reason: `day ${d} does not exist in ${y}-${mo}` };
  if (hour > 23 || minute > 59 || second > 59)
    return { ok: false, reason: `time ${h}:${mi}:${s} does not exist` };
  let offsetMinutes = 0;
  if (zone!.toUpperCase() !== 'Z') {
    const sign = zone!.startsWith('-') ? -1 : 1;
    const digits = zone!.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMins = Number(digits.slice(2) || '0');
    if (offsetHours > 14 || offsetMins > 59) return { ok: false, reason: `offset ${zone} does not exist` };
    offsetMinutes = sign * (offsetHours * 60 + offsetMins);
  }
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  return { ok: true, instant: new Date(utc) };
}
