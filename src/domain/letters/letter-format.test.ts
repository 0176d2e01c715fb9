import { describe, expect, it } from 'vitest';
import { day } from './letter-fixtures.ts';
import { formatClockTime, formatLetterDate, isClockTime, minutesOf } from './letter-format.ts';
import { fillPlaceholders, scanPlaceholders } from './placeholders.ts';

describe('letter dates and times', () => {
  it.each([
    ['2026-03-02', 'nl', false, '2 maart 2026'],
    ['2026-04-02', 'nl', true, 'donderdag 2 april 2026'],
    ['2026-12-27', 'nl', true, 'zondag 27 december 2026'],
    ['2026-03-02', 'en', false, '2 March 2026'],
    ['2026-04-02', 'en', true, 'Thursday 2 April 2026'],
  ] as const)('%s (%s, weekday %s) is %j', (date, language, weekday, expected) => {
    expect(formatLetterDate(day(date), language, { weekday })).toBe(expected);
  });

  it('writes times the Dutch way in Dutch', () => {
    expect(formatClockTime('09:30', 'nl')).toBe('09.30');
    expect(formatClockTime('09:30', 'en')).toBe('09:30');
  });

  it.each([
    ['00:00', true],
    ['23:59', true],
    ['24:00', false],
    ['9:30', false],
    ['09.30', false],
    [null, false],
  ])('%j is a time: %s', (value, ok) => {
    expect(isClockTime(value)).toBe(ok);
  });

  it('counts minutes', () => {
    expect(minutesOf('14:45')).toBe(885);
    expect(() => minutesOf('x')).toThrow(RangeError);
  });
});

describe('placeholders', () => {
  it('finds each field once, in order, with or without inner spaces', () => {
    expect(scanPlaceholders('{{a}} en {{ b.c }} en {{a}}')).toEqual({ names: ['a', 'b.c'], malformed: [] });
  });

  it.each(['{{}}', '{{a b}}', '{{a', 'a}}', '{{a.b.c}}', '{{1a}}'])('calls %j malformed', (text) => {
    expect(scanPlaceholders(text).malformed.length).toBeGreaterThan(0);
  });

  it('fills in one pass', () => {
    expect(fillPlaceholders('{{a}} / {{b}}', (name) => (name === 'a' ? '{{b}}' : 'B'))).toBe('{{b}} / B');
  });
});
