import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pino, { type Logger } from 'pino';
import { buildApp } from './app.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrateToLatest, readMigrationState } from './db/migrator.ts';
import { withSystem } from './db/tenant.ts';
import { DEMO_ORGANISATION } from './demo/demo-organisation.ts';
import { fillDemoOrganisation } from './demo/fill-demo.ts';
import type { ReadinessCheck } from './http/health.routes.ts';
import { startJobs, type JobRunner } from './jobs/jobs.ts';
import { BULK_ASSIGNMENTS_JOB } from './jobs/bulk-assignments.job.ts';
import type { BulkAssignmentQueue } from './complaints/bulk-assignment.service.ts';
import { loadSecrets } from './secrets.ts';
import { sendDueMail, type OutboxDeps } from './letters/outbox-sender.ts';
import { watchAllMailboxes, type MailboxWatcher } from './intake/mailbox-watcher.ts';
import { countOrganisations } from './organisations/organisation.repository.ts';
import { createOrganisation, type CreatedOrganisation } from './organisations/organisation.service.ts';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

/** Composition root: the only place that opens the database, starts jobs and listens. */
export async function startServer(config: Config, clock: Clock = systemClock): Promise<RunningServer> {
  const log = pino({ level: config.logLevel });
  const handle = await openDatabase(config);
  let jobs: JobRunner | undefined;
  let watcher: MailboxWatcher | undefined;
  try {
    const { applied } = await migrateToLatest(handle.db);
    if (applied.length > 0) log.info({ applied }, 'database migrated');
    if (config.seedDemoOnFirstStart) await seedOnFirstStart(handle, clock, log);
    const secrets = loadSecrets(config);
    if (config.jobsEnabled) {
      jobs = await startJobs(handle, {
        db: handle.db,
        clock,
        log,
        secrets,
        limits: { maxMailBytes: config.maxMailBytes, maxAttachmentBytes: config.maxAttachmentBytes },
        ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}),
      });
      // Mailboxes added later are read by the minute poll until the next start.
      watcher = await watchAllMailboxes(
        {
          db: handle.db,
          clock,
          secrets,
          log,
          maxMessageBytes: config.maxMailBytes,
          maxAttachmentBytes: config.maxAttachmentBytes,
        },
        log,
      );
    }

    // Mail a step queued goes out right after its commit; the minute job is the safety net, and a
    // start drains whatever an earlier process left behind (kill -9 between commit and send).
    const outbox = config.jobsEnabled ? outboxKicker({ db: handle.db, clock, secrets, log }) : undefined;
    outbox?.kick();
    const app = await buildApp({
      db: handle.db,
      clock,
      config,
      secrets,
      ...(outbox ? { onMailQueued: outbox.kick } : {}),
      ...(jobs ? { bulkAssignmentQueue: bossBulkQueue(jobs) } : {}),
      readiness: () => probeReadiness(handle, jobs, config.jobsEnabled),
    });
    const url = await app.listen({ host: config.host, port: config.port });
    log.info({ url, database: handle.kind }, 'Klachtwijzer is ready');
    return {
      app,
      url,
      async stop() {
        await app.close();
        await outbox?.idle();
        await watcher?.stop();
        await jobs?.stop();
        await handle.close();
      },
    };
  } catch (error) {
    await watcher?.stop().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
    await handle.close().catch(() => undefined);
    throw error;
  }
}

/** Reassignments of several complaints go to pg-boss; a retry of the job skips settled complaints. */
function bossBulkQueue(jobs: JobRunner): BulkAssignmentQueue {
  return {
    async enqueue(job) {
      await jobs.boss.send(BULK_ASSIGNMENTS_JOB, job, { retryLimit: 3, retryDelay: 5 });
    },
  };
}

async function probeReadiness(
  handle: DatabaseHandle,
  jobs: JobRunner | undefined,
  jobsEnabled: boolean,
): Promise<ReadinessCheck[]> {
  const checks: ReadinessCheck[] = [];
  try {
    await withTimeout(sql`SELECT 1`.execute(handle.db), 2000);
    checks.push({ name: 'database', ok: true, detail: handle.kind });
    const state = await withTimeout(readMigrationState(handle.db), 2000);
    checks.push({
      name: 'migrations',
      ok: state.current,
      ...(state.current
        ? {}
        : {
            detail: `pending: ${state.pending.join(', ') || '-'}; unknown: ${state.unknown.join(', ') || '-'}`,
          }),
    });
  } catch (error) {
    checks.push({
      name: 'database',
      ok: false,
      detail: error instanceof Error ? error.message : 'unreachable',
    });
  }
  if (jobsEnabled) checks.push({ name: 'jobs', ok: jobs?.isRunning() ?? false });
  try {
    checks.push(...(await withTimeout(probeMail(handle), 2000)));
  } catch {
    // The database check above already says what is wrong.
  }
  return checks;
}

/** One send run at a time; a kick during a run asks for one more run afterwards. */
function outboxKicker(deps: OutboxDeps): { kick: () => void; idle: () => Promise<void> } {
  let running: Promise<void> | undefined;
  let again = false;
  const kick = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = sendDueMail(deps)
      .then(() => undefined)
      .catch((error: unknown) => deps.log.warn({ err: error }, 'outbox run failed'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
  };
  return { kick, idle: async () => running };
}

/** Mail in and out, across organisations: an outage shows as "degraded", never as "not ready". */
async function probeMail(handle: DatabaseHandle): Promise<ReadinessCheck[]> {
  const smtp = await sql<{ failing: number }>`
    SELECT count(*)::int AS failing FROM smtp_settings
    WHERE last_error IS NOT NULL AND (last_success_at IS NULL OR last_error_at > last_success_at)`.execute(
    handle.db,
  );
  const backlog = await sql<{ waiting: number }>`
    SELECT count(*)::int AS waiting FROM outbox
    WHERE status IN ('pending', 'sending') AND attempts >= 3`.execute(handle.db);
  const imap = await sql<{ failing: number }>`
    SELECT count(*)::int AS failing FROM mailboxes WHERE enabled AND last_error IS NOT NULL`.execute(
    handle.db,
  );
  const failingSmtp = smtp.rows[0]?.failing ?? 0;
  const waiting = backlog.rows[0]?.waiting ?? 0;
  const failingImap = imap.rows[0]?.failing ?? 0;
  return [
    {
      name: 'smtp',
      ok: failingSmtp === 0 && waiting === 0,
      critical: false,
      ...(failingSmtp + waiting > 0
        ? {
            detail: `${failingSmtp} mail server(s) failing; ${waiting} mail(s) waiting after 3 or more attempts`,
          }
        : {}),
    },
    {
      name: 'imap',
      ok: failingImap === 0,
      critical: false,
      ...(failingImap > 0 ? { detail: `${failingImap} mailbox(es) cannot be read` } : {}),
    },
  ];
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function seedOnFirstStart(handle: DatabaseHandle, clock: Clock, log: Logger): Promise<void> {
  const count = await withSystem(handle.db, (tx) => countOrganisations(tx));
  if (count > 0) return;
  const created = await createOrganisation(handle.db, clock, DEMO_ORGANISATION);
  const filled = await fillDemoOrganisation(handle.db, clock, created.organisation.id);
  log.info({ complaints: filled.complaints }, 'demo organisation created');
  printFirstAdministrator(created);
}

function printFirstAdministrator(created: CreatedOrganisation): void {
  const lines = [
    'Eerste start: de demo-organisatie is aangemaakt.',
    `  Organisatie:        ${created.organisation.name} (/${created.organisation.slug})`,
    `  Beheerder:          ${created.adminEmail}`,
    `  Eenmalig wachtwoord: ${created.adminOneTimePassword}`,
    `  API-sleutel:        ${created.adminApiToken}`,
    'Deze gegevens worden maar één keer getoond. Bewaar ze nu.',
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  const bar = '='.repeat(width);
  process.stdout.write(`\n${bar}\n${lines.map((l) => ` ${l}`).join('\n')}\n${bar}\n\n`);
}
