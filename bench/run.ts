import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openPostgres, type DatabaseKind } from '../src/db/database.ts';
import { benchLetters } from './letters.ts';
import { describeMachine, saveResult, writeReport } from './report.ts';
import { EFFORT, runScale } from './run-scale.ts';

/**
 * `npm run bench [-- --scale 10k|1m|small] [--engine postgres|pglite|both] [--reuse] [--keep]
 * [--only queue,sweep,...]`. PostgreSQL comes from BENCH_DATABASE_URL (or TEST_DATABASE_URL): an
 * administrative connection that may create and drop the kw_bench_* databases. Results go to
 * bench/results/*.json and the tables in docs/performance.md are rebuilt from them.
 */
const ROOT = join(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'bench', 'results');

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '10k' },
    engine: { type: 'string', default: 'both' },
    reuse: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    only: { type: 'string', default: '' },
    'no-report': { type: 'boolean', default: false },
  },
});

const adminUrl = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
const engines: DatabaseKind[] =
  values.engine === 'both'
    ? adminUrl
      ? ['postgres', 'pglite']
      : ['pglite']
    : [values.engine as DatabaseKind];
const only = values.only.split(',').filter((name) => name !== '');
const effort = values.scale === 'small' ? EFFORT.small : EFFORT.full;
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);

let postgresVersion: string | null = null;
if (adminUrl) {
  const admin = await openPostgres(adminUrl, 1);
  postgresVersion =
    (
      await sql<{ v: string }>`SELECT 'PostgreSQL ' || current_setting('server_version') AS v`.execute(
        admin.db,
      )
    ).rows[0]?.v ?? null;
  await admin.close();
}

if (only.length === 0 || only.includes('letters')) {
  log('letters');
  const before = loadavg();
  const letters = await benchLetters(values.scale === 'small' && only.length === 0 ? 5 : 300);
  log(`letters: p50 ${letters.latency.p50.toFixed(1)} ms, p95 ${letters.latency.p95.toFixed(1)} ms`);
  saveResult(RESULTS, 'letters', {
    machine: describeMachine(null),
    result: { letters, load: { before, after: loadavg() } },
  });
}

// `--only letters` needs no database at all.
const scaleBenchmarks = ['queue', 'startup', 'sweep', 'mail', 'intake'];
const runScales = only.length === 0 || only.some((name) => scaleBenchmarks.includes(name));
for (const engine of runScales ? engines : []) {
  const result = await runScale({
    scale: values.scale,
    engine,
    adminUrl,
    effort,
    reuse: values.reuse,
    keep: values.keep,
    only,
    log,
  });
  saveResult(
    RESULTS,
    `${values.scale}-${engine}`,
    { machine: describeMachine(engine === 'postgres' ? postgresVersion : null), result },
    only.length > 0,
  );
  log(`${values.scale} ${engine} done in ${result.seconds.toFixed(0)} s`);
}
if (!values['no-report']) {
  writeReport(join(ROOT, 'docs', 'performance.md'), RESULTS);
  log('docs/performance.md updated');
}
