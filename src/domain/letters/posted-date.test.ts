import { describe, expect, it } from 'vitest';
import { parseLocalDate } from '../calendar/local-date.ts';
import { checkPostedDate, postedSentAt } from './posted-date.ts';

const day = parseLocalDate;
const issuedAt = new Date('2026-03-02T15:30:00Z'); // Monday 2 March, 16:30 in Amsterdam
const now = new Date('2026-03-04T22:30:00Z'); // Wednesday 4 March, 23:30 in Amsterdam

describe('checkPostedDate', () => {
  it.each([
    ['the day of issue', '2026-03-02', null],
    ['a day between', '2026-03-03', null],
    ['today in Amsterdam (already the 4th there, UTC says the 4th too)', '2026-03-04', null],
    ['tomorrow', '2026-03-05', 'posted_date_in_future'],
    ['the day before issue', '2026-03-01', 'posted_date_before_issue'],
  ] as const)('%s (%s) → %s', (_label, postedOn, code) => {
    expect(checkPostedDate(day(postedOn), issuedAt, now)?.code ?? null).toBe(code);
  });

  it('counts days in Amsterdam: 00:30 on the 5th there is still the 4th in UTC', () => {
    const justAfterMidnight = new Date('2026-03-04T23:30:00Z');
    expect(checkPostedDate(day('2026-03-05'), issuedAt, justAfterMidnight)).toBeNull();
    expect(checkPostedDate(day('2026-03-06'), issuedAt, justAfterMidnight)?.message).toContain(
      'ligt in de toekomst',
    );
  });

  it('names both dates in Dutch', () => {
    expect(checkPostedDate(day('2026-03-01'), issuedAt, now)?.message).toBe(
      'De datum van verzending (zo 01-03-2026) ligt vóór de dag waarop de brief is opgemaakt (ma 02-03-2026).',
    );
  });
});

describe('postedSentAt', () => {
  it('is the start of the posted day in Amsterdam', () => {
    expect(postedSentAt(issuedAt, day('2026-03-04')).toISOString()).toBe('2026-03-03T23:00:00.000Z');
  });
  it('never lies before the moment of issue', () => {
    expect(postedSentAt(issuedAt, day('2026-03-02'))).toEqual(issuedAt);
  });
});
