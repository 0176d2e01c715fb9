import { describe, expect, it } from 'vitest';
import { afterFailure, CLEARED_LOCK_STATE, isLocked, type LockState } from './lockout-policy.ts';

const now = new Date('2026-11-24T09:00:00Z');
const minutesLater = (m: number) => new Date(now.getTime() + m * 60_000);

function fail(times: number, start: LockState = CLEARED_LOCK_STATE) {
  let state: LockState & { locked: boolean } = { ...start, locked: false };
  for (let i = 0; i < times; i++) state = afterFailure(state, now);
  return state;
}

describe('lockout policy', () => {
  it('counts four failures without locking', () => {
    expect(fail(4)).toEqual({ failedLoginCount: 4, lockoutCount: 0, lockedUntil: null, locked: false });
  });

  it('locks for 15 minutes at the fifth failure and starts counting afresh', () => {
    const state = fail(5);
    expect(state).toEqual({
      failedLoginCount: 0,
      lockoutCount: 1,
      lockedUntil: minutesLater(15),
      locked: true,
    });
    expect(isLocked(state, minutesLater(14))).toBe(true);
    expect(isLocked(state, minutesLater(15))).toBe(false);
  });

  it.each([
    [0, 15],
    [1, 30],
    [2, 60],
    [3, 120],
    [4, 240],
    [5, 480],
    [9, 480],
  ])('after %i earlier lockouts the next lasts %i minutes', (earlier, minutes) => {
    const state = fail(5, { failedLoginCount: 0, lockoutCount: earlier, lockedUntil: null });
    expect(state.lockedUntil).toEqual(minutesLater(minutes));
  });
});
