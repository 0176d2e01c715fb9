import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { FORM_TOKEN_MAX_AGE_MS } from './form-token.ts';
import { purgeExpiredProofOfWork, rememberInDatabase } from './proof-of-work-uses.ts';

const at = (ms: number) => new Date(Date.UTC(2026, 10, 24, 9, 0) + ms);

describe.each(databaseKinds())('used proof-of-work solutions on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database.close());

  it('counts a solution once for every process on the database: again for its own form only', async () => {
    // Two processes: each its own function, one table between them.
    const processA = rememberInDatabase(database.handle.db);
    const processB = rememberInDatabase(database.handle.db);
    expect(await processA('nonce-1', 'form-x', at(0))).toBe(true);
    expect(await processB('nonce-1', 'form-y', at(1000))).toBe(false);
    expect(await processA('nonce-1', 'form-y', at(2000))).toBe(false);
    // The same form again (a double click, or the form shown again with errors) is no replay.
    expect(await processB('nonce-1', 'form-x', at(3000))).toBe(true);
    // Racing first uses of one nonce: exactly one form gets it.
    const raced = await Promise.all(
      ['form-1', 'form-2', 'form-3', 'form-4'].map((form) => processA('nonce-2', form, at(0))),
    );
    expect(raced.filter(Boolean)).toHaveLength(1);
  });

  it('forgets a solution when its form would have expired, and purges it', async () => {
    const remember = rememberInDatabase(database.handle.db);
    expect(await remember('nonce-3', 'form-x', at(0))).toBe(true);
    expect(await remember('nonce-3', 'form-y', at(FORM_TOKEN_MAX_AGE_MS - 1))).toBe(false);
    expect(await remember('nonce-3', 'form-y', at(FORM_TOKEN_MAX_AGE_MS))).toBe(true);
    expect(await purgeExpiredProofOfWork(database.handle.db, at(FORM_TOKEN_MAX_AGE_MS - 1))).toBe(0);
    const purged = await purgeExpiredProofOfWork(database.handle.db, at(3 * FORM_TOKEN_MAX_AGE_MS));
    expect(purged).toBeGreaterThanOrEqual(2);
    expect(await remember('nonce-1', 'form-z', at(3 * FORM_TOKEN_MAX_AGE_MS))).toBe(true);
  });
});
