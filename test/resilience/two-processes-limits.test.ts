import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ATTEMPT_LIMITS } from '../../src/auth/attempt-limits.ts';
import { openPostgres } from '../../src/db/database.ts';
import { challengeOf, inputValue, multipartBody, solvePow } from '../support/public-form-client.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { createPostgresDatabase, databaseKinds, dropPostgresDatabase } from '../support/test-database.ts';

async function countComplaints(url: string): Promise<number> {
  const check = await openPostgres(url, 1);
  try {
    const rows = await sql<{ n: string }>`SELECT count(*)::text AS n FROM complaints`.execute(check.db);
    return Number(rows.rows[0]!.n);
  } finally {
    await check.close();
  }
}

/**
 * Two app processes behind one load balancer (docs/scaling.md): an attacker spreading attempts over
 * them gets the configured total, not twice it, and a form sent through one is not registered again
 * through the other.
 */
describe.runIf(databaseKinds().includes('postgres'))('limits shared by two app processes', () => {
  const running: ServerProcess[] = [];
  let url: string | undefined;
  let a: ServerProcess;
  let b: ServerProcess;
  afterAll(async () => {
    for (const server of running) await server.kill();
    if (url) await dropPostgresDatabase(url);
  });

  beforeAll(async () => {
    url = await createPostgresDatabase();
    const env = {
      DATABASE_URL: url,
      JOBS_ENABLED: 'false',
      SECRET_KEY: randomBytes(32).toString('hex'),
      FORM_MIN_FILL_SECONDS: '0',
    };
    a = await startServerProcess(env);
    running.push(a);
    b = await startServerProcess(env);
    running.push(b);
  });

  it(
    'refuses failed sign-ins from one address beyond the configured total, whichever process they reach',
    {
      timeout: 180_000,
    },
    async () => {
      const signIn = async (server: ServerProcess, i: number) =>
        fetch(`${server.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          // Spraying: another (unknown) account each time, so no account lockout plays a part.
          body: JSON.stringify({
            organisation: 'demo',
            email: `gok${i}@example.nl`,
            password: `verkeerd-${i}-wachtwoord`,
          }),
        });
      const { limit } = DEFAULT_ATTEMPT_LIMITS.failedSignIns;
      const statuses: number[] = [];
      for (let i = 0; i < limit; i++) {
        const response = await signIn(i % 2 === 0 ? a : b, i);
        statuses.push(response.status);
      }
      expect(statuses).toEqual(statuses.map(() => 401));
      for (const server of [a, b]) {
        const refused = await signIn(server, limit);
        expect(refused.status).toBe(429);
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(((await refused.json()) as { code: string }).code).toBe('too_many_attempts');
      }
    },
  );

  it(
    'registers a form sent through one process once when its posts are replayed on the other',
    {
      timeout: 120_000,
    },
    async () => {
      const complaintsBefore = await countComplaints(url!);
      const page = await fetch(`${a.url}/klacht/demo`);
      const html = await page.text();
      const formToken = inputValue(html, 'formToken')!;
      const altcha = await solvePow(challengeOf(html));
      const fields = {
        formToken,
        altcha,
        website: '',
        name: 'Anna de Boer',
        email: 'anna.deboer@example.nl',
        description: 'Mijn schademelding van 3 oktober is nooit beantwoord.',
        consent: 'yes',
      };
      // As a browser posts it: multipart form data (sent as text: every field here is text).
      const post = async (server: ServerProcess, path: string, parts: Record<string, string>) => {
        const multipart = multipartBody(parts);
        return fetch(`${server.url}/klacht/demo/${path}`, {
          method: 'POST',
          headers: { 'content-type': multipart.contentType },
          body: multipart.body.toString('utf8'),
          redirect: 'manual',
        });
      };
      const confirmations: string[] = [];
      for (const server of [a, b]) {
        const reviewed = await post(server, 'controleren', fields);
        // The draft is shared: the replayed review on the second process already knows it was sent.
        expect(reviewed.status).toBe(server === a ? 200 : 303);
        const shown = await reviewed.text();
        expect(shown.includes('Anna de Boer')).toBe(server === a);
        const sent = await post(server, 'versturen', { formToken, action: 'send' });
        expect(sent.status).toBe(303);
        const confirmation = await fetch(new URL(sent.headers.get('location')!, server.url));
        confirmations.push(await confirmation.text());
      }
      const reference = /KL-\d{4}-\d{4}/.exec(confirmations[0]!)?.[0];
      expect(reference).toBeDefined();
      expect(confirmations[1]).toContain(reference);
      expect(await countComplaints(url!)).toBe(complaintsBefore + 1);

      const check = await openPostgres(url!, 1);
      try {
        const rows = await sql<{ reference: string }>`
          SELECT reference FROM complaints WHERE reference = ${reference!}`.execute(check.db);
        expect(rows.rows).toHaveLength(1);
        const proofs = await sql<{ n: string }>`SELECT count(*)::text AS n FROM proof_of_work_uses`.execute(
          check.db,
        );
        expect(proofs.rows[0]!.n).toBe('1');
        const hits = await sql<{ scope: string; n: number }>`
        SELECT scope, cardinality(hits) AS n FROM rate_limit_hits ORDER BY scope`.execute(check.db);
        // Both processes counted on the same rows: one row per limit, the sign-ins at their total.
        expect(hits.rows).toEqual(
          expect.arrayContaining([
            { scope: 'auth.failedSignIns', n: DEFAULT_ATTEMPT_LIMITS.failedSignIns.limit },
            { scope: 'form.postsPerAddress', n: 2 },
            // Counted when sent; the replay finds the sent draft before any limit.
            { scope: 'form.complaintsPerAddress', n: 1 },
          ]),
        );
      } finally {
        await check.close();
      }
    },
  );

  it(
    'sends through one process the file uploaded and reviewed through the other, byte for byte',
    { timeout: 120_000 },
    async () => {
      const page = await fetch(`${a.url}/klacht/demo`);
      const html = await page.text();
      const formToken = inputValue(html, 'formToken')!;
      const altcha = await solvePow(challengeOf(html));
      const file = Buffer.concat([
        Buffer.from('%PDF-1.4\n'),
        randomBytes(200 * 1024),
        Buffer.from('\n%%EOF\n'),
      ]);
      const fields = {
        formToken,
        altcha,
        website: '',
        name: 'Bram Jansen',
        email: 'bram.jansen@example.nl',
        description: 'Mijn claim voor de gestolen fiets is afgewezen zonder uitleg.',
        consent: 'yes',
      };
      const post = async (server: ServerProcess, path: string, body: { body: Buffer; contentType: string }) =>
        fetch(`${server.url}/klacht/demo/${path}`, {
          method: 'POST',
          headers: { 'content-type': body.contentType },
          body: new Uint8Array(body.body),
          redirect: 'manual',
        });
      const reviewed = await post(
        a,
        'controleren',
        multipartBody(fields, [{ fileName: 'factuur.pdf', content: file, contentType: 'application/pdf' }]),
      );
      expect(reviewed.status).toBe(200);
      expect(await reviewed.text()).toContain('factuur.pdf');
      const sent = await post(b, 'versturen', multipartBody({ formToken, action: 'send' }));
      expect(sent.status).toBe(303);
      const confirmation = await fetch(new URL(sent.headers.get('location')!, b.url));
      const reference = /KL-\d{4}-\d{4}/.exec(await confirmation.text())?.[0];
      expect(reference).toBeDefined();

      const check = await openPostgres(url!, 1);
      try {
        const rows = await sql<{ file_name: string; content: Uint8Array }>`
          SELECT d.file_name, d.content FROM documents d
            JOIN complaints c ON c.organisation_id = d.organisation_id AND c.id = d.complaint_id
           WHERE c.reference = ${reference!}`.execute(check.db);
        expect(rows.rows.map((row) => row.file_name)).toEqual(['factuur.pdf']);
        expect(Buffer.from(rows.rows[0]!.content).equals(file)).toBe(true);
        const left = await sql<{
          n: string;
        }>`SELECT count(*)::text AS n FROM public_form_draft_files`.execute(check.db);
        expect(left.rows[0]!.n).toBe('0');
      } finally {
        await check.close();
      }
    },
  );
});
