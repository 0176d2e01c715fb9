import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareLocalDates, fromEpochDay, parseLocalDate, toEpochDay } from './local-date.ts';
import { addCalendarWeeks, addMonths, addTerm, addWeeks, addWorkingDays } from './terms.ts';
import { createWorkingDayCalendar, type ClosingDay } from './working-day-calendar.ts';

const d = parseLocalDate;
const calendar = createWorkingDayCalendar();

describe('addWorkingDays', () => {
  it('counts from day 0 and reports what it counted and skipped', () => {
    // The design's example: received do 21-12-2028
    const result = addWorkingDays(calendar, d('2028-12-21'), 3);
    expect(result.date).toBe('2028-12-28');
    expect(result.countedDays).toEqual(['2028-12-22', '2028-12-27', '2028-12-28']);
    expect(result.skipped.map((s) => [s.date, s.reason.kind, s.reason.name])).toEqual([
      ['2028-12-23', 'weekend', 'zaterdag'],
      ['2028-12-24', 'weekend', 'zondag'],
      ['2028-12-25', 'legal-holiday', 'Eerste Kerstdag'],
      ['2028-12-26', 'legal-holiday', 'Tweede Kerstdag'],
    ]);
    expect(result.provisional).toBe(false);
    expect(result.uncoveredYears).toEqual([]);
  });

  it('1 working day after a Friday is the Monday', () => {
    expect(addWorkingDays(calendar, d('2026-06-12'), 1).date).toBe('2026-06-15');
  });

  it('1 working day after a Sunday is the Monday', () => {
    expect(addWorkingDays(calendar, d('2026-06-14'), 1).date).toBe('2026-06-15');
  });

  it('the receipt day itself never counts, even when it is a working day', () => {
    expect(addWorkingDays(calendar, d('2026-06-15'), 1).date).toBe('2026-06-16');
  });

  it('is provisional as soon as a day in an uncovered year is looked at', () => {
    // vr 29-12-2028 → za 30, zo 31, ma 1-1-2029 Nieuwjaarsdag, di 2-1-2029
    const result = addWorkingDays(calendar, d('2028-12-29'), 1);
    expect(result.date).toBe('2029-01-02');
    expect(result.provisional).toBe(true);
    expect(result.uncoveredYears).toEqual([2029]);
    // do 28-12-2028 → vr 29-12-2028: stays inside 2028
    expect(addWorkingDays(calendar, d('2028-12-28'), 1).provisional).toBe(false);
  });

  it('lists every uncovered year it looked at', () => {
    // 400 working days from mid 2028 run through all of 2029 into 2030
    expect(addWorkingDays(calendar, d('2028-07-01'), 400).uncoveredYears).toEqual([2029, 2030]);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d working days', (n) => {
    expect(() => addWorkingDays(calendar, d('2026-06-15'), n)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it.each([
    // [start, months, nominal, deadline]
    ['2026-01-15', 1, '2026-02-15', '2026-02-16'], // Sunday → Monday
    ['2026-01-31', 1, '2026-02-28', '2026-03-02'], // month end, then Saturday → Monday
    ['2028-01-31', 1, '2028-02-29', '2028-02-29'], // leap day, a Tuesday
    ['2026-03-27', 1, '2026-04-27', '2026-04-28'], // Koningsdag
    ['2027-11-25', 1, '2027-12-25', '2027-12-27'], // za Eerste Kerstdag, zo Tweede Kerstdag
    ['2026-04-14', 1, '2026-05-14', '2026-05-18'], // Hemelvaart, decree Friday, weekend
    ['2026-12-01', 1, '2027-01-01', '2027-01-04'], // Nieuwjaarsdag on a Friday
    ['2026-09-25', 3, '2026-12-25', '2026-12-28'], // the KiFiD window over Kerst
    ['2026-11-30', 3, '2027-02-28', '2027-03-01'], // counted from the start: 30 Nov → 28 Feb, a Sunday
  ] as const)('%s + %i month(s): nominal %s, deadline %s', (start, n, nominal, deadline) => {
    const result = addMonths(calendar, d(start), n);
    expect(result.nominalDate).toBe(nominal);
    expect(result.date).toBe(deadline);
    expect(result.rolledForward).toBe(true);
  });

  it('records the days it rolled over', () => {
    const result = addMonths(calendar, d('2026-04-14'), 1);
    expect(result.skipped.map((s) => `${s.date} ${s.reason.kind}`)).toEqual([
      '2026-05-14 legal-holiday',
      '2026-05-15 decree-day',
      '2026-05-16 weekend',
      '2026-05-17 weekend',
    ]);
  });

  it('is provisional only when the days it looked at lie in an uncovered year', () => {
    // 28-11-2028 + 1 month = do 28-12-2028: a working day, 2028 covered
    expect(addMonths(calendar, d('2028-11-28'), 1).provisional).toBe(false);
    // 29-12-2028 + 1 month = ma 29-01-2029
    expect(addMonths(calendar, d('2028-12-29'), 1)).toMatchObject({
      date: '2029-01-29',
      provisional: true,
      uncoveredYears: [2029],
    });
  });
});

describe('addWeeks and addCalendarWeeks', () => {
  it('rolls forward like a month term', () => {
    // ma 13-4-2026 + 6 weeks = ma 25-5-2026, Tweede Pinksterdag → di 26-5
    expect(addWeeks(calendar, d('2026-04-13'), 6)).toMatchObject({
      nominalDate: '2026-05-25',
      date: '2026-05-26',
    });
  });

  it('calendar weeks do not roll', () => {
    // za 13-6-2026 + 8 weeks = za 8-8-2026
    expect(addCalendarWeeks(d('2026-06-13'), 8)).toBe('2026-08-08');
    expect(addCalendarWeeks(d('2026-12-04'), 8)).toBe('2027-01-29');
  });
});

describe('addTerm', () => {
  it('dispatches on the unit', () => {
    expect(addTerm(calendar, d('2028-12-21'), { unit: 'working-days', amount: 3 }).date).toBe('2028-12-28');
    expect(addTerm(calendar, d('2026-03-27'), { unit: 'months', amount: 1 }).date).toBe('2026-04-28');
    expect(addTerm(calendar, d('2026-04-13'), { unit: 'weeks', amount: 6 }).date).toBe('2026-05-26');
  });

  it('leaves an informative point where it falls', () => {
    const result = addTerm(calendar, d('2026-03-27'), { unit: 'months', amount: 1 }, { rollForward: false });
    expect(result).toMatchObject({
      date: '2026-04-27',
      rolledForward: false,
      skipped: [],
      provisional: false,
    });
  });

  it('refuses an unknown unit and a bad amount', () => {
    // A term read from storage that the type system never saw.
    // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- the runtime guard is under test
    const unknownUnit = JSON.parse('{"unit":"days","amount":3}') as { unit: 'weeks'; amount: number };
    expect(() => addTerm(calendar, d('2026-01-01'), unknownUnit)).toThrow(RangeError);
    expect(() => addTerm(calendar, d('2026-01-01'), { unit: 'months', amount: 0 })).toThrow(RangeError);
  });
});

// --- properties ---------------------------------------------------------------------------------

const EPOCH_2020 = toEpochDay(d('2020-01-01'));
const EPOCH_2032 = toEpochDay(d('2032-12-31'));
const anyDate = fc.integer({ min: EPOCH_2020, max: EPOCH_2032 }).map(fromEpochDay);
const closingDays = fc.array(
  anyDate.map((date): ClosingDay => ({ date, name: 'sluitingsdag' })),
  { maxLength: 40 },
);
// Bunches of closing days near each other, so that they actually meet the counted terms.
const nearbyClosingDays = fc
  .tuple(anyDate, fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 25 }))
  .map(([base, offsets]) => offsets.map((o): ClosingDay => ({ date: addDays(base, o), name: 'gesloten' })));
const anyCalendar = fc.oneof(
  fc.constant(calendar),
  closingDays.map((days) => createWorkingDayCalendar({ closingDays: days })),
);

describe('properties', () => {
  it('a working-day deadline is a working day, and counted and skipped days fill the gap exactly', () => {
    fc.assert(
      fc.property(anyCalendar, anyDate, fc.integer({ min: 1, max: 30 }), (cal, start, n) => {
        const result = addWorkingDays(cal, start, n);
        expect(cal.isWorkingDay(result.date)).toBe(true);
        expect(result.countedDays).toHaveLength(n);
        expect(result.countedDays.at(-1)).toBe(result.date);
        expect(result.countedDays.every((x) => cal.isWorkingDay(x))).toBe(true);
        expect(result.skipped.every((s) => !cal.isWorkingDay(s.date))).toBe(true);
        const all = [...result.countedDays, ...result.skipped.map((s) => s.date)].toSorted(compareLocalDates);
        const expected = Array.from({ length: all.length }, (_, i) => addDays(start, i + 1));
        expect(all).toEqual(expected);
      }),
    );
  });

  it('N + 1 working days end after N', () => {
    fc.assert(
      fc.property(anyCalendar, anyDate, fc.integer({ min: 1, max: 30 }), (cal, start, n) => {
        const a = addWorkingDays(cal, start, n).date;
        const b = addWorkingDays(cal, start, n + 1).date;
        expect(compareLocalDates(a, b)).toBe(-1);
      }),
    );
  });

  it('a later start never gives an earlier deadline, for every unit', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        anyDate,
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom('working-days' as const, 'months' as const, 'weeks' as const),
        fc.integer({ min: 1, max: 12 }),
        (cal, start, later, unit, amount) => {
          const a = addTerm(cal, start, { unit, amount }).date;
          const b = addTerm(cal, addDays(start, later), { unit, amount }).date;
          expect(compareLocalDates(a, b)).toBeLessThanOrEqual(0);
        },
      ),
    );
  });

  it('a month deadline is a working day on or after the nominal date, with only non-working days between', () => {
    fc.assert(
      fc.property(anyCalendar, anyDate, fc.integer({ min: 1, max: 12 }), (cal, start, n) => {
        const result = addMonths(cal, start, n);
        expect(compareLocalDates(result.nominalDate, result.date)).toBeLessThanOrEqual(0);
        expect(cal.isWorkingDay(result.date)).toBe(true);
        for (let x = result.nominalDate; x < result.date; x = addDays(x, 1)) {
          expect(cal.isWorkingDay(x)).toBe(false);
        }
        expect(result.skipped.map((s) => s.date)).toEqual(
          Array.from({ length: result.skipped.length }, (_, i) => addDays(result.nominalDate, i)),
        );
      }),
    );
  });

  it('closing days never make a deadline earlier', () => {
    fc.assert(
      fc.property(
        nearbyClosingDays,
        anyDate,
        fc.constantFrom('working-days' as const, 'months' as const, 'weeks' as const),
        fc.integer({ min: 1, max: 12 }),
        (days, start, unit, amount) => {
          const withClosing = createWorkingDayCalendar({ closingDays: days });
          const plain = addTerm(calendar, start, { unit, amount }).date;
          const closed = addTerm(withClosing, start, { unit, amount }).date;
          expect(compareLocalDates(plain, closed)).toBeLessThanOrEqual(0);
        },
      ),
    );
  });

  it('provisional exactly when a looked-at day lies outside 2023–2028', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 15 }), (start, n) => {
        const result = addWorkingDays(calendar, start, n);
        const looked = [...result.countedDays, ...result.skipped.map((s) => s.date)];
        const outside = looked.some((x) => x < '2023-01-01' || x > '2028-12-31');
        expect(result.provisional).toBe(outside);
      }),
    );
  });
});
