import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  addDays,
  amsterdamDateOf,
  compareLocalDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  endOfAmsterdamDay,
  fromEpochDay,
  isLeapYear,
  isLocalDate,
  localDateFromParts,
  localDateParts,
  maxLocalDate,
  parseLocalDate,
  startOfAmsterdamDay,
  toEpochDay,
  yearOf,
} from './local-date.ts';

const d = parseLocalDate;

// Days since 1970-01-01 for 1900-01-01 … 2199-12-31: wide enough for leap-century rules.
const EPOCH_1900 = -25_567;
const EPOCH_2200 = 84_006;
const anyDate = fc.integer({ min: EPOCH_1900, max: EPOCH_2200 - 1 }).map(fromEpochDay);

describe('parsing', () => {
  it.each(['2026-01-01', '2028-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2026-12-31'])(
    'accepts %s',
    (text) => {
      expect(isLocalDate(text)).toBe(true);
      expect(parseLocalDate(text)).toBe(text);
    },
  );

  it.each([
    '2026-02-29', // 2026 is no leap year
    '1900-02-29', // a century not divisible by 400
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-01',
    '26-01-01',
    '2026-01-01T00:00:00Z',
    ' 2026-01-01',
    '0000-01-01',
    '2026/01/01',
    '',
    '２０２６-01-01', // full-width digits: \d in JS without the u flag is ASCII only, but be sure
  ])('refuses %j', (text) => {
    expect(isLocalDate(text)).toBe(false);
    expect(() => parseLocalDate(text)).toThrow(RangeError);
  });

  it('refuses what is not a string', () => {
    expect(isLocalDate(20260101)).toBe(false);
    expect(isLocalDate(null)).toBe(false);
    expect(isLocalDate(new Date())).toBe(false);
  });

  it('builds from parts with zero padding and refuses impossible parts', () => {
    expect(localDateFromParts(2026, 3, 9)).toBe('2026-03-09');
    expect(localDateFromParts(33, 1, 1)).toBe('0033-01-01');
    expect(() => localDateFromParts(2026, 2, 29)).toThrow(RangeError);
    expect(() => localDateFromParts(2026, 1.5, 1)).toThrow(RangeError);
    expect(() => localDateFromParts(10_000, 1, 1)).toThrow(RangeError);
    expect(localDateParts(d('2028-02-29'))).toEqual({ year: 2028, month: 2, day: 29 });
    expect(yearOf(d('0999-12-31'))).toBe(999);
  });
});

describe('month lengths', () => {
  it.each([
    [2026, 1, 31],
    [2026, 2, 28],
    [2028, 2, 29],
    [1900, 2, 28],
    [2000, 2, 29],
    [2100, 2, 28],
    [2026, 4, 30],
    [2026, 6, 30],
    [2026, 9, 30],
    [2026, 11, 30],
    [2026, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it('knows leap years', () => {
    expect([1900, 2000, 2024, 2026, 2028, 2100, 2400].map(isLeapYear)).toEqual([
      false,
      true,
      true,
      false,
      true,
      false,
      true,
    ]);
  });

  it('refuses month 0 and 13', () => {
    expect(() => daysInMonth(2026, 0)).toThrow(RangeError);
    expect(() => daysInMonth(2026, 13)).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it('counts days from 1970-01-01', () => {
    expect(toEpochDay(d('1970-01-01'))).toBe(0);
    expect(toEpochDay(d('1969-12-31'))).toBe(-1);
    expect(toEpochDay(d('2000-03-01'))).toBe(11_017);
    expect(fromEpochDay(0)).toBe('1970-01-01');
    expect(fromEpochDay(20_454)).toBe('2026-01-01');
  });

  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-03-28', 56, '2026-05-23'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2028-01-01', 366, '2029-01-01'],
  ] as const)('%s + %i days = %s', (from, days, to) => {
    expect(addDays(d(from), days)).toBe(to);
    expect(daysBetween(d(from), d(to))).toBe(days);
  });

  it('refuses fractions and leaving the four-digit years', () => {
    expect(() => addDays(d('2026-01-01'), 0.5)).toThrow(RangeError);
    expect(() => addDays(d('9999-12-31'), 1)).toThrow(RangeError);
    expect(() => addDays(d('0001-01-01'), -1)).toThrow(RangeError);
  });

  it.each([
    ['2026-01-05', 1], // Monday
    ['2026-01-06', 2],
    ['2026-01-07', 3],
    ['2026-01-01', 4], // Nieuwjaarsdag 2026 was a Thursday
    ['2026-01-02', 5],
    ['2026-01-03', 6],
    ['2026-01-04', 7],
    ['2025-04-27', 7], // why Koningsdag 2025 moved to Saturday the 26th
    ['2031-04-27', 7],
    ['2028-02-29', 2],
    ['1970-01-01', 4],
    ['1969-12-31', 3],
  ] as const)('%s is ISO weekday %i', (date, weekday) => {
    expect(dayOfWeek(d(date))).toBe(weekday);
  });

  it('orders dates', () => {
    expect(compareLocalDates(d('2026-01-01'), d('2026-01-02'))).toBe(-1);
    expect(compareLocalDates(d('2026-01-02'), d('2026-01-01'))).toBe(1);
    expect(compareLocalDates(d('2026-01-01'), d('2026-01-01'))).toBe(0);
    expect(compareLocalDates(d('0999-12-31'), d('1000-01-01'))).toBe(-1);
    expect(maxLocalDate(d('2026-01-01'), d('2025-12-31'))).toBe('2026-01-01');
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'], // February has no 31st
    ['2028-01-31', 1, '2028-02-29'], // leap year
    ['2028-01-29', 1, '2028-02-29'],
    ['2027-01-29', 1, '2027-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-11-30', 3, '2027-02-28'], // counted from the start, not month by month
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-10-31', 3, '2027-01-31'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-05-31', -1, '2026-04-30'],
  ] as const)('%s + %i months = %s', (from, months, to) => {
    expect(addCalendarMonths(d(from), months)).toBe(to);
  });

  it('agrees with Date.UTC arithmetic where that is trustworthy (property)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -1000, max: 1000 }), (date, days) => {
        const { year, month, day } = localDateParts(date);
        const oracle = new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
        expect(addDays(date, days)).toBe(oracle);
        expect(dayOfWeek(date) % 7).toBe(new Date(Date.UTC(year, month - 1, day)).getUTCDay());
        expect(fromEpochDay(toEpochDay(date))).toBe(date);
      }),
    );
  });

  it('adding months lands on the same day-number or the month end (property)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 24 }), (date, months) => {
        const from = localDateParts(date);
        const to = localDateParts(addCalendarMonths(date, months));
        expect((to.year - from.year) * 12 + to.month - from.month).toBe(months);
        expect(to.day).toBe(Math.min(from.day, daysInMonth(to.year, to.month)));
      }),
    );
  });
});

describe('Europe/Amsterdam', () => {
  it.each([
    // Winter (CET, UTC+1)
    ['2026-01-15T22:59:59.999Z', '2026-01-15'],
    ['2026-01-15T23:00:00.000Z', '2026-01-16'],
    ['2026-03-31T21:59:59Z', '2026-03-31'], // summer time: 23:59:59 on the 31st
    ['2026-03-31T22:30:00Z', '2026-04-01'], // the design's example: 00:30 on 1 April
    // Spring forward on Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST (01:00 UTC)
    ['2026-03-28T22:59:59Z', '2026-03-28'],
    ['2026-03-28T23:00:00Z', '2026-03-29'],
    ['2026-03-29T00:59:59Z', '2026-03-29'], // 01:59:59 CET
    ['2026-03-29T01:00:00Z', '2026-03-29'], // 03:00 CEST
    ['2026-03-29T21:59:59Z', '2026-03-29'], // 23:59:59 CEST
    ['2026-03-29T22:00:00Z', '2026-03-30'],
    // Fall back on Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET (01:00 UTC)
    ['2026-10-24T21:59:59Z', '2026-10-24'],
    ['2026-10-24T22:00:00Z', '2026-10-25'],
    ['2026-10-25T00:30:00Z', '2026-10-25'], // the first 02:30
    ['2026-10-25T01:30:00Z', '2026-10-25'], // the second 02:30
    ['2026-10-25T22:59:59Z', '2026-10-25'], // 23:59:59 CET
    ['2026-10-25T23:00:00Z', '2026-10-26'],
    ['2026-12-31T22:59:59Z', '2026-12-31'],
    ['2026-12-31T23:00:00Z', '2027-01-01'],
  ])('%s is %s in Amsterdam', (instant, date) => {
    expect(amsterdamDateOf(new Date(instant))).toBe(date);
  });

  it('refuses an invalid Date', () => {
    expect(() => amsterdamDateOf(new Date('nonsense'))).toThrow(RangeError);
  });

  it.each([
    ['2026-01-15', '2026-01-15T22:59:59.999Z', '2026-01-14T23:00:00.000Z'],
    ['2026-07-01', '2026-07-01T21:59:59.999Z', '2026-06-30T22:00:00.000Z'],
    // 29 March 2026 has 23 hours: it starts in CET and ends in CEST
    ['2026-03-29', '2026-03-29T21:59:59.999Z', '2026-03-28T23:00:00.000Z'],
    ['2026-03-28', '2026-03-28T22:59:59.999Z', '2026-03-27T23:00:00.000Z'],
    // 25 October 2026 has 25 hours: it starts in CEST and ends in CET
    ['2026-10-25', '2026-10-25T22:59:59.999Z', '2026-10-24T22:00:00.000Z'],
    ['2026-10-24', '2026-10-24T21:59:59.999Z', '2026-10-23T22:00:00.000Z'],
    ['2028-02-29', '2028-02-29T22:59:59.999Z', '2028-02-28T23:00:00.000Z'],
  ])('%s ends at %s and starts at %s', (date, end, start) => {
    expect(endOfAmsterdamDay(d(date)).toISOString()).toBe(end);
    expect(startOfAmsterdamDay(d(date)).toISOString()).toBe(start);
  });

  it('the end of a day is the last instant of that date (property)', () => {
    // 1980 onwards: Amsterdam's offsets before that are not what this product needs to know.
    const modernDate = fc.integer({ min: 3653, max: EPOCH_2200 - 1 }).map(fromEpochDay);
    fc.assert(
      fc.property(modernDate, (date) => {
        const end = endOfAmsterdamDay(date).getTime();
        expect(amsterdamDateOf(new Date(end))).toBe(date);
        expect(amsterdamDateOf(new Date(end + 1))).toBe(addDays(date, 1));
        const start = startOfAmsterdamDay(date).getTime();
        expect(amsterdamDateOf(new Date(start))).toBe(date);
        expect(amsterdamDateOf(new Date(start - 1))).toBe(addDays(date, -1));
        // 23, 24 or 25 hours
        expect([23, 24, 25]).toContain((end + 1 - start) / 3_600_000);
      }),
    );
  });
});
