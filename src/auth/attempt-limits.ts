import { rateLimitKey } from '../http/client-address.ts';
import type { RateLimitStore } from '../http/rate-limit/rate-limit-store.ts';
import { SlidingWindowLimiter, type RateLimitRule } from '../http/rate-limit/rate-limiter.ts';

/**
 * Limits per client address (ASVS 6.3.1), on top of the per-account lockout: one address guessing
 * across many accounts (password spraying) is slowed without locking anybody out. Counted in the
 * database, so all processes of a load-balanced installation count together, across organisations
 * (the address is the same attacker whichever firm's accounts it tries). IPv6 counts per /64.
 */
export interface AttemptLimitRules {
  /** Failed sign-in steps (password or second factor) from one address. */
  failedSignIns: RateLimitRule;
  /** Password-reset requests from one address, answered or not. */
  resetRequests: RateLimitRule;
  /** Refused invitation or reset links from one address. */
  failedLinks: RateLimitRule;
}

export const DEFAULT_ATTEMPT_LIMITS: AttemptLimitRules = {
  failedSignIns: { limit: 30, windowMs: 15 * 60_000 },
  resetRequests: { limit: 10, windowMs: 60 * 60_000 },
  failedLinks: { limit: 20, windowMs: 15 * 60_000 },
};

/** At most this many reset links per account per hour; further requests get the same 202, nothing more. */
export const RESET_LINKS_PER_ACCOUNT_PER_HOUR = 3;

export interface AttemptLimits {
  failedSignIns: SlidingWindowLimiter;
  resetRequests: SlidingWindowLimiter;
  failedLinks: SlidingWindowLimiter;
}

export function createAttemptLimits(
  store: RateLimitStore,
  rules: Partial<AttemptLimitRules> = {},
): AttemptLimits {
  const merged = { ...DEFAULT_ATTEMPT_LIMITS, ...rules };
  return {
    failedSignIns: new SlidingWindowLimiter(store, 'auth.failedSignIns', merged.failedSignIns),
    resetRequests: new SlidingWindowLimiter(store, 'auth.resetRequests', merged.resetRequests),
    failedLinks: new SlidingWindowLimiter(store, 'auth.failedLinks', merged.failedLinks),
  };
}

export function addressKey(clientAddress: string): string {
  return rateLimitKey(clientAddress);
}
