import { sql, type Kysely } from 'kysely';
import { fixedClock } from '../src/clock.ts';
import type { Database } from '../src/db/schema.ts';
import { sweepDeadlines, type SweepReport } from '../src/procedure/deadline-sweep.ts';

export interface SweepResult {
  open: number;
  first: { seconds: number; report: SweepReport };
  /** A quarter of an hour later: the job's steady state. */
  again: { seconds: number; report: SweepReport };
  /** The first run of the next day: whatever the passing of midnight woke up. */
  nextDay: { seconds: number; report: SweepReport };
}

/**
 * The overdue sweep as the job runs it, across every organisation, on data that has been swept
 * before (see settleClocks): a run at the generator's "now", one a quarter of an hour later (the
 * job's steady state), and the first run after the next midnight, when warning periods start and
 * clocks run out for a day's worth of complaints — the heaviest run of the day.
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
  // 00:05 in Amsterdam on the next day.
  const midnight = new Date(
    `${new Date(now.getTime() + 24 * 3_600_000).toISOString().slice(0, 10)}T00:05:00+01:00`,
  );
  const nextDay = await run(midnight);
  return { open: counted.rows[0]?.n ?? 0, first, again, nextDay };
}
