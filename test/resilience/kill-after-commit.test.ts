import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { createPostgresDatabase, databaseKinds, dropPostgresDatabase } from '../support/test-database.ts';

const body = {
  channel: 'api',
  complainant: { name: 'Noor Willems', email: 'noor@example.nl' },
  description: 'Mijn annulering wordt niet vergoed.',
};

interface Target {
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

async function prepare(kind: string): Promise<Target> {
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-kill-'));
    return { env: { DATA_DIR: dir }, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const url = await createPostgresDatabase();
  return { env: { DATABASE_URL: url }, cleanup: () => dropPostgresDatabase(url) };
}

async function post(server: ServerProcess, token: string): Promise<Response> {
  return fetch(`${server.url}/api/v1/complaints`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe.each(databaseKinds())('kill -9 right after a 201 on %s', (kind) => {
  const running: ServerProcess[] = [];
  let target: Target | undefined;
  afterEach(async () => {
    for (const server of running.splice(0)) await server.kill();
    await target?.cleanup();
  });

  it('loses no accepted complaint and leaves reference numbers gapless', { timeout: 120_000 }, async () => {
    target = await prepare(kind);
    const env = { ...target.env, JOBS_ENABLED: 'false' };
    const first = await startServerProcess(env);
    running.push(first);
    const token = first.apiToken!;
    expect(token).toBeDefined();

    const single = await post(first, token);
    expect(single.status).toBe(201);
    const accepted = [(await single.json()) as { id: string; reference: string }];

    // A burst in flight when the process dies: whatever got its 201 must survive.
    const inFlight = Array.from({ length: 20 }, () =>
      post(first, token).then(
        async (response) =>
          response.status === 201 ? ((await response.json()) as { id: string; reference: string }) : null,
        () => null,
      ),
    );
    const firstAnswer = await Promise.race(inFlight);
    await first.kill('SIGKILL');
    const answered = (await Promise.all(inFlight)).filter((c) => c !== null);
    expect(firstAnswer === null || answered.length > 0).toBe(true);
    accepted.push(...answered);

    const second = await startServerProcess(env);
    running.push(second);
    for (const complaint of accepted) {
      const read = await fetch(`${second.url}/api/v1/complaints/${complaint.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(read.status, complaint.reference).toBe(200);
      expect(((await read.json()) as { reference: string }).reference).toBe(complaint.reference);
    }
    const list = await fetch(`${second.url}/api/v1/complaints?limit=100`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const numbers = ((await list.json()) as { items: Array<{ reference: string }> }).items
      .map((i) => Number(i.reference.slice(-4)))
      .toSorted((a, b) => a - b);
    // Demo complaints plus ours: every number from 1 up is taken once, none skipped.
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    expect(numbers.length).toBeGreaterThanOrEqual(30 + accepted.length);
  });
});
