import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

describe('readiness shows mail trouble as degraded, not as down', () => {
  let server: ServerProcess;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-ready-'));
  beforeAll(async () => {
    server = await startServerProcess({ DATA_DIR: dir, JOBS_ENABLED: 'false' });
  }, 120_000);
  afterAll(async () => {
    await server.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is ready, then degraded while the mail server cannot be reached', async () => {
    const ready = await (await fetch(`${server.url}/ready`)).json();
    expect(ready).toMatchObject({ status: 'ready' });
    const auth = { authorization: `Bearer ${server.apiToken!}`, 'content-type': 'application/json' };
    const saved = await fetch(`${server.url}/api/v1/organisation/smtp`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({
        host: '127.0.0.1',
        port: 1,
        secure: false,
        username: null,
        fromAddress: 'klachten@demo-assurantien.nl',
        fromName: 'Demo Assurantiën',
        replyTo: null,
      }),
    });
    expect(saved.status).toBe(200);
    expect(await saved.json()).not.toHaveProperty('password');
    const tested = await (
      await fetch(`${server.url}/api/v1/organisation/smtp/test`, {
        method: 'POST',
        headers: { authorization: auth.authorization },
      })
    ).json();
    expect(tested).toEqual({ ok: false, message: 'De mailserver is niet bereikbaar.' });

    const response = await fetch(`${server.url}/ready`);
    expect(response.status).toBe(200);
    const degraded = (await response.json()) as { status: string; checks: unknown[] };
    expect(degraded.status).toBe('degraded');
    expect(degraded.checks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'database', ok: true }),
        expect.objectContaining({
          name: 'smtp',
          ok: false,
          critical: false,
          detail: expect.stringContaining('1 mail server'),
        }),
      ]),
    );
  });
});
