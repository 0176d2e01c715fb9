import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from '../../src/db/data-dir-lock.ts';
import { runCliProcess, startServerProcess, type ServerProcess } from '../support/server-process.ts';

describe('the embedded data folder is used by one process at a time', () => {
  const dirs: string[] = [];
  const running: ServerProcess[] = [];
  const tempDir = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    for (const server of running.splice(0)) await server.kill();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    'refuses a second process with a clear message, and recovers the lock of a killed one',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      const server = await startServerProcess({ DATA_DIR: dir, JOBS_ENABLED: 'false' });
      running.push(server);

      const second = await runCliProcess(['migrate'], { DATA_DIR: dir });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`The data folder ${dir} is in use by process ${server.child.pid}`);

      await server.kill('SIGKILL');
      const afterCrash = await runCliProcess(['migrate'], { DATA_DIR: dir });
      expect(afterCrash.stderr).toBe('');
      expect(afterCrash.code).toBe(0);
      expect(afterCrash.stdout).toContain('Database is up to date.');
    },
  );

  it('refuses a second lock in the same process and frees it on release', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    acquireDataDirLock(dir).release();
    expect(fs.existsSync(path.join(dir, 'klachtwijzer.lock'))).toBe(false);
  });

  it('takes over a lock whose owner is gone, and treats a garbled lock file as stale', () => {
    const dir = tempDir();
    const file = path.join(dir, 'klachtwijzer.lock');
    fs.writeFileSync(file, JSON.stringify({ pid: 2 ** 22 + 12345, hostname: os.hostname(), startedAt: 'x' }));
    acquireDataDirLock(dir).release();
    fs.writeFileSync(file, '{"pid": ');
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('never takes a lock held by another machine', () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'klachtwijzer.lock'),
      JSON.stringify({ pid: 1, hostname: 'andere-server', startedAt: '2026-01-01T00:00:00Z' }),
    );
    expect(() => acquireDataDirLock(dir)).toThrow(/in use by process 1 on andere-server/);
  });
});
