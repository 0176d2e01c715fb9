import { describe, expect, it } from 'vitest';
import { computeClocks } from './clocks.ts';
import type { DelayNoticeSnapshot } from './complaint-snapshot.ts';
import { availableActions, evaluateAction } from './decide-action.ts';
import { decisionTarget } from './decision-target.ts';
import { at, calendar, codesOf, day, env, inStatus } from './snapshot-fixtures.ts';

// Received Monday 2 March 2026; one month: Thursday 2 April 2026, a working day (Goede Vrijdag is 3 April).
const complaint = inStatus('in_investigation');
const notice = (sentAt: string, newDate: string): DelayNoticeSnapshot => ({
  sentAt: at(sentAt),
  reason: 'Wij wachten op stukken van de maatschappij.',
  newDate: day(newDate),
});
const send = (newDate: string, reason = 'Wachten op stukken.') =>
  ({ action: 'send_delay_notice', reason, newDate: day(newDate) }) as const;

describe('the delay notice (R7)', () => {
  it.each([
    { name: 'well before the target', now: '2026-03-30T10:00:00Z', request: send('2026-04-20'), codes: [] },
    // 2 April ends at 23:59:59.999 in Amsterdam, which is 21:59:59.999 UTC in summer time.
    {
      name: 'in the last minute of the target day',
      now: '2026-04-02T21:59:00Z',
      request: send('2026-04-20'),
      codes: [],
    },
    {
      name: 'just after the target day',
      now: '2026-04-02T22:00:00Z',
      request: send('2026-04-20'),
      codes: ['delay_notice_too_late'],
    },
    {
      name: 'without a reason',
      now: '2026-03-30T10:00:00Z',
      request: send('2026-04-20', ' '),
      codes: ['delay_notice_reason_missing'],
    },
    {
      name: 'with the same date',
      now: '2026-03-30T10:00:00Z',
      request: send('2026-04-02'),
      codes: ['delay_notice_date_invalid'],
    },
    {
      name: 'with an earlier date',
      now: '2026-03-30T10:00:00Z',
      request: send('2026-03-31'),
      codes: ['delay_notice_date_invalid'],
    },
    {
      name: 'too late, without a reason and with an earlier date',
      now: '2026-04-03T10:00:00Z',
      request: send('2026-04-01', ''),
      codes: ['delay_notice_too_late', 'delay_notice_reason_missing', 'delay_notice_date_invalid'],
    },
  ])('$name', ({ now, request, codes }) => {
    const result = evaluateAction(complaint, request, env(undefined, at(now)));
    expect(codesOf(result)).toEqual(codes);
  });

  it('refuses a date that is no date', () => {
    const result = evaluateAction(
      complaint,
      { action: 'send_delay_notice', reason: 'Stukken', newDate: '2026-02-30' as ReturnType<typeof day> },
      env(undefined, at('2026-03-30T10:00:00Z')),
    );
    expect(result).toMatchObject({ allowed: false, refusals: [{ code: 'delay_notice_date_invalid' }] });
  });

  it('says it is too late before anyone fills in the form', () => {
    const late = availableActions(complaint, env(undefined, at('2026-04-03T08:00:00Z'))).find(
      (a) => a.action === 'send_delay_notice',
    );
    expect(late?.refusals.map((r) => r.code)).toEqual(['delay_notice_too_late']);
    expect(late?.refusals[0]?.message).toContain('do 02-04-2026');
  });

  it('moves the target to the new date and keeps the original', () => {
    const delayed = { ...complaint, delayNotices: [notice('2026-03-30T10:00:00Z', '2026-04-20')] };
    const target = decisionTarget(delayed, calendar);
    expect(target.original.date).toBe('2026-04-02');
    expect(target.current).toBe('2026-04-20');
    // A second notice is measured against the new target.
    const result = evaluateAction(delayed, send('2026-05-04'), env(undefined, at('2026-04-15T10:00:00Z')));
    expect(result).toMatchObject({
      allowed: true,
      events: [
        {
          type: 'complaint.delay_notice_sent',
          data: { originalTarget: '2026-04-02', previousTarget: '2026-04-20', newDate: '2026-05-04' },
        },
      ],
    });
    const decision = computeClocks(delayed, calendar, at('2026-04-10T10:00:00Z')).find(
      (c) => c.kind === 'decision',
    );
    expect(decision).toMatchObject({ dueDate: '2026-04-20', originalDueDate: '2026-04-02', state: 'open' });
  });

  it('does not let a notice sent after the target move it', () => {
    const late = { ...complaint, delayNotices: [notice('2026-04-03T08:00:00Z', '2026-04-20')] };
    const target = decisionTarget(late, calendar);
    expect(target.current).toBe('2026-04-02');
    expect(target.ignoredNotices).toEqual([{ notice: late.delayNotices[0], reason: 'too_late' }]);
  });

  it('replays notices in the order they were sent', () => {
    const both = {
      ...complaint,
      delayNotices: [
        notice('2026-04-15T10:00:00Z', '2026-05-04'),
        notice('2026-03-30T10:00:00Z', '2026-04-20'),
      ],
    };
    const target = decisionTarget(both, calendar);
    expect(target.current).toBe('2026-05-04');
    expect(target.replacedTargets).toEqual(['2026-04-02', '2026-04-20']);
  });
});
