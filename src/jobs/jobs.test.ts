import pino from 'pino';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestComplaint, createTestOrganisation } from '../../test/support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { systemClock } from '../clock.ts';
import { startJobs, type JobRunner } from './jobs.ts';
import { verifyChainsJob } from './verify-chains.job.ts';
import { deriveSecrets } from '../secrets.ts';

describe.each(databaseKinds())('background jobs on %s', (kind) => {
  let database: TestDatabase;
  let jobs: JobRunner;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const org = await createTestOrganisation(database.handle.db);
    await createTestComplaint(database.handle.db, org);
    jobs = await startJobs(database.handle, {
      db: database.handle.db,
      clock: systemClock,
      log: pino({ level: 'silent' }),
      secrets: deriveSecrets(Buffer.alloc(32, 3)),
      limits: { maxMailBytes: 1024 * 1024, maxAttachmentBytes: 1024 * 1024 },
    });
  });
  afterAll(async () => {
    await jobs.stop();
    await database.close();
  });

  it('schedules the nightly chain verification and the deadline sweep in Amsterdam time', async () => {
    const schedules = await jobs.boss.getSchedules();
    expect(schedules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: verifyChainsJob.name,
          cron: '15 3 * * *',
          timezone: 'Europe/Amsterdam',
        }),
        expect.objectContaining({
          name: 'sweep-deadlines',
          cron: '*/15 * * * *',
          timezone: 'Europe/Amsterdam',
        }),
      ]),
    );
    expect(schedules.map((s) => s.name).toSorted()).toEqual([
      'anonymise-dossiers',
      'bulk-assignments',
      'poll-mailboxes',
      'purge-expired-limits',
      'send-outbox',
      'settle-acknowledgments',
      'sweep-deadlines',
      'verify-dossier-chains',
    ]);
  });

  it('runs a queued verification once and records its result', { timeout: 60_000 }, async () => {
    await jobs.boss.send(verifyChainsJob.name, {});
    const deadline = Date.now() + 45_000;
    let rows: Array<{ complaints_checked: number; broken_count: number }> = [];
    while (Date.now() < deadline) {
      rows = (
        await sql<{ complaints_checked: number; broken_count: number }>`
          SELECT complaints_checked, broken_count FROM chain_verifications`.execute(database.handle.db)
      ).rows;
      if (rows.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(rows).toEqual([{ complaints_checked: 1, broken_count: 0 }]);
  });
});
