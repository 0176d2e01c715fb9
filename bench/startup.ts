import { setTimeout as sleep } from 'node:timers/promises';
import { residentMegabytes, startBenchServer } from './lib/server.ts';

export interface StartupResult {
  /** From spawning `node src/cli.ts serve` until /ready answers 200. */
  readyMs: number;
  idleRssMb: number;
  /** After a short burst of work-queue reads. */
  busyRssMb: number;
}

/**
 * Start-up on an existing data folder (PGlite): the operator's restart. Measured from the spawn to
 * the first 200 from /ready, which includes Node's own start and the migration check.
 */
export async function benchStartup(
  databaseEnv: Record<string, string>,
  token: string,
  runs: number,
): Promise<StartupResult> {
  const readies: number[] = [];
  let idleRssMb = Number.NaN;
  let busyRssMb = Number.NaN;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const server = await startBenchServer(databaseEnv);
    try {
      for (;;) {
        const response = await fetch(`${server.url}/ready`).catch(() => undefined);
        if (response?.status === 200) break;
        await sleep(5);
      }
      readies.push(performance.now() - start);
      if (run === runs - 1) {
        await sleep(3000);
        idleRssMb = await residentMegabytes(server.child.pid!);
        for (let i = 0; i < 50; i++) {
          const response = await fetch(`${server.url}/api/v1/complaints?sort=deadline&limit=25`, {
            headers: { authorization: `Bearer ${token}` },
          });
          await response.arrayBuffer();
        }
        busyRssMb = await residentMegabytes(server.child.pid!);
      }
    } finally {
      await server.kill('SIGTERM');
    }
  }
  readies.sort((a, b) => a - b);
  return { readyMs: readies[Math.floor(readies.length / 2)]!, idleRssMb, busyRssMb };
}
