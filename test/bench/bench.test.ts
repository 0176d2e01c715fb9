import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import { benchLetters } from '../../bench/letters.ts';
import { EFFORT, runScale } from '../../bench/run-scale.ts';
import { databaseKinds } from '../support/test-database.ts';

/**
 * Keeps `npm run bench` working: every benchmark once, at the small scale, on each database. The
 * figures are not checked — a benchmark is not a test — only that each one ran and measured
 * something, and that the generated hash chains pass the product's own verification.
 */
describe.each(databaseKinds())('the benchmarks on %s', (engine) => {
  it('generate data with intact chains and run every benchmark once', { timeout: 600_000 }, async () => {
    const result = await runScale({
      scale: 'small',
      engine,
      adminUrl: inject('postgresAdminUrl') ?? undefined,
      effort: EFFORT.small,
      reuse: false,
      keep: false,
      only: [],
      log: () => undefined,
      databaseName: `small_test_${process.pid}_${engine}`,
    });
    expect(result.complaints).toBe(400);
    expect(result.generation.chainsVerified).toMatch(/all intact/);
    expect(result.workQueue?.latency.n).toBe(5);
    expect(result.sweep?.open).toBe(80);
    expect(result.sweep?.nextDay.report.complaintsChecked).toBeGreaterThan(0);
    expect(result.mail?.messages).toBe(EFFORT.small.mailMessages);
    expect(result.intake?.http.requests).toBeGreaterThan(0);
    expect(result.intake?.http.errors).toBe(0);
    expect(result.intake?.ceilingPerSecond).toBeGreaterThan(0);
    // Start-up and memory are measured on the embedded database only.
    expect(result.startup === undefined).toBe(engine === 'postgres');
  });
});

describe('the letter benchmark', () => {
  it('renders the two-page letter', async () => {
    const result = await benchLetters(2);
    expect(result.pages).toBe('2');
    expect(result.latency.n).toBe(2);
  });
});
