import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.ts';
import { openPGlite } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { withTenant } from '../src/db/tenant.ts';
import { createTestComplaint, createTestOrganisation } from './support/factories.ts';
import { runCliProcess } from './support/server-process.ts';

describe('klachtwijzer anonymise', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-cli-anon-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('previews and runs the retention run for one organisation', { timeout: 120_000 }, async () => {
    const clock = fixedClock(new Date('2015-03-02T09:00:00Z'));
    const handle = await openPGlite({ dataDir: dir });
    await migrateToLatest(handle.db);
    const org = await createTestOrganisation(handle.db, clock);
    const complaint = await createTestComplaint(handle.db, org, { receivedAt: clock.now() }, clock);
    // Withdrawn in 2015: long past a five-year term by now.
    await withTenant(handle.db, org.id, (tx) =>
      tx
        .updateTable('complaints')
        .set({ status: 'withdrawn', withdrawn_at: clock.now() })
        .where('id', '=', complaint.id)
        .execute(),
    );
    await handle.close();

    const env = { DATA_DIR: dir };
    expect((await runCliProcess(['anonymise'], env)).code).toBe(2);

    const preview = await runCliProcess(['anonymise', org.slug, '--preview'], env);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain(`"reference":"${complaint.reference}"`);
    expect(preview.stdout).toMatch(/1 dossier\(s\) due by \d{4}-\d{2}-\d{2} \(retention 5 years\)/);

    const run = await runCliProcess(['anonymise', org.slug], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`{"anonymised":"${complaint.reference}"}`);
    expect(run.stdout).toContain('1 anonymised, 0 kept under a legal hold.');
  });
});
