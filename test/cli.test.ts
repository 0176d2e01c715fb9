import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openPGlite } from '../src/db/database.ts';
import { settingsTableMarkdown, SETTINGS } from '../src/config.ts';
import { runCliProcess } from './support/server-process.ts';

describe('klachtwijzer command line', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-cli-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(
    'migrates, fills the demo, and verify-log names the first broken event',
    { timeout: 120_000 },
    async () => {
      const env = { DATA_DIR: dir };
      expect((await runCliProcess(['migrate'], env)).stdout).toContain(
        'Applied: 0001-foundation, 0002-procedure',
      );
      const demo = await runCliProcess(['demo'], env);
      expect(demo.code).toBe(0);
      expect(demo.stdout).toContain('Added 31 demo complaints');
      expect((await runCliProcess(['demo'], env)).stdout).toContain('already holds complaints');

      const intact = await runCliProcess(['verify-log'], env);
      expect(intact.code).toBe(0);
      expect(intact.stdout).toMatch(/^OK: 31 dossiers, \d{3,} events checked; every event chain is intact/);

      const handle = await openPGlite({ dataDir: dir });
      const victim = await sql<{ reference: string; complaint_id: string; id: string }>`
      SELECT c.reference, e.complaint_id, e.id FROM dossier_events e
      JOIN complaints c ON c.organisation_id = e.organisation_id AND c.id = e.complaint_id
      WHERE c.reference = 'KL-2026-0007' AND e.sequence = 1`.execute(handle.db);
      await handle.db.transaction().execute(async (tx) => {
        await sql`SET LOCAL session_replication_role = replica`.execute(tx);
        await sql`UPDATE dossier_events SET occurred_at = occurred_at - interval '1 day'
                WHERE id = ${victim.rows[0]!.id}`.execute(tx);
      });
      await handle.close();

      const broken = await runCliProcess(['verify-log'], env);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain('BROKEN: 31 dossiers');
      expect(broken.stdout).toContain(
        `First broken event: complaint KL-2026-0007 (${victim.rows[0]!.complaint_id})`,
      );
      expect(broken.stdout).toContain(
        `sequence 1, event ${victim.rows[0]!.id}: the event content does not match its hash (edited)`,
      );
    },
  );

  it('refuses an unknown command and a bad setting with exit code 2', async () => {
    const unknown = await runCliProcess(['frobnicate'], { DATA_DIR: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    const badPort = await runCliProcess(['migrate'], { DATA_DIR: dir, PORT: 'zeventig' });
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('PORT must be a whole number');
  });

  it('documents every setting in the README', () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8');
    for (const setting of SETTINGS) expect(readme).toContain(`\`${setting.env}\``);
    expect(readme).toContain(settingsTableMarkdown());
  });
});

describe('klachtwijzer deadlines', () => {
  it('prints one JSON line per moment of receipt', async () => {
    const result = await runCliProcess(
      ['deadlines', '2028-12-21T10:00:00+01:00', '2026-03-31T22:30:00Z'],
      {},
    );
    expect(result.code).toBe(0);
    expect(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([
      // Christmas: 25 and 26 December are skipped; 21 January 2029 is a Sunday, so Monday 22.
      {
        received: '2028-12-21',
        acknowledgeBy: '2028-12-28',
        missingInformationBy: '2029-01-09',
        decisionBy: '2029-01-22',
      },
      // 22:30 UTC is already 1 April in Amsterdam; Goede Vrijdag 3 and Tweede Paasdag 6 April are skipped.
      {
        received: '2026-04-01',
        acknowledgeBy: '2026-04-08',
        missingInformationBy: '2026-04-17',
        decisionBy: '2026-05-01',
      },
    ]);
  });

  it.each([['2026-02-30T10:00:00Z'], ['2026-11-24T10:00:00'], ['morgen']])(
    'refuses %j with exit code 2 and prints nothing',
    async (bad) => {
      const result = await runCliProcess(['deadlines', '2026-11-24T10:00:00Z', bad], {});
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`Not a valid ISO 8601 timestamp: "${bad}"`);
    },
  );
});
