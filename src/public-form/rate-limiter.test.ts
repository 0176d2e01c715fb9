import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter, takeHits } from './rate-limiter.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 24, 9, minutes));

describe('sliding-window rate limit', () => {
  it('allows the limit within the window and says how long to wait after', () => {
    const limiter = new SlidingWindowLimiter({ limit: 3, windowMs: 60 * 60 * 1000 });
    for (const minute of [0, 10, 20]) {
      expect(limiter.retryAfterMs('a', at(minute))).toBe(0);
      limiter.record('a', at(minute));
    }
    expect(limiter.retryAfterMs('a', at(30))).toBe(30 * 60 * 1000);
    expect(limiter.retryAfterMs('b', at(30))).toBe(0);
    // The window slides: an hour after the first hit there is room again.
    expect(limiter.retryAfterMs('a', at(60))).toBe(0);
  });

  it('counts a hit on every limit only when all allow it', () => {
    const perAddress = new SlidingWindowLimiter({ limit: 5, windowMs: 60_000 });
    const perEmail = new SlidingWindowLimiter({ limit: 1, windowMs: 60_000 });
    const checks = [
      { limiter: perAddress, key: '192.0.2.1' },
      { limiter: perEmail, key: 'a@example.nl' },
    ];
    expect(takeHits(checks, at(0))).toBe(0);
    expect(takeHits(checks, at(0))).toBeGreaterThan(0);
    // The refused attempt did not use up the address's allowance.
    expect(perAddress.retryAfterMs('192.0.2.1', at(0))).toBe(0);
    for (let i = 0; i < 3; i++) perAddress.record('192.0.2.1', at(0));
    expect(perAddress.retryAfterMs('192.0.2.1', at(0))).toBe(0);
    perAddress.record('192.0.2.1', at(0));
    expect(perAddress.retryAfterMs('192.0.2.1', at(0))).toBe(60_000);
  });

  it('forgets the oldest keys beyond its capacity', () => {
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 60_000 }, 2);
    limiter.record('a', at(0));
    limiter.record('b', at(0));
    limiter.record('c', at(0));
    expect(limiter.retryAfterMs('a', at(0))).toBe(0);
    expect(limiter.retryAfterMs('c', at(0))).toBeGreaterThan(0);
  });
});
