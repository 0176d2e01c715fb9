import { sql, type Kysely } from 'kysely';
import { fixedClock } from '../src/clock.ts';
import type { Database } from '../src/db/schema.ts';
import { sweepDeadlines, type SweepReport } from '../src/procedure/deadline-sweep.ts';

export interface SweepResult {
  open: number;
  first: { seconds: number; report: SweepReport };
  again: { seconds: number; report: SweepReport };
  /** The first run of the next day: whatever the passing of midnight woke up. */
  nextDay: { seconds: number; report: SweepReport };
}

/**
 * The overdue sweep as the job runs it, across every organisation. The first run after generation
 * finds every warning and missed clock at once (a backlog); the second run, a quarter of an hour
 * later, is the steady state of the job; the third is the first run after the next midnight, when
 * warning periods start and clocks run out.
 */
export async function benchSweep(db: Kysely<Database>, now: Date): Promise<SweepResult> {
  const counted = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM complaints WHERE status NOT IN ('closed', 'withdrawn')`.execute(db);
  const run = async (at: Date) => {
    const start = performance.now();
    const report = await sweepDeadlines(db, fixedClock(at));
    return { seconds: (performance.now() - start) / 1000, report };
  };
  const first = await run(now);
  const again = await run(new Date(now.getTime() + 15 * 60_000));
  const nextDay = await run(new Date(now.getTime() + 24 * 3_600_000));
  return { open: counted.rows[0]?.n ?? 0, first, again, nextDay };
}
