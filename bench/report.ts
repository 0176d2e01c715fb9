import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { LetterResult } from './letters.ts';
import type { ScaleResult } from './run-scale.ts';
import { ms } from './lib/stats.ts';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  commit: string;
  date: string;
  postgres: string | null;
}

export interface StoredResult {
  machine: Machine;
  result: ScaleResult | { letters: LetterResult; load: { before: number[]; after: number[] } };
}

export function describeMachine(postgres: string | null): Machine {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    // The results and this page change with every run; only code counts as uncommitted.
    const dirty = execFileSync(
      'git',
      [
        'status',
        '--porcelain',
        '--untracked-files=no',
        '--',
        '.',
        ':!bench/results',
        ':!docs/performance.md',
      ],
      { encoding: 'utf8' },
    ).trim();
    if (dirty !== '') commit += ' (with uncommitted changes)';
  } catch {
    // Not a git checkout: the commit stays unknown.
  }
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    commit,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    postgres,
  };
}

/**
 * Writes one run's result. With `merge` (a run of some benchmarks only), the figures of the
 * benchmarks not run this time are kept from the previous run of the same scale and engine.
 */
export function saveResult(folder: string, name: string, stored: StoredResult, merge = false): void {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${name}.json`);
  let next = stored;
  if (merge && existsSync(file)) {
    const previous = JSON.parse(readFileSync(file, 'utf8')) as StoredResult;
    const fresh = Object.fromEntries(
      Object.entries(stored.result).filter(([, value]) => value !== undefined),
    );
    next = { machine: stored.machine, result: { ...previous.result, ...fresh } };
  }
  writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
}

function loadResults(folder: string): Array<{ name: string; stored: StoredResult }> {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .toSorted()
    .map((file) => ({
      name: file.slice(0, -5),
      stored: JSON.parse(readFileSync(join(folder, file), 'utf8')) as StoredResult,
    }));
}

const verdict = (met: boolean | undefined) =>
  met === undefined ? 'not measured' : met ? '**met**' : '**missed**';
const load = (l: { before: number[]; after: number[] }) =>
  `${(l.before[0] ?? 0).toFixed(1)} → ${(l.after[0] ?? 0).toFixed(1)}`;

/** The generated part of docs/performance.md: every stored result, and each target against it. */
export function renderResults(folder: string): string {
  const results = loadResults(folder);
  const scales = results.filter((r) => 'scale' in r.stored.result) as Array<{
    name: string;
    stored: { machine: Machine; result: ScaleResult };
  }>;
  const letters = results.find((r) => 'letters' in r.stored.result);
  const find = (scale: string, engine: string) =>
    scales.find((r) => r.stored.result.scale === scale && r.stored.result.engine === engine)?.stored.result;
  const lines: string[] = [];

  lines.push('### Runs', '');
  lines.push('| run | machine | date | commit | load (1 min, before → after) | duration |');
  lines.push('|---|---|---|---|---|---|');
  for (const { name, stored } of results) {
    const m = stored.machine;
    const seconds = 'seconds' in stored.result ? `${Math.round(stored.result.seconds)} s` : '–';
    lines.push(
      `| ${name} | ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}${m.postgres ? `, ${m.postgres}` : ''} | ${m.date} | ${m.commit} | ${load(stored.result.load)} | ${seconds} |`,
    );
  }

  lines.push('', '### Targets', '');
  lines.push('| what | target | measured | verdict |');
  lines.push('|---|---|---|---|');
  for (const engine of ['postgres', 'pglite']) {
    const small = find('10k', engine);
    // The largest scale this engine was run at, when not 1M (PGlite: see the text).
    const large = find('1m', engine) ?? find('100k', engine);
    const q10 = small?.workQueue?.latency.p95;
    const q1m = large?.workQueue?.latency.p95;
    if (q1m !== undefined) {
      lines.push(
        `| work queue p95 at ${large?.scale}, ${engine} | ≤ 50 ms at 1M | ${ms(q1m)} | ${large?.scale === '1m' ? verdict(q1m <= 50) : `${ms(q1m)} at ${large?.scale}; not run at 1M`} |`,
      );
      if (q10 !== undefined)
        lines.push(
          `| work queue p95 ${large?.scale} / 10k, ${engine} | ≤ 1.5× (1M / 10k) | ${(q1m / q10).toFixed(2)}× (${ms(q1m)} / ${ms(q10)}) | ${verdict(q1m <= 1.5 * q10)} |`,
        );
    } else if (q10 !== undefined) {
      lines.push(
        `| work queue p95 at 10k, ${engine} (1M not run on this engine) | ≤ 50 ms at 1M | ${ms(q10)} at 10k | not measured at 1M |`,
      );
    }
    const withIntake = large?.intake ? large : small?.intake ? small : undefined;
    if (withIntake?.intake) {
      const share = withIntake.intake.http.perSecond / withIntake.intake.ceilingPerSecond;
      lines.push(
        `| intake through HTTP vs bare SQL, ${engine}, ${withIntake.scale} | ${engine === 'postgres' ? '≥ 50 %' : '(PostgreSQL only)'} | ${withIntake.intake.http.perSecond.toFixed(0)}/s vs ${withIntake.intake.ceilingPerSecond.toFixed(0)}/s = ${(share * 100).toFixed(0)} % | ${engine === 'postgres' ? verdict(share >= 0.5) : 'reported'} |`,
      );
    }
    const withMail = large?.mail ? large : small?.mail ? small : undefined;
    if (withMail?.mail) {
      const m = withMail.mail;
      lines.push(
        `| e-mail intake throughput, ${engine}, ${withMail.scale} | ≥ 100 messages/s | ${m.perSecond.toFixed(0)}/s (${m.messages} at once; their own queue: p50 ${ms(m.latency.p50)}, p99 ${ms(m.latency.p99)}) | ${verdict(m.perSecond >= 100)} |`,
      );
      lines.push(
        `| e-mail arrival to dossier, ${engine}, ${withMail.scale} | p99 ≤ 2 s | p50 ${ms(m.paced.latency.p50)}, p99 ${ms(m.paced.latency.p99)} (${m.paced.messages} at ${m.paced.ratePerSecond}/s) | ${verdict(m.paced.latency.p99 <= 2000)} |`,
      );
    }
    const withSweep = large?.sweep ? large : small?.sweep ? small : undefined;
    if (withSweep?.sweep) {
      const s = withSweep.sweep;
      lines.push(
        `| overdue sweep, ${engine}, ${withSweep.scale} (${s.open.toLocaleString('en')} open) | ≤ 1 s over 200,000 open | every quarter of an hour ${s.again.seconds.toFixed(2)} s; first run after midnight ${s.nextDay.seconds.toFixed(1)} s (${s.nextDay.report.complaintsChecked.toLocaleString('en')} complaints with a clock turning) | ${withSweep.scale === '1m' ? `${verdict(s.again.seconds <= 1)} for the quarterly run; ${verdict(s.nextDay.seconds <= 1)} after midnight` : 'not measured at 1M'} |`,
      );
    }
    const withStartup = large?.startup ? large : small?.startup ? small : undefined;
    if (withStartup?.startup) {
      const s = withStartup.startup;
      lines.push(
        `| start-up on an existing data folder, ${withStartup.scale} | ready ≤ 1 s | ${ms(s.readyMs)} | ${verdict(s.readyMs <= 1000)} |`,
      );
      lines.push(
        `| resident memory idle, ${withStartup.scale} | ≤ 256 MB | ${s.idleRssMb.toFixed(0)} MB (after 50 queue reads: ${s.busyRssMb.toFixed(0)} MB) | ${verdict(s.idleRssMb <= 256)} |`,
      );
    }
  }
  if (letters && 'letters' in letters.stored.result) {
    const l = letters.stored.result.letters;
    lines.push(
      `| two-page letter PDF | p95 ≤ 30 ms | p50 ${ms(l.latency.p50)}, p95 ${ms(l.latency.p95)} (n=${l.latency.n}, ${l.pages} pages) | ${verdict(l.latency.p95 <= 30)} |`,
    );
  }

  lines.push('', '### Details per run', '');
  for (const { name, stored } of scales) {
    const r = stored.result;
    lines.push(
      `#### ${name}: ${r.complaints.toLocaleString('en')} complaints in ${r.organisations} organisations on ${r.engine}`,
      '',
    );
    lines.push(
      `- data: ${r.generation.reused ? 'reused from an earlier run' : `generated in ${r.generation.seconds.toFixed(0)} s`}; hash chains verified: ${r.generation.chainsVerified}`,
    );
    if (r.workQueue) {
      const q = r.workQueue;
      lines.push(
        `- work queue (largest organisation, ${q.complaints.toLocaleString('en')} complaints; ${q.latency.n} requests over: ${q.variants.join('; ')}): p50 ${ms(q.latency.p50)}, p95 ${ms(q.latency.p95)}, p99 ${ms(q.latency.p99)}, max ${ms(q.latency.max)}`,
      );
    }
    if (r.intake) {
      const i = r.intake;
      lines.push(
        `- intake, ${i.connections} connections, ${i.rounds} alternating rounds: HTTP ${i.http.perSecond.toFixed(1)} complaints/s (${i.http.requests} created, ${i.http.errors} errors, p50 ${ms(i.http.p50)}, p99 ${ms(i.http.p99)}); bare SQL ${i.ceilingPerSecond.toFixed(1)}/s`,
      );
    }
    if (r.mail) {
      const m = r.mail;
      lines.push(
        `- e-mail: ${m.messages} messages at once, ${m.perSecond.toFixed(1)}/s, arrival to stored p50 ${ms(m.latency.p50)}, p99 ${ms(m.latency.p99)}, max ${ms(m.latency.max)}; ${m.paced.messages} at ${m.paced.ratePerSecond}/s: p50 ${ms(m.paced.latency.p50)}, p99 ${ms(m.paced.latency.p99)}, max ${ms(m.paced.latency.max)}`,
      );
    }
    if (r.sweep) {
      const s = r.sweep;
      lines.push(
        `- sweep over ${s.open.toLocaleString('en')} open complaints: at the generated moment ${s.first.seconds.toFixed(3)} s (${s.first.report.complaintsChecked} checked); a quarter later ${s.again.seconds.toFixed(3)} s (${s.again.report.complaintsChecked} checked); first run after midnight ${s.nextDay.seconds.toFixed(1)} s (${s.nextDay.report.complaintsChecked} checked, ${s.nextDay.report.warnings} warnings and ${s.nextDay.report.missed} missed clocks handed out)`,
      );
    }
    if (r.startup) {
      lines.push(
        `- start-up: ready in ${ms(r.startup.readyMs)} (median), RSS idle ${r.startup.idleRssMb.toFixed(0)} MB, after reads ${r.startup.busyRssMb.toFixed(0)} MB`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/** Replaces the generated block of the page; the written analysis around it stays. */
export function writeReport(page: string, folder: string): void {
  const block = `${START}\n${renderResults(folder)}\n${END}`;
  const current = existsSync(page) ? readFileSync(page, 'utf8') : `# Performance\n\n${START}\n${END}\n`;
  const from = current.indexOf(START);
  const to = current.indexOf(END);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + block + current.slice(to + END.length)
      : `${current}\n${block}\n`;
  writeFileSync(page, next);
}
