import { checkHits, recordHit, type HitRow, type RateLimitStore } from './rate-limit-store.ts';

/**
 * A sliding-window limit counted in the database, so all app processes on one database count
 * together (see rate-limit-store.ts). Each check or count is one statement. `scope` names the limit
 * and must be unique per limit of the installation ("auth.failedSignIns").
 */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export class SlidingWindowLimiter {
  readonly store: RateLimitStore;
  readonly scope: string;
  readonly rule: RateLimitRule;

  constructor(store: RateLimitStore, scope: string, rule: RateLimitRule) {
    this.store = store;
    this.scope = scope;
    this.rule = rule;
  }

  /** 0 when one more hit is allowed now, else how long until it is. */
  retryAfterMs(key: string, now: Date): Promise<number> {
    return retryAfterMs([{ limiter: this, key }], now);
  }

  /** Counts a hit when the limit allows one more (0), else says how long to wait and counts nothing. */
  takeOrWait(key: string, now: Date): Promise<number> {
    return takeHits([{ limiter: this, key }], now);
  }

  /** Counts a hit whatever the limit says (the check came earlier). */
  record(key: string, now: Date): Promise<void> {
    return recordHit(this.store, hitRow({ limiter: this, key }), now);
  }
}

export interface LimitCheck {
  limiter: SlidingWindowLimiter;
  key: string;
}

function hitRow(check: LimitCheck): HitRow {
  const { limiter, key } = check;
  return {
    scope: limiter.scope,
    keyHex: limiter.store.hashKey(limiter.scope, key),
    limit: limiter.rule.limit,
    windowMs: limiter.rule.windowMs,
  };
}

function storeOf(checks: readonly LimitCheck[]): RateLimitStore | null {
  const store = checks[0]?.limiter.store ?? null;
  if (checks.some((check) => check.limiter.store !== store)) {
    throw new Error('limits checked together must share one store');
  }
  return store;
}

/** The longest wait any of the limits asks for; 0 when all allow one more. */
export async function retryAfterMs(checks: readonly LimitCheck[], now: Date): Promise<number> {
  const store = storeOf(checks);
  return store === null ? 0 : checkHits(store, checks.map(hitRow), now, false);
}

/**
 * Checks every limit and, only when all allow it, counts the hit on each — in one statement, so two
 * requests (in this process or another) cannot both slip through between check and count.
 */
export async function takeHits(checks: readonly LimitCheck[], now: Date): Promise<number> {
  const store = storeOf(checks);
  return store === null ? 0 : checkHits(store, checks.map(hitRow), now, true);
}
