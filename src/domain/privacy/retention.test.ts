import { describe, expect, it } from 'vitest';
import { addCalendarMonths, parseLocalDate, startOfAmsterdamDay } from '../calendar/local-date.ts';
import {
  cancellationRetentionState,
  DEFAULT_CANCELLATION_RETENTION_YEARS,
  dueWithin,
  endedBeforeBound,
  monthOf,
  retentionState,
  retentionTerm,
  type RetentionFacts,
} from './retention.ts';

const ended = (at: string, overrides: Partial<RetentionFacts> = {}): RetentionFacts => ({
  status: 'closed',
  endedAt: new Date(at),
  anonymisedAt: null,
  activeHolds: 0,
  ...overrides,
});

describe('the retention term', () => {
  it.each([
    // ended (instant)            years  ended on      kept until    anonymise from
    ['2026-11-30T09:00:00Z', 5, '2026-11-30', '2031-11-30', '2031-12-01'],
    // Late in the evening in Amsterdam is already the next day there.
    ['2026-06-30T22:30:00Z', 5, '2026-07-01', '2031-07-01', '2031-07-02'],
    // 29 February has no twin five years on: the term ends on 28 February.
    ['2028-02-29T12:00:00Z', 5, '2028-02-29', '2033-02-28', '2033-03-01'],
    ['2028-02-29T12:00:00Z', 4, '2028-02-29', '2032-02-29', '2032-03-01'],
    ['2026-12-31T12:00:00Z', 1, '2026-12-31', '2027-12-31', '2028-01-01'],
  ])('ended %s, %i years: kept until %s', (at, years, endedOn, keptUntil, anonymiseFrom) => {
    expect(retentionTerm(new Date(at), years)).toEqual({ endedOn, keptUntil, anonymiseFrom });
  });

  it('refuses a term outside 1 to 30 whole years', () => {
    for (const years of [0, 31, 2.5]) expect(() => retentionTerm(new Date(), years)).toThrow(RangeError);
  });

  it.each([
    ['open complaint', ended('2020-01-01T12:00:00Z', { status: 'in_investigation', endedAt: null }), 'open'],
    [
      'anonymised already',
      ended('2020-01-01T12:00:00Z', { anonymisedAt: new Date('2026-01-01') }),
      'anonymised',
    ],
    ['on the last day kept', ended('2021-06-15T12:00:00Z'), 'kept'],
    ['the day after', ended('2021-06-14T12:00:00Z'), 'due'],
    ['withdrawn counts as ended', ended('2021-06-14T12:00:00Z', { status: 'withdrawn' }), 'due'],
    ['reclassified counts as ended', ended('2021-06-14T12:00:00Z', { status: 'reclassified' }), 'due'],
    ['a hold keeps it', ended('2021-06-14T12:00:00Z', { activeHolds: 1 }), 'held'],
    [
      'a hold before the term ends changes nothing yet',
      ended('2021-06-16T12:00:00Z', { activeHolds: 1 }),
      'kept',
    ],
  ])('%s', (_name, facts, kind) => {
    expect(retentionState(facts, 5, parseLocalDate('2026-06-15')).kind).toBe(kind);
  });

  it('previews a month: due or held by its last day, nothing later', () => {
    const june = monthOf(parseLocalDate('2031-06-10'));
    expect(june).toEqual({ first: '2031-06-01', last: '2031-06-30' });
    expect(dueWithin(ended('2026-06-28T12:00:00Z'), 5, june)?.kind).toBe('due');
    expect(dueWithin(ended('2026-06-29T12:00:00Z', { activeHolds: 2 }), 5, june)?.kind).toBe('held');
    expect(dueWithin(ended('2026-06-30T12:00:00Z'), 5, june)).toBeNull();
    expect(dueWithin(ended('2020-01-01T12:00:00Z'), 5, june)?.kind).toBe('due');
  });

  it('bounds the database filter generously: whatever falls due by a day ended before the bound', () => {
    for (const last of ['2031-06-30', '2033-02-28', '2032-02-29', '2031-03-31', '2031-10-31']) {
      const lastDay = parseLocalDate(last);
      const bound = startOfAmsterdamDay(endedBeforeBound(lastDay, 5));
      const around = startOfAmsterdamDay(addCalendarMonths(lastDay, -60)).getTime();
      // Every hour over ten days around the edge: none due by the last day ended at or after the bound.
      const missed = Array.from(
        { length: 241 },
        (_, index) => new Date(around + (index - 120) * 3_600_000),
      ).filter(
        (endedAt) =>
          endedAt >= bound && dueWithin(ended(endedAt.toISOString()), 5, monthOf(lastDay)) !== null,
      );
      expect(missed).toEqual([]);
    }
  });
});

describe('the retention term of a cancellation request without a complaint', () => {
  const today = parseLocalDate('2029-01-10');
  const facts = (status: string, handledAt: string | null, overrides = {}) => ({
    status,
    handledAt: handledAt === null ? null : new Date(handledAt),
    anonymisedAt: null,
    activeHolds: 0,
    ...overrides,
  });
  it.each([
    ['received, never handled', facts('received', null), 'open'],
    ['confirmed but not processed', facts('confirmed', null), 'open'],
    ['processed two years and a day ago', facts('processed', '2027-01-08T12:00:00Z'), 'due'],
    ['withdrawn two years and a day ago', facts('withdrawn', '2027-01-08T12:00:00Z'), 'due'],
    [
      'processed exactly two years ago (kept through that day)',
      facts('processed', '2027-01-10T12:00:00Z'),
      'kept',
    ],
    ['processed last year', facts('processed', '2028-01-10T12:00:00Z'), 'kept'],
    ['due but under a hold', facts('processed', '2026-01-01T12:00:00Z', { activeHolds: 1 }), 'held'],
    [
      'already anonymised',
      facts('processed', '2026-01-01T12:00:00Z', { anonymisedAt: new Date() }),
      'anonymised',
    ],
  ])('%s: %s', (_label, input, kind) => {
    expect(cancellationRetentionState(input, DEFAULT_CANCELLATION_RETENTION_YEARS, today).kind).toBe(kind);
  });
});
