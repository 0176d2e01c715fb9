import { PgBoss, fromPglite } from 'pg-boss';
import type { DatabaseHandle } from '../db/database.ts';
import type { JobContext, JobDefinition } from './job-definition.ts';
import { deadlineSweepJob } from './deadline-sweep.job.ts';
import { pollMailboxesJob } from './poll-mailboxes.job.ts';
import { sendOutboxJob } from './send-outbox.job.ts';
import { verifyChainsJob } from './verify-chains.job.ts';
import { settleAcknowledgmentsJob } from './settle-acknowledgments.job.ts';
import { anonymiseDossiersJob } from './anonymise-dossiers.job.ts';
import { purgeLimitsJob } from './purge-limits.job.ts';
import { bulkAssignmentsJob } from './bulk-assignments.job.ts';

export const JOBS: readonly JobDefinition[] = [
  verifyChainsJob,
  deadlineSweepJob,
  pollMailboxesJob,
  sendOutboxJob,
  settleAcknowledgmentsJob,
  anonymiseDossiersJob,
  purgeLimitsJob,
  bulkAssignmentsJob,
];

const TIME_ZONE = 'Europe/Amsterdam';

/**
 * pg-boss on either engine: on PostgreSQL with its own small pool, on PGlite through the raw
 * instance (multi-statement SQL needs PGlite's exec). PGlite serialises every call behind an open
 * Kysely transaction, so job SQL never lands inside a request's transaction.
 */
export function createBoss(handle: DatabaseHandle): PgBoss {
  if (handle.kind === 'pglite') {
    return new PgBoss({ db: fromPglite(handle.pglite!), backend: 'pglite', schema: 'pgboss' });
  }
  return new PgBoss({ connectionString: handle.connectionString!, max: 3, schema: 'pgboss' });
}

export interface JobRunner {
  boss: PgBoss;
  stop(): Promise<void>;
  isRunning(): boolean;
}

export async function startJobs(
  handle: DatabaseHandle,
  context: JobContext,
  jobs: readonly JobDefinition[] = JOBS,
): Promise<JobRunner> {
  const boss = createBoss(handle);
  let running = false;
  boss.on('error', (error: unknown) => context.log.error({ err: error }, 'job system error'));
  await boss.start();
  running = true;
  for (const job of jobs) {
    await boss.createQueue(job.name);
    await boss.work(job.name, async (batch) => {
      for (const item of batch) await job.handle(context, item.data);
    });
    if (job.schedule) await boss.schedule(job.name, job.schedule.cron, null, { tz: TIME_ZONE });
  }
  return {
    boss,
    isRunning: () => running,
    async stop() {
      running = false;
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
