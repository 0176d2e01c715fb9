import { simpleParser } from 'mailparser';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/database.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { startSmtpServer, type SmtpTestServer } from '../support/smtp-server.ts';
import { createPostgresDatabase, databaseKinds, dropPostgresDatabase } from '../support/test-database.ts';

const PER_PROCESS = 15;

/** Two app processes behind one load balancer, as docs/scaling.md describes, on one PostgreSQL. */
describe.runIf(databaseKinds().includes('postgres'))('two app processes on one PostgreSQL', () => {
  const running: ServerProcess[] = [];
  let smtp: SmtpTestServer | undefined;
  let url: string | undefined;
  afterAll(async () => {
    for (const server of running) await server.kill();
    await smtp?.stop();
    if (url) await dropPostgresDatabase(url);
  });

  it('takes in through both, and sends every letter once', { timeout: 180_000 }, async () => {
    url = await createPostgresDatabase();
    smtp = await startSmtpServer();
    const env = { DATABASE_URL: url, JOBS_ENABLED: 'true' };
    const a = await startServerProcess(env);
    running.push(a);
    const b = await startServerProcess(env);
    running.push(b);
    const token = a.apiToken!;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const call = async (server: ServerProcess, method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    };

    const smtpSaved = await call(b, 'PUT', '/api/v1/organisation/smtp', {
      host: smtp.host,
      port: smtp.port,
      secure: false,
      username: null,
      fromAddress: 'klachten@demo-assurantien.nl',
      fromName: 'Demo Assurantiën',
      replyTo: null,
    });
    expect(smtpSaved.status).toBe(200);
    const demo = await call(a, 'GET', '/api/v1/complaints?limit=50');
    const handlerId = (demo.json['items'] as Array<{ handlerId: string | null }>).find(
      (c) => c.handlerId,
    )!.handlerId;

    // Intake through both at once: one gapless series of references, no complaint twice.
    const created = await Promise.all(
      Array.from({ length: PER_PROCESS * 2 }, (_, i) =>
        call(i % 2 === 0 ? a : b, 'POST', '/api/v1/complaints', {
          channel: 'api',
          complainant: { name: `Klant ${i + 1}`, email: `klant${i + 1}@example.nl` },
          description: `Klacht nummer ${i + 1} over de afhandeling van mijn schade.`,
        }),
      ),
    );
    expect(created.map((c) => c.status)).toEqual(created.map(() => 201));

    // Letters committed in either process; both processes' outbox senders race for them.
    for (const [i, complaint] of created.entries()) {
      const id = complaint.json['id'] as string;
      const server = i % 2 === 0 ? b : a;
      expect(
        (await call(server, 'POST', `/api/v1/complaints/${id}/actions/assign-handler`, { handlerId })).status,
      ).toBe(200);
    }
    const acknowledged = await Promise.all(
      created.map((complaint, i) =>
        call(
          i % 2 === 0 ? a : b,
          'POST',
          `/api/v1/complaints/${complaint.json['id'] as string}/actions/acknowledge`,
          {
            delivery: 'email',
          },
        ),
      ),
    );
    expect(acknowledged.map((r) => r.status)).toEqual(acknowledged.map(() => 200));

    const mails = await smtp.waitForMessages(created.length, 90_000);
    // Both processes keep polling their outbox; give them time to send something twice.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(smtp.received).toHaveLength(created.length);
    const parsed = await Promise.all(mails.map((m) => simpleParser(m.raw)));
    expect(new Set(parsed.map((p) => p.messageId)).size).toBe(created.length);
    const references = created
      .map((c) => c.json['reference'] as string)
      .toSorted((x, y) => (x ?? '').localeCompare(y ?? ''));
    const subjects = parsed
      .map((p) => /\[(KL-\d{4}-\d{4})\]/.exec(p.subject ?? '')?.[1])
      .toSorted((x, y) => (x ?? '').localeCompare(y ?? ''));
    expect(subjects).toEqual(references);

    const check = await openPostgres(url, 1);
    try {
      const numbers = await sql<{
        reference: string;
      }>`SELECT reference FROM complaints ORDER BY reference`.execute(check.db);
      const perYear = Map.groupBy(numbers.rows, (r) => r.reference.slice(3, 7));
      for (const [year, rows] of perYear) {
        const sequence = rows.map((r) => Number(r.reference.slice(8)));
        expect(sequence, year).toEqual(Array.from({ length: sequence.length }, (_, i) => i + 1));
      }
      const unsent = await sql<{
        n: string;
      }>`SELECT count(*)::text AS n FROM outbox WHERE sent_at IS NULL`.execute(check.db);
      expect(unsent.rows[0]!.n).toBe('0');
    } finally {
      await check.close();
    }
    expect(a.child.exitCode).toBeNull();
    expect(b.child.exitCode).toBeNull();
  });
});
