import { describe, expect, it } from 'vitest';
import { koningsdagOf, legalHolidaysOf } from './legal-holidays.ts';

describe('koningsdagOf', () => {
  it.each([
    [2024, '2024-04-27'], // Saturday: stays on the 27th, only a Sunday moves it
    [2025, '2025-04-26'], // the 27th is a Sunday
    [2026, '2026-04-27'], // Monday
    [2027, '2027-04-27'],
    [2028, '2028-04-27'],
    [2031, '2031-04-26'], // the 27th is a Sunday
    [2036, '2036-04-26'], // the 27th is a Sunday
    [2037, '2037-04-27'],
  ])('%i: %s', (year, date) => {
    expect(koningsdagOf(year)).toBe(date);
  });
});

describe('legalHolidaysOf', () => {
  it('lists the days of art. 3 lid 1 and 2 for 2026 in date order, with names and basis', () => {
    // Easter 2026: 5 April
    expect(legalHolidaysOf(2026).map((h) => [h.date, h.name, h.kind, h.basis])).toEqual([
      ['2026-01-01', 'Nieuwjaarsdag', 'legal-holiday', 'Algemene termijnenwet art. 3 lid 1'],
      ['2026-04-03', 'Goede Vrijdag', 'good-friday', 'Algemene termijnenwet art. 3 lid 2'],
      ['2026-04-06', 'Tweede Paasdag', 'legal-holiday', 'Algemene termijnenwet art. 3 lid 1'],
      ['2026-04-27', 'Koningsdag', 'legal-holiday', 'Algemene termijnenwet art. 3 lid 1'],
      ['2026-05-05', 'Bevrijdingsdag', 'legal-holiday', 'Algemene termijnenwet art. 3 lid 1'],
      ['2026-05-14', 'Hemelvaartsdag', 'legal-holiday', 'Algemene termijnenwet art. 3 lid 1'],
      ['2026-05-25', 'Tweede Pinksterdag', 'legal-holiday', 'Algemene termijnenwet art. 3 lid 1'],
      ['2026-12-25', 'Eerste Kerstdag', 'legal-holiday', 'Algemene termijnenwet art. 3 lid 1'],
      ['2026-12-26', 'Tweede Kerstdag', 'legal-holiday', 'Algemene termijnenwet art. 3 lid 1'],
    ]);
  });

  // Easter + 1, + 39, + 50 and - 2, by hand from the Easter dates.
  it.each([
    [
      2023,
      ['2023-01-01', '2023-04-07', '2023-04-10', '2023-04-27', '2023-05-05', '2023-05-18', '2023-05-29'],
    ],
    [
      2024,
      ['2024-01-01', '2024-03-29', '2024-04-01', '2024-04-27', '2024-05-05', '2024-05-09', '2024-05-20'],
    ],
    [
      2025,
      ['2025-01-01', '2025-04-18', '2025-04-21', '2025-04-26', '2025-05-05', '2025-05-29', '2025-06-09'],
    ],
    [
      2027,
      ['2027-01-01', '2027-03-26', '2027-03-29', '2027-04-27', '2027-05-05', '2027-05-06', '2027-05-17'],
    ],
    [
      2028,
      ['2028-01-01', '2028-04-14', '2028-04-17', '2028-04-27', '2028-05-05', '2028-05-25', '2028-06-05'],
    ],
    [
      2029,
      ['2029-01-01', '2029-03-30', '2029-04-02', '2029-04-27', '2029-05-05', '2029-05-10', '2029-05-21'],
    ],
    [
      2031,
      ['2031-01-01', '2031-04-11', '2031-04-14', '2031-04-26', '2031-05-05', '2031-05-22', '2031-06-02'],
    ],
  ])('%i up to Tweede Pinksterdag', (year, dates) => {
    expect(
      legalHolidaysOf(year)
        .map((h) => h.date)
        .slice(0, 7),
    ).toEqual(dates);
  });

  it('keeps both names when Hemelvaartsdag falls on 5 mei (2016)', () => {
    const onMay5 = legalHolidaysOf(2016).filter((h) => h.date === '2016-05-05');
    expect(onMay5.map((h) => h.name)).toEqual(['Bevrijdingsdag', 'Hemelvaartsdag']);
  });

  it('has nine entries every year: 5 mei counts every year, not only every fifth', () => {
    for (let year = 2000; year <= 2100; year += 1) {
      expect(legalHolidaysOf(year)).toHaveLength(9);
      expect(legalHolidaysOf(year).some((h) => h.date === `${year}-05-05`)).toBe(true);
    }
  });
});
