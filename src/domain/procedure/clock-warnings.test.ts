import { describe, expect, it } from 'vitest';
import { clockWarnings, nextWarningChange } from './clock-warnings.ts';
import { computeClocks } from './clocks.ts';
import type { ComplaintSnapshot } from './complaint-snapshot.ts';
import { at, calendar, snapshot } from './snapshot-fixtures.ts';

function warnings(s: ComplaintSnapshot, now: string, lastRunAt: string | null = null): string[] {
  const moment = at(now);
  return clockWarnings(
    computeClocks(s, calendar, moment),
    calendar,
    moment,
    lastRunAt === null ? null : at(lastRunAt),
  ).map((w) => `${w.kind}:${w.clock.kind}`);
}

describe('warnings for the deadline job', () => {
  // Received Monday 2 March 2026: acknowledge by Thursday 5 March; warn from Wednesday 4 March 00:00
  // in Amsterdam (3 March 23:00 UTC).
  const fresh = snapshot();

  it.each([
    { now: '2026-03-03T22:59:00Z', lastRunAt: null, expected: [] },
    {
      now: '2026-03-03T23:00:00Z',
      lastRunAt: null,
      expected: ['ends_within_one_working_day:acknowledgment'],
    },
    {
      now: '2026-03-05T22:00:00Z',
      lastRunAt: null,
      expected: ['ends_within_one_working_day:acknowledgment'],
    },
    {
      now: '2026-03-04T08:00:00Z',
      lastRunAt: '2026-03-03T22:00:00Z',
      expected: ['ends_within_one_working_day:acknowledgment'],
    },
    // The previous run already warned.
    { now: '2026-03-04T08:00:00Z', lastRunAt: '2026-03-03T23:30:00Z', expected: [] },
    { now: '2026-03-05T23:00:00Z', lastRunAt: null, expected: ['missed:acknowledgment'] },
    { now: '2026-03-05T23:00:00Z', lastRunAt: '2026-03-05T22:00:00Z', expected: ['missed:acknowledgment'] },
    // The previous run already saw it missed.
    { now: '2026-03-06T08:00:00Z', lastRunAt: '2026-03-05T23:30:00Z', expected: [] },
  ])('at $now after a run at $lastRunAt: $expected', ({ now, lastRunAt, expected }) => {
    expect(warnings(fresh, now, lastRunAt)).toEqual(expected);
  });

  it('warns on Friday for a clock that ends on Monday', () => {
    // Received Wednesday 4 March: acknowledge by Monday 9 March; the working day before is Friday 6 March.
    const wednesday = snapshot({ receivedAt: at('2026-03-04T10:00:00Z') });
    expect(warnings(wednesday, '2026-03-05T22:00:00Z')).toEqual([]);
    expect(warnings(wednesday, '2026-03-05T23:00:00Z')).toEqual([
      'ends_within_one_working_day:acknowledgment',
    ]);
    expect(warnings(wednesday, '2026-03-07T10:00:00Z')).toEqual([
      'ends_within_one_working_day:acknowledgment',
    ]);
  });

  it('warns about the decision and the delay notice together, and before Easter', () => {
    // Received Thursday 5 March: decide by Tuesday 7 April 2026 (5 April is Eerste Paasdag, 6 April
    // Tweede Paasdag); the working day before is Thursday 2 April, as Goede Vrijdag 3 April is off.
    const s = snapshot({
      receivedAt: at('2026-03-05T10:00:00Z'),
      acknowledgmentSentAt: at('2026-03-05T11:00:00Z'),
      informationNotNeededAt: at('2026-03-06T11:00:00Z'),
    });
    expect(warnings(s, '2026-04-01T21:00:00Z')).toEqual([]);
    expect(warnings(s, '2026-04-01T22:00:00Z')).toEqual([
      'ends_within_one_working_day:decision',
      'ends_within_one_working_day:delay_notice',
    ]);
  });

  it('never warns about KiFiD’s informative clocks', () => {
    const done = snapshot({
      status: 'decided',
      acknowledgmentSentAt: at('2026-03-03T10:00:00Z'),
      informationNotNeededAt: at('2026-03-03T11:00:00Z'),
      decision: { mode: 'meeting', communicatedAt: at('2026-03-20T10:00:00Z') },
    });
    expect(warnings(done, '2026-06-19T10:00:00Z')).toEqual([]);
    expect(warnings(done, '2026-06-21T10:00:00Z')).toEqual([]);
    expect(warnings(snapshot({ withdrawnAt: at('2026-03-03T10:00:00Z') }), '2026-05-01T10:00:00Z')).toEqual(
      [],
    );
  });
});

describe('the next moment the warnings can change', () => {
  // Received Monday 2 March 2026: acknowledgment due Thursday 5 March, warned from Wednesday 4 March
  // 00:00 Amsterdam (3 March 23:00 UTC), missed after 5 March 23:59:59.999 Amsterdam.
  const next = (s: ComplaintSnapshot, now: string) => {
    const moment = at(now);
    return nextWarningChange(computeClocks(s, calendar, moment), calendar, moment)?.toISOString() ?? null;
  };

  it.each([
    { now: '2026-03-02T10:00:00Z', expected: '2026-03-03T23:00:00.000Z' },
    { now: '2026-03-03T23:00:00Z', expected: '2026-03-05T23:00:00.000Z' },
  ])('at $now: $expected', ({ now, expected }) => {
    expect(next(snapshot(), now)).toBe(expected);
  });

  it('is never before now, and no warning begins before it', () => {
    for (let hour = 0; hour < 24 * 60; hour += 7) {
      const now = new Date(at('2026-03-02T10:00:00Z').getTime() + hour * 3_600_000);
      const clocks = computeClocks(snapshot(), calendar, now);
      const change = nextWarningChange(clocks, calendar, now);
      const current = clockWarnings(clocks, calendar, now).map((w) => `${w.kind}:${w.clock.kind}`);
      if (change === null) continue;
      expect(change.getTime()).toBeGreaterThan(now.getTime());
      const justBefore = new Date(change.getTime() - 1);
      const later = clockWarnings(computeClocks(snapshot(), calendar, justBefore), calendar, justBefore);
      expect(later.map((w) => `${w.kind}:${w.clock.kind}`)).toEqual(current);
    }
  });
});
