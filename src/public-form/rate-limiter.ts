/**
 * A sliding-window limit kept in this process's memory: each key remembers the moments of its last
 * hits within the window. Good enough for one process; with several processes behind a load balancer
 * every process counts on its own, so the effective limit is that many times higher — a shared store
 * (a table or Redis) is needed before that matters. Memory is bounded by `maxKeys`.
 */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export class SlidingWindowLimiter {
  readonly rule: RateLimitRule;
  readonly #maxKeys: number;
  readonly #hits = new Map<string, number[]>();

  constructor(rule: RateLimitRule, maxKeys = 100_000) {
    this.rule = rule;
    this.#maxKeys = maxKeys;
  }

  /** 0 when one more hit is allowed now, else how long until it is. */
  retryAfterMs(key: string, now: Date): number {
    const hits = this.#current(key, now.getTime());
    if (hits.length < this.rule.limit) return 0;
    return hits[hits.length - this.rule.limit]! + this.rule.windowMs - now.getTime();
  }

  record(key: string, now: Date): void {
    const at = now.getTime();
    const hits = this.#current(key, at);
    hits.push(at);
    // Re-inserting moves the key to the end, so the oldest-used key is the first to go when full.
    this.#hits.delete(key);
    this.#hits.set(key, hits.slice(-this.rule.limit));
    while (this.#hits.size > this.#maxKeys) {
      const oldest = this.#hits.keys().next().value;
      if (oldest === undefined) break;
      this.#hits.delete(oldest);
    }
  }

  #current(key: string, at: number): number[] {
    const hits = (this.#hits.get(key) ?? []).filter((moment) => moment > at - this.rule.windowMs);
    if (hits.length === 0) this.#hits.delete(key);
    return hits;
  }
}

export interface LimitCheck {
  limiter: SlidingWindowLimiter;
  key: string;
}

/** The longest wait any of the limits asks for; 0 when all allow one more. */
export function retryAfterMs(checks: readonly LimitCheck[], now: Date): number {
  return Math.max(0, ...checks.map((check) => check.limiter.retryAfterMs(check.key, now)));
}

/**
 * Checks every limit and, only when all allow it, counts the hit on each. Synchronous, so two
 * requests in this process cannot both slip through between check and count.
 */
export function takeHits(checks: readonly LimitCheck[], now: Date): number {
  const wait = retryAfterMs(checks, now);
  if (wait > 0) return wait;
  for (const check of checks) check.limiter.record(check.key, now);
  return 0;
}
