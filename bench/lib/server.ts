import { randomBytes } from 'node:crypto';
import { startServerProcess, type ServerProcess } from '../../test/support/server-process.ts';

/** The bench's fixed master secret: mailbox passwords sealed by the bench open in the server too. */
export const BENCH_SECRET_KEY = randomBytes(32).toString('hex');

/** The real product in its own process (`node src/cli.ts serve`), as an operator runs it. */
export async function startBenchServer(
  databaseEnv: Record<string, string>,
  extra: Record<string, string> = {},
): Promise<ServerProcess> {
  return startServerProcess(
    {
      ...databaseEnv,
      SECRET_KEY: BENCH_SECRET_KEY,
      SEED_DEMO_ON_FIRST_START: 'false',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      ...extra,
    },
    120_000,
  );
}

/** Resident memory of a process in MB, from /proc (Linux). */
export async function residentMegabytes(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}
