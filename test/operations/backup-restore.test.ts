import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliProcess, startServerProcess } from '../support/server-process.ts';

/** As an operator would: the real commands, as their own processes, on the embedded database. */
describe('klachtwijzer backup and restore', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-backup-cli-'));
  const secret = 'a'.repeat(64);
  const original = path.join(root, 'origineel');
  const copy = path.join(root, 'kopie');
  const file = path.join(root, 'klachtwijzer.backup');
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it(
    'copies an installation that verifies, and refuses what would lose data',
    { timeout: 240_000 },
    async () => {
      const server = await startServerProcess({
        DATA_DIR: original,
        SECRET_KEY: secret,
        JOBS_ENABLED: 'false',
      });
      const whileRunning = await runCliProcess(['backup', file], { DATA_DIR: original, SECRET_KEY: secret });
      expect(whileRunning.code).toBe(1);
      expect(whileRunning.stderr).toContain('is in use by process');
      expect(fs.existsSync(file)).toBe(false);
      await server.kill('SIGTERM');

      const backup = await runCliProcess(['backup', file], { DATA_DIR: original, SECRET_KEY: secret });
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/Backup written to .*: \d+ tables, \d+ rows, 31 dossiers/);

      const again = await runCliProcess(['backup', file], { DATA_DIR: original, SECRET_KEY: secret });
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('already exists');

      const intoUsed = await runCliProcess(['restore', file], { DATA_DIR: original, SECRET_KEY: secret });
      expect(intoUsed.code).toBe(1);
      expect(intoUsed.stderr).toContain('Restore refused: the target database is not empty');

      const restore = await runCliProcess(['restore', file], { DATA_DIR: copy, SECRET_KEY: secret });
      expect(restore.stderr).toBe('');
      expect(restore.code).toBe(0);
      expect(restore.stdout).toMatch(/31 dossiers with \d+ events, every chain intact/);
      expect(restore.stdout).not.toContain('Warning');

      const verify = await runCliProcess(['verify-log'], { DATA_DIR: copy, SECRET_KEY: secret });
      expect(verify.code).toBe(0);
      expect(verify.stdout).toContain('31 dossiers');

      const elsewhere = await runCliProcess(['restore', file], {
        DATA_DIR: path.join(root, 'andere-sleutel'),
        SECRET_KEY: 'b'.repeat(64),
      });
      expect(elsewhere.code).toBe(0);
      expect(elsewhere.stdout).toContain('another SECRET_KEY');
    },
  );
});
