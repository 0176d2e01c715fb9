import { loadavg } from 'node:os';
import type { DatabaseKind } from '../src/db/database.ts';
import { generate, SCALES, settleClocks, type GeneratedOrganisation } from './data/generate.ts';
import { loadGeneratedOrganisations } from './data/reuse.ts';
import {
  benchBareIntakePGlite,
  benchBareIntakePostgres,
  benchHttpIntake,
  type ThroughputResult,
} from './intake.ts';
import { openBenchDatabase, type BenchDatabase } from './lib/bench-database.ts';
import { startBenchServer } from './lib/server.ts';
import type { ServerProcess } from '../test/support/server-process.ts';
import { benchMailIntake, type MailResult } from './mail-intake.ts';
import { benchStartup, type StartupResult } from './startup.ts';
import { benchSweep, type SweepResult } from './sweep.ts';
import { benchWorkQueue, type WorkQueueResult } from './work-queue.ts';
import { verifyAllChains } from '../src/dossier/chain-verification.ts';

/** How hard each benchmark pushes: the small scale only keeps them working (npm test). */
export interface Effort {
  queueRounds: number;
  /** In total, split over `intakeRounds` alternating HTTP and bare-SQL rounds. */
  intakeSeconds: number;
  intakeRounds: number;
  intakeConnections: number;
  mailMessages: number;
  mailPacedMessages: number;
  mailPacedRate: number;
  startupRuns: number;
}

export const EFFORT: Record<'small' | 'full', Effort> = {
  small: {
    queueRounds: 1,
    intakeSeconds: 2,
    intakeRounds: 2,
    intakeConnections: 2,
    mailMessages: 5,
    mailPacedMessages: 3,
    mailPacedRate: 10,
    startupRuns: 1,
  },
  full: {
    queueRounds: 40,
    intakeSeconds: 30,
    intakeRounds: 6,
    intakeConnections: 8,
    mailMessages: 500,
    mailPacedMessages: 300,
    mailPacedRate: 20,
    startupRuns: 5,
  },
};

/** Generated data is dated here, so clock columns and the sweep's "today" agree between runs. */
export const BENCH_NOW = new Date('2026-11-24T09:00:00Z');

export interface ScaleResult {
  scale: string;
  engine: DatabaseKind;
  complaints: number;
  organisations: number;
  generation: { seconds: number; reused: boolean; chainsVerified: string };
  workQueue?: WorkQueueResult;
  startup?: StartupResult;
  sweep?: SweepResult;
  mail?: MailResult;
  intake?: { http: ThroughputResult; ceilingPerSecond: number; connections: number; rounds: number };
  load: { before: number[]; after: number[] };
  startedAt: string;
  seconds: number;
}

export interface ScaleOptions {
  scale: string;
  engine: DatabaseKind;
  adminUrl: string | undefined;
  effort: Effort;
  reuse: boolean;
  keep: boolean;
  /** Benchmarks to run; all when empty. */
  only: readonly string[];
  log: (line: string) => void;
  /** Database (or folder) name; defaults to `<scale>_<engine>`. Tests give their own. */
  databaseName?: string;
}

export async function runScale(options: ScaleOptions): Promise<ScaleResult> {
  const scale = SCALES[options.scale];
  if (!scale) throw new Error(`unknown scale ${options.scale}; use ${Object.keys(SCALES).join(', ')}`);
  const wanted = (name: string) => options.only.length === 0 || options.only.includes(name);
  const started = performance.now();
  const log = (line: string) => options.log(`[${scale.name} ${options.engine}] ${line}`);
  const database = await openBenchDatabase(
    options.engine,
    options.databaseName ?? `${scale.name}_${options.engine}`,
    options.adminUrl,
    options.reuse,
  );
  const result: ScaleResult = {
    scale: scale.name,
    engine: options.engine,
    complaints: 0,
    organisations: 0,
    generation: { seconds: 0, reused: false, chainsVerified: 'no' },
    load: { before: loadavg(), after: [] },
    startedAt: new Date().toISOString(),
    seconds: 0,
  };
  try {
    let organisations: GeneratedOrganisation[];
    {
      const handle = await database.open(4);
      try {
        const existing = database.reused ? await loadGeneratedOrganisations(handle.db) : [];
        if (existing.length > 0) {
          organisations = existing;
          result.generation = { seconds: 0, reused: true, chainsVerified: 'at generation' };
          log('reusing generated data');
        } else {
          log('generating');
          const generated = await generate(handle.db, scale, BENCH_NOW, log);
          organisations = generated.organisations;
          result.generation = { seconds: generated.seconds, reused: false, chainsVerified: 'no' };
          // Verifying 25 million events takes longer than generating them; below 100k it is cheap.
          if (scale.complaints <= 100_000) {
            const report = await verifyAllChains(handle.db);
            if (report.broken.length > 0)
              throw new Error(`generated chains broken: ${JSON.stringify(report.broken[0])}`);
            result.generation.chainsVerified = `${report.complaintsChecked} dossiers, ${report.eventsChecked} events: all intact`;
          }
        }
      } finally {
        await handle.close();
      }
    }
    const largest = organisations[0]!;
    result.complaints = organisations.reduce((sum, o) => sum + o.complaints, 0);
    result.organisations = organisations.length;

    if (wanted('queue')) {
      log('work queue');
      const server = await startBenchServer(database.env);
      try {
        result.workQueue = await benchWorkQueue(server.url, largest, options.effort.queueRounds);
      } finally {
        await server.kill('SIGTERM');
      }
    }
    if (wanted('startup') && options.engine === 'pglite') {
      log('start-up');
      result.startup = await benchStartup(database.env, largest.token, options.effort.startupRuns);
    }
    if (wanted('sweep')) {
      log('sweep');
      const handle = await database.open(10);
      try {
        // Data generated by an older generator, or swept by an earlier run: settled again first.
        await settleClocks(handle.db, BENCH_NOW);
        result.sweep = await benchSweep(handle.db, BENCH_NOW);
      } finally {
        await handle.close();
      }
    }
    if (wanted('mail')) {
      log('mail intake');
      const handle = await database.open(10);
      try {
        result.mail = await benchMailIntake(handle.db, largest, options.effort.mailMessages, {
          messages: options.effort.mailPacedMessages,
          ratePerSecond: options.effort.mailPacedRate,
        });
      } finally {
        await handle.close();
      }
    }
    if (wanted('intake')) {
      log('intake');
      result.intake = await measureIntake(database, largest, options.effort);
    }
  } finally {
    if (!options.keep) await database.drop();
  }
  result.load.after = loadavg();
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

/**
 * HTTP intake and its bare-SQL ceiling, alternated in rounds so that both see the same machine: on
 * a shared machine the load moves within seconds, and a single pair of runs compares two moments
 * rather than two code paths. PGlite serves one process at a time, so there the server is stopped
 * for each bare round.
 */
async function measureIntake(
  database: BenchDatabase,
  organisation: GeneratedOrganisation,
  effort: Effort,
): Promise<NonNullable<ScaleResult['intake']>> {
  const rounds = effort.intakeRounds;
  const seconds = effort.intakeSeconds / rounds;
  const connections = effort.intakeConnections;
  const http: ThroughputResult[] = [];
  const bare: number[] = [];
  let server: ServerProcess | undefined;
  try {
    for (let round = 0; round < rounds; round++) {
      server ??= await startBenchServer(database.env);
      http.push(await benchHttpIntake(server.url, organisation, connections, seconds));
      if (database.kind === 'postgres') {
        bare.push(
          await benchBareIntakePostgres(database.env['DATABASE_URL']!, organisation.id, connections, seconds),
        );
      } else {
        await server.kill('SIGTERM');
        server = undefined;
        const handle = await database.open();
        try {
          bare.push(await benchBareIntakePGlite(handle.pglite!, organisation.id, seconds));
        } finally {
          await handle.close();
        }
      }
    }
  } finally {
    await server?.kill('SIGTERM');
  }
  const requests = http.reduce((sum, r) => sum + r.requests, 0);
  return {
    http: {
      perSecond: requests / (seconds * rounds),
      requests,
      errors: http.reduce((sum, r) => sum + r.errors, 0),
      p50: Math.max(...http.map((r) => r.p50)),
      p99: Math.max(...http.map((r) => r.p99)),
    },
    ceilingPerSecond: bare.reduce((sum, r) => sum + r, 0) / rounds,
    connections,
    rounds,
  };
}
