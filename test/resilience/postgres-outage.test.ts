import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/database.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { createPostgresDatabase, databaseKinds, dropPostgresDatabase } from '../support/test-database.ts';

const body = {
  channel: 'api',
  complainant: { name: 'Sanne Bakker', email: 'sanne@example.nl' },
  description: 'Mijn schadeclaim is zoekgeraakt.',
};

interface Ready {
  status: string;
  checks: Array<{ name: string; ok: boolean }>;
}

async function ready(server: ServerProcess): Promise<{ status: number; body: Ready }> {
  const response = await fetch(`${server.url}/ready`);
  return { status: response.status, body: (await response.json()) as Ready };
}

async function eventually<T>(
  attempt: () => Promise<T>,
  accept: (value: T) => boolean,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    let last: unknown;
    const value = await attempt().catch((error: unknown) => {
      last = error;
      return undefined;
    });
    if (value !== undefined && accept(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`not reached in ${ms} ms: ${JSON.stringify(value ?? String(last))}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.runIf(databaseKinds().includes('postgres'))('PostgreSQL goes away under load', () => {
  let server: ServerProcess | undefined;
  let proxy: TcpProxy | undefined;
  let url: string | undefined;
  afterEach(async () => {
    await server?.kill();
    await proxy?.close();
    if (url) await dropPostgresDatabase(url);
  });

  it(
    'answers every request, loses no accepted complaint, says so on /ready and recovers',
    { timeout: 180_000 },
    async () => {
      url = await createPostgresDatabase();
      const direct = new URL(url);
      proxy = await startTcpProxy(direct.hostname, Number(direct.port || 5432));
      const viaProxy = new URL(url);
      viaProxy.host = `127.0.0.1:${proxy.port}`;
      server = await startServerProcess({ DATABASE_URL: viaProxy.toString(), JOBS_ENABLED: 'false' });
      const token = server.apiToken!;
      const post = (): Promise<{
        status: number;
        code?: string;
        reference?: string;
        retryAfter: string | null;
      }> =>
        fetch(`${server!.url}/api/v1/complaints`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).then(async (response) => {
          const json = (await response.json()) as { code?: string; reference?: string };
          return {
            status: response.status,
            code: json.code,
            reference: json.reference,
            retryAfter: response.headers.get('retry-after'),
          };
        });

      const burst = Array.from({ length: 40 }, () => post());
      // Cut the database while the burst is in flight.
      await Promise.race(burst);
      proxy.cut();
      const outage = await eventually(
        () => ready(server!),
        (r) => r.status === 503,
      );
      expect(outage.body.checks.find((c) => c.name === 'database')?.ok).toBe(false);
      const duringOutage = await post();
      expect(duringOutage).toMatchObject({ status: 503, code: 'database_unavailable', retryAfter: '5' });

      proxy.restore();
      const answers = await Promise.all(burst);
      // Every request was answered: created, or a server error the client can retry; none hung.
      for (const answer of answers) expect([201, 503]).toContain(answer.status);
      const accepted = answers.filter((a) => a.status === 201);
      expect(accepted.length).toBeGreaterThan(0);

      await eventually(
        () => ready(server!),
        (r) => r.status === 200,
      );
      const after = await eventually(post, (a) => a.status === 201);
      accepted.push(after);
      expect(server.child.exitCode).toBeNull();

      const check = await openPostgres(url, 1);
      try {
        const rows = await sql<{ reference: string; n: string }>`
        SELECT reference, count(*)::text AS n FROM complaints GROUP BY reference ORDER BY reference`.execute(
          check.db,
        );
        const stored = new Map(rows.rows.map((r) => [r.reference, Number(r.n)]));
        for (const complaint of accepted)
          expect(stored.get(complaint.reference!), complaint.reference).toBe(1);
        // Gapless: a failed transaction gave its number back, a committed one kept it.
        const numbers = [...stored.keys()].map((r) => Number(r.slice(-4))).toSorted((a, b) => a - b);
        expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
        const events = await sql<{ broken: string }>`
        SELECT count(*)::text AS broken FROM complaints c
         WHERE c.last_event_sequence <> (SELECT count(*) FROM dossier_events e
                                          WHERE e.organisation_id = c.organisation_id AND e.complaint_id = c.id)`.execute(
          check.db,
        );
        expect(events.rows[0]!.broken).toBe('0');
      } finally {
        await check.close();
      }
    },
  );
});
