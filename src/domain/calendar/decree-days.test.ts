import { describe, expect, it } from 'vitest';
import { DECREES, decreeCovering, decreeDaysOf, isYearCoveredByDecree } from './decree-days.ts';
import { legalHolidaysOf } from './legal-holidays.ts';
import { dayOfWeek, yearOf } from './local-date.ts';

describe('decree data', () => {
  it('holds the days of design §3, each with a source', () => {
    expect(
      DECREES.map((decree) => [decree.firstYear, decree.lastYear, decree.days.map((x) => x.date)]),
    ).toEqual([
      [2023, 2025, ['2023-04-28', '2023-05-19', '2024-05-10', '2024-12-27', '2025-05-30']],
      [2026, 2028, ['2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26']],
    ]);
    for (const decree of DECREES) {
      expect(decree.source).toMatch(/Algemene termijnenwet art\. 3 lid 3/);
      expect(decree.title).toMatch(/^Besluit gelijkstelling dagen/);
    }
  });

  it('every decree day is a weekday inside its decree years and not already a holiday', () => {
    for (const decree of DECREES) {
      for (const day of decree.days) {
        const year = yearOf(day.date);
        expect(year).toBeGreaterThanOrEqual(decree.firstYear);
        expect(year).toBeLessThanOrEqual(decree.lastYear);
        expect(dayOfWeek(day.date)).toBeLessThanOrEqual(5);
        expect(legalHolidaysOf(year).map((h) => h.date)).not.toContain(day.date);
        // All ten are bridge days: the Friday after a Thursday holiday.
        expect(dayOfWeek(day.date)).toBe(5);
      }
    }
  });

  it('no two decrees cover the same year', () => {
    const years = DECREES.flatMap((decree) =>
      Array.from({ length: decree.lastYear - decree.firstYear + 1 }, (_, i) => decree.firstYear + i),
    );
    expect(new Set(years).size).toBe(years.length);
  });
});

describe('coverage', () => {
  it.each([
    [2021, false],
    [2022, false],
    [2023, true],
    [2024, true],
    [2025, true],
    [2026, true],
    [2027, true],
    [2028, true],
    [2029, false],
    [2031, false],
  ])('%i covered: %s', (year, covered) => {
    expect(isYearCoveredByDecree(year)).toBe(covered);
  });

  it('finds the decree and its days per year', () => {
    expect(decreeCovering(2027)?.id).toBe('gelijkstelling-2026-2028');
    expect(decreeCovering(2029)).toBeNull();
    expect(decreeDaysOf(2024).map((x) => [x.date, x.description])).toEqual([
      ['2024-05-10', 'vrijdag na Hemelvaartsdag'],
      ['2024-12-27', 'vrijdag na Tweede Kerstdag'],
    ]);
    expect(decreeDaysOf(2029)).toEqual([]);
  });

  it('a covered year may have no decree days at all, and is still covered', () => {
    const decrees = [{ id: 'x', firstYear: 2040, lastYear: 2040, title: 't', source: 's', days: [] }];
    expect(isYearCoveredByDecree(2040, decrees)).toBe(true);
    expect(decreeDaysOf(2040, decrees)).toEqual([]);
  });
});
