import type { MigrationStatements } from '../migration-statements.ts';

/**
 * Frozen in time. What the benchmarks at a million dossiers asked for (docs/performance.md):
 *
 * - The work queue sorts on coalesce(next_clock_due, 9999-12-31) then id (complaints without a
 *   running clock last). An index on exactly that expression gives one page by walking the index
 *   instead of sorting every complaint of the organisation; the handler's own queue and the queue
 *   of one channel get their own (a rare channel would otherwise walk most of the open complaints).
 * - The deadline sweep no longer recomputes every complaint with a clock ending soon on every run:
 *   clocks_quiet_until says until when nothing can change without a step being taken (a warning
 *   period starting, a clock running out), and the sweep reads its candidates from a partial index
 *   over the open complaints, ordered by that moment, so a run touches only what is due.
 */
export const migration: MigrationStatements = {
  name: '0011-performance',
  statements: [
    `ALTER TABLE complaints ADD COLUMN clocks_quiet_until timestamptz`,
    `CREATE INDEX complaints_queue_idx
       ON complaints (organisation_id, (coalesce(next_clock_due, '9999-12-31'::date)), id)`,
    `CREATE INDEX complaints_handler_queue_idx
       ON complaints (organisation_id, handler_id, (coalesce(next_clock_due, '9999-12-31'::date)), id)`,
    `CREATE INDEX complaints_channel_queue_idx
       ON complaints (organisation_id, channel, (coalesce(next_clock_due, '9999-12-31'::date)), id)`,
    `CREATE INDEX complaints_sweep_idx
       ON complaints ((coalesce(clocks_quiet_until, '1970-01-01T00:00:00Z'::timestamptz)), organisation_id, id)
       WHERE status NOT IN ('closed', 'withdrawn')`,
  ],
};
