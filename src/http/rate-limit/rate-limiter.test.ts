import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { createRateLimitStore, purgeExpiredHits, type RateLimitStore } from './rate-limit-store.ts';
import { SlidingWindowLimiter, retryAfterMs, takeHits } from './rate-limiter.ts';

const at = (minutes: number, ms = 0) => new Date(Date.UTC(2026, 10, 24, 9, minutes) + ms);
const HOUR = 60 * 60 * 1000;

describe.each(databaseKinds())('sliding-window rate limit in the database on %s', (kind) => {
  let database: TestDatabase;
  let store: RateLimitStore;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    store = createRateLimitStore(database.handle.db, Buffer.alloc(32, 7));
  });
  afterAll(async () => database.close());
  beforeEach(async () => {
    await sql`DELETE FROM rate_limit_hits`.execute(database.handle.db);
  });

  it('allows the limit within the window and says how long to wait after, to the millisecond', async () => {
    const limiter = new SlidingWindowLimiter(store, 'test.perAddress', { limit: 3, windowMs: HOUR });
    for (const minute of [0, 10, 20]) {
      expect(await limiter.takeOrWait('a', at(minute))).toBe(0);
    }
    expect(await limiter.retryAfterMs('a', at(30))).toBe(30 * 60_000);
    expect(await limiter.retryAfterMs('b', at(30))).toBe(0);
    // The first hit leaves the window exactly one hour after it: one millisecond before, still full.
    expect(await limiter.retryAfterMs('a', at(59, 59_999))).toBe(1);
    expect(await limiter.retryAfterMs('a', at(60))).toBe(0);
    expect(await limiter.takeOrWait('a', at(60))).toBe(0);
    // Now the hits at 10, 20 and 60 are in the window; the next slot opens at 70.
    expect(await limiter.takeOrWait('a', at(61))).toBe(9 * 60_000);
  });

  it('counts a hit on every limit only when all allow it', async () => {
    const perAddress = new SlidingWindowLimiter(store, 'test.address', { limit: 5, windowMs: 60_000 });
    const perEmail = new SlidingWindowLimiter(store, 'test.email', { limit: 1, windowMs: 60_000 });
    const checks = [
      { limiter: perAddress, key: '192.0.2.1' },
      { limiter: perEmail, key: 'a@example.nl' },
    ];
    expect(await takeHits(checks, at(0))).toBe(0);
    expect(await takeHits(checks, at(0, 500))).toBe(59_500);
    expect(await retryAfterMs(checks, at(0, 500))).toBe(59_500);
    // The refused request was not counted on the address: 3 more fit, the fifth does not.
    for (let i = 0; i < 3; i++) await perAddress.record('192.0.2.1', at(0));
    expect(await perAddress.retryAfterMs('192.0.2.1', at(0))).toBe(0);
    await perAddress.record('192.0.2.1', at(0));
    expect(await perAddress.retryAfterMs('192.0.2.1', at(0))).toBe(60_000);
  });

  it('keeps limits with the same key apart, and stores no key in the clear', async () => {
    const signIns = new SlidingWindowLimiter(store, 'test.signIns', { limit: 1, windowMs: 60_000 });
    const links = new SlidingWindowLimiter(store, 'test.links', { limit: 1, windowMs: 60_000 });
    await signIns.record('203.0.113.9', at(0));
    expect(await signIns.retryAfterMs('203.0.113.9', at(0))).toBe(60_000);
    expect(await links.retryAfterMs('203.0.113.9', at(0))).toBe(0);
    const rows = await sql<{
      scope: string;
      key: Uint8Array;
    }>`SELECT scope, key FROM rate_limit_hits`.execute(database.handle.db);
    expect(rows.rows.map((r) => r.scope)).toEqual(['test.signIns']);
    const stored = Buffer.from(rows.rows[0]!.key);
    expect(stored).toHaveLength(32);
    expect(stored.includes(Buffer.from('203.0.113.9'))).toBe(false);
    // Another installation secret: another hash, so the same address counts from zero.
    const otherStore = createRateLimitStore(database.handle.db, Buffer.alloc(32, 8));
    const elsewhere = new SlidingWindowLimiter(otherStore, 'test.signIns', { limit: 1, windowMs: 60_000 });
    expect(await elsewhere.retryAfterMs('203.0.113.9', at(0))).toBe(0);
  });

  it('keeps no more hits than the limit needs, however many are recorded', async () => {
    const limiter = new SlidingWindowLimiter(store, 'test.failures', { limit: 3, windowMs: HOUR });
    for (let minute = 0; minute < 10; minute++) await limiter.record('x', at(minute));
    const row = await sql<{
      n: number;
    }>`SELECT cardinality(hits) AS n FROM rate_limit_hits WHERE scope = 'test.failures'`.execute(
      database.handle.db,
    );
    expect(row.rows[0]!.n).toBe(3);
    // The third-newest hit (minute 7) decides: free again at 67.
    expect(await limiter.retryAfterMs('x', at(10))).toBe(57 * 60_000);
  });

  it('purges rows whose last hit has left the window, and no others', async () => {
    const short = new SlidingWindowLimiter(store, 'test.short', { limit: 2, windowMs: 60_000 });
    const long = new SlidingWindowLimiter(store, 'test.long', { limit: 2, windowMs: HOUR });
    await short.record('k', at(0));
    await long.record('k', at(0));
    expect(await purgeExpiredHits(database.handle.db, at(0, 59_999))).toBe(0);
    expect(await purgeExpiredHits(database.handle.db, at(1))).toBe(1);
    const left = await sql<{ scope: string }>`SELECT scope FROM rate_limit_hits`.execute(database.handle.db);
    expect(left.rows.map((r) => r.scope)).toEqual(['test.long']);
  });

  it('lets exactly the limit through when requests race on separate connections', async () => {
    const limiter = new SlidingWindowLimiter(store, 'test.race', { limit: 5, windowMs: HOUR });
    // Create the row first, so the race is on the lock, then fire at once (PGlite serialises them).
    expect(await limiter.takeOrWait('race', at(0))).toBe(0);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => limiter.takeOrWait('race', at(1, i))),
    );
    expect(results.filter((wait) => wait === 0)).toHaveLength(4);
    expect(await limiter.retryAfterMs('race', at(2))).toBe(58 * 60_000);
  });
});
