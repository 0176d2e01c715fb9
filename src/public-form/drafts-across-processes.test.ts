import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganisation, type TestOrganisation } from '../../test/support/factories.ts';
import {
  challengeOf,
  getPage,
  inputValue,
  PDF_BYTES,
  postForm,
  solvePow,
} from '../../test/support/public-form-client.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { buildApp } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { purgeLimitsJob } from '../jobs/purge-limits.job.ts';
import { DraftStore } from './draft-store.ts';
import { newFormId } from './form-token.ts';
import { emptyValues } from './form-values.ts';
import { deriveSecrets } from '../secrets.ts';

/**
 * Two app processes on one database, no session affinity: the form is filled and its file uploaded
 * and reviewed on A, and "Versturen" lands on B. The draft lives in the database, so B registers what
 * A showed, with the file byte for byte; an expired draft is refused on B with the form's own page
 * and is gone, bytes and all, after the purge job.
 */
describe.each(databaseKinds())('public form drafts across two processes on %s', (kind) => {
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  const formSecret = 'a-secret-both-processes-share-of-32-characters';
  let database: TestDatabase;
  let org: TestOrganisation;
  let a: FastifyInstance;
  let b: FastifyInstance;
  let address = 0;

  const build = () =>
    buildApp({
      db: database.handle.db,
      clock,
      config: {
        logLevel: 'silent',
        maxAttachmentBytes: 25 * 1024 * 1024,
        maxJsonBodyBytes: 64 * 1024,
        formSecret,
      },
      readiness: async () => [{ name: 'database', ok: true }],
    });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    a = await build();
    b = await build();
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await database.close();
  });

  const urls = () => ({
    form: `/klacht/${org.slug}`,
    review: `/klacht/${org.slug}/controleren`,
    send: `/klacht/${org.slug}/versturen`,
  });

  function fields(email: string): Record<string, string> {
    return {
      name: 'Bram Jansen',
      email,
      phone: '',
      street: '',
      postalCode: '',
      city: '',
      product: 'Reisverzekering',
      description: 'Mijn claim voor de gestolen fiets is afgewezen zonder uitleg.',
      desiredOutcome: '',
      consent: 'yes',
    };
  }

  /** Fill and upload on A; returns what the browser holds for the next post. */
  async function reviewOnA(file: Buffer) {
    address++;
    const request = { remoteAddress: `198.51.100.${address}` };
    const email = `reiziger${address}@example.nl`;
    const page = await getPage(a, urls().form, request);
    const formToken = inputValue(page.body, 'formToken')!;
    const altcha = await solvePow(challengeOf(page.body));
    clock.advance(10_000);
    const reviewed = await postForm(
      a,
      urls().review,
      { formToken, altcha, website: '', ...fields(email) },
      [{ fileName: 'fietsfactuur.pdf', content: file, contentType: 'application/pdf' }],
      request,
    );
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.body).toContain('Controleer uw klacht');
    expect(reviewed.body).toContain('fietsfactuur.pdf');
    return { request, email, formToken };
  }

  async function draftRows() {
    const { rows } = await sql<{ drafts: number; files: number; bytes: string | null }>`
      SELECT (SELECT count(*)::int FROM public_form_drafts WHERE organisation_id = ${org.id}) AS drafts,
             (SELECT count(*)::int FROM public_form_draft_files WHERE organisation_id = ${org.id}) AS files,
             (SELECT sum(size)::text FROM public_form_draft_files WHERE organisation_id = ${org.id}) AS bytes`.execute(
      database.handle.db,
    );
    return rows[0]!;
  }

  async function complaintCount(): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM complaints WHERE organisation_id = ${org.id}`.execute(
      database.handle.db,
    );
    return rows[0]!.n;
  }

  it('sends on B what was uploaded and reviewed on A, the file byte for byte', async () => {
    // Every byte value, so an encoding slip anywhere on the way (bytea, multipart) shows.
    const file = Buffer.concat([PDF_BYTES, randomBytes(300 * 1024), Buffer.from([0, 0, 255, 0])]);
    const { request, formToken } = await reviewOnA(file);
    expect(Number((await draftRows()).bytes)).toBeGreaterThanOrEqual(file.length);

    // Wijzigen on B shows the file kept on A.
    const edit = await postForm(b, urls().send, { formToken, action: 'edit' }, [], request);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('fietsfactuur.pdf');
    expect(inputValue(edit.body, 'name')).toBe('Bram Jansen');

    const before = await complaintCount();
    const sent = await postForm(b, urls().send, { formToken, action: 'send' }, [], request);
    expect(sent.statusCode).toBe(303);
    const confirmation = await getPage(a, String(sent.headers['location']));
    const reference = /KL-2026-\d{4}/.exec(confirmation.body)?.[0];
    expect(reference).toBeDefined();
    expect(await complaintCount()).toBe(before + 1);

    const documents = await database.handle.db
      .selectFrom('documents')
      .innerJoin('complaints', (join) =>
        join
          .onRef('complaints.organisation_id', '=', 'documents.organisation_id')
          .onRef('complaints.id', '=', 'documents.complaint_id'),
      )
      .select(['documents.file_name', 'documents.content'])
      .where('documents.organisation_id', '=', org.id)
      .where('complaints.reference', '=', reference!)
      .execute();
    expect(documents.map((d) => d.file_name)).toEqual(['fietsfactuur.pdf']);
    expect(Buffer.from(documents[0]!.content!).equals(file)).toBe(true);

    // Registered, the draft keeps only its reference: no values, no files.
    const { rows } = await sql<{ reviewed: unknown; reference: string | null }>`
      SELECT reviewed, reference FROM public_form_drafts WHERE organisation_id = ${org.id}`.execute(
      database.handle.db,
    );
    expect(rows).toEqual([{ reviewed: null, reference }]);
    expect((await draftRows()).files).toBe(0);

    // A double click landing on A afterwards finds the same complaint.
    const again = await postForm(a, urls().send, { formToken, action: 'send' }, [], request);
    expect(again.statusCode).toBe(303);
    expect((await getPage(b, String(again.headers['location']))).body).toContain(reference);
    expect(await complaintCount()).toBe(before + 1);
  });

  it('refuses an expired draft on B with the form page, and the purge job removes row and bytes', async () => {
    await sql`DELETE FROM public_form_drafts`.execute(database.handle.db);
    const file = Buffer.concat([PDF_BYTES, randomBytes(64 * 1024)]);
    const { request, email, formToken } = await reviewOnA(file);
    expect(await draftRows()).toEqual({ drafts: 1, files: 1, bytes: String(file.length) });

    clock.advance(31 * 60 * 1000);
    const before = await complaintCount();
    const sent = await postForm(b, urls().send, { formToken, action: 'send', ...fields(email) }, [], request);
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('Uw klacht is nog niet verstuurd');
    expect(inputValue(sent.body, 'email')).toBe(email);
    // The expired file is not offered as kept: it must be added again.
    expect(sent.body).not.toContain('fietsfactuur.pdf');
    expect(await complaintCount()).toBe(before);

    await purgeLimitsJob.handle(
      {
        db: database.handle.db,
        clock,
        log: pino({ level: 'silent' }),
        secrets: deriveSecrets(Buffer.alloc(32, 3)),
        limits: { maxMailBytes: 1024 * 1024, maxAttachmentBytes: 1024 * 1024 },
      },
      null,
    );
    expect(await draftRows()).toEqual({ drafts: 0, files: 0, bytes: null });
  });

  it('keeps drafts apart per organisation, and refuses files over the installation cap', async () => {
    const other = await createTestOrganisation(database.handle.db, clock);
    const store = new DraftStore(database.handle.db, {
      ttlMs: 30 * 60 * 1000,
      sentTtlMs: 60 * 60 * 1000,
      maxBytes: 2 * PDF_BYTES.length,
      maxDrafts: 1000,
    });
    const formId = newFormId();
    const values = { ...emptyValues(), name: 'Bram Jansen' };
    const now = clock.now();
    const change = { powVerified: false, remove: [], reviewed: values };
    const first = await store.save(
      formId,
      org.id,
      { ...change, add: [{ fileName: 'a.pdf', content: PDF_BYTES }] },
      now,
    );
    expect(first).toMatchObject({ kind: 'saved', filesKept: true });
    expect(await store.find(formId, other.id, now)).toBeUndefined();
    expect((await store.find(formId, org.id, now))?.files.map((f) => f.fileName)).toEqual(['a.pdf']);

    // Over the cap: the file is refused and the values no longer count as checked.
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(PDF_BYTES.length * 2)]);
    const second = await store.save(
      formId,
      org.id,
      { ...change, add: [{ fileName: 'b.pdf', content: big }] },
      now,
    );
    expect(second).toMatchObject({ kind: 'saved', filesKept: false });
    const kept = await store.find(formId, org.id, now);
    expect(kept?.files.map((f) => f.fileName)).toEqual(['a.pdf']);
    expect(kept?.reviewed).toBeNull();
  });
});
