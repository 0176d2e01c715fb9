import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { easterSunday } from './easter.ts';
import { dayOfWeek, localDateParts } from './local-date.ts';

describe('easterSunday', () => {
  // Published Easter dates (checked against python-dateutil's independent implementation).
  it.each([
    [1583, '1583-04-10'], // first Gregorian Easter
    [1818, '1818-03-22'], // earliest possible date
    [1900, '1900-04-15'],
    [1943, '1943-04-25'], // latest possible date
    [1954, '1954-04-18'],
    [1961, '1961-04-02'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2016, '2016-03-27'],
    [2019, '2019-04-21'],
    [2020, '2020-04-12'],
    [2021, '2021-04-04'],
    [2022, '2022-04-17'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2031, '2031-04-13'],
    [2032, '2032-03-28'],
    [2033, '2033-04-17'],
    [2034, '2034-04-09'],
    [2035, '2035-03-25'],
    [2038, '2038-04-25'],
    [2049, '2049-04-18'],
    [2100, '2100-03-28'],
    [2285, '2285-03-22'],
    [2400, '2400-04-16'],
  ])('%i: %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('is a Sunday between 22 March and 25 April (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const easter = easterSunday(year);
        expect(dayOfWeek(easter)).toBe(7);
        const { month, day } = localDateParts(easter);
        expect(month * 100 + day).toBeGreaterThanOrEqual(322);
        expect(month * 100 + day).toBeLessThanOrEqual(425);
      }),
    );
  });

  it('refuses years before the Gregorian reform and odd input', () => {
    expect(() => easterSunday(1582)).toThrow(RangeError);
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
    expect(() => easterSunday(10_000)).toThrow(RangeError);
  });
});
