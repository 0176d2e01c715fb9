/**
 * Per-account protection against guessing (ASVS 6.3.1): after 5 failed sign-ins in a row (wrong
 * password or wrong second-factor code) the account is locked for 15 minutes; every further lockout
 * doubles that, up to 8 hours. A successful sign-in, a completed password reset or an accepted
 * invitation starts the count afresh. The lock is temporary and a reset link ends it, so someone who
 * guesses on purpose to lock a colleague out achieves little (the per-address limit slows them too).
 */
export const FAILURES_BEFORE_LOCK = 5;
export const FIRST_LOCK_MINUTES = 15;
export const MAX_LOCK_MINUTES = 8 * 60;

export interface LockState {
  failedLoginCount: number;
  lockoutCount: number;
  lockedUntil: Date | null;
}

export function isLocked(state: Pick<LockState, 'lockedUntil'>, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failure; `locked` tells whether this failure started a lockout. */
export function afterFailure(state: LockState, now: Date): LockState & { locked: boolean } {
  const failures = state.failedLoginCount + 1;
  if (failures < FAILURES_BEFORE_LOCK) return { ...state, failedLoginCount: failures, locked: false };
  const minutes = Math.min(FIRST_LOCK_MINUTES * 2 ** state.lockoutCount, MAX_LOCK_MINUTES);
  return {
    failedLoginCount: 0,
    lockoutCount: state.lockoutCount + 1,
    lockedUntil: new Date(now.getTime() + minutes * 60_000),
    locked: true,
  };
}

export const CLEARED_LOCK_STATE: LockState = { failedLoginCount: 0, lockoutCount: 0, lockedUntil: null };
