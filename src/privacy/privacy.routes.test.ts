import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import {
  mailedComplaint,
  PERSON,
  prepareOrganisationForLetters,
  walkFullDossier,
} from '../../test/support/privacy-fixtures.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { buildApp } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { sha256Hex } from '../domain/event-chain.ts';
import { deriveSecrets } from '../secrets.ts';

interface ExportedDossier {
  reference: string;
  complainant: { name: string; email: string };
  complaint: { description: string };
  hearings: Array<{ statement_text: string | null; review: { reason: string } | null }>;
  items: Array<{ kind: string; review: { reason: string } | null }>;
  documents: Array<{ path: string | null; review: { reason: string } | null }>;
}

describe.each(databaseKinds())('privacy API on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TestOrganisation;
  let other: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
  const secrets = deriveSecrets(Buffer.alloc(32, 9));
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });
  const ids = { full: '', mailed: '' };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    other = await createTestOrganisation(database.handle.db, clock);
    app = await buildApp({
      db: database.handle.db,
      clock,
      config: { logLevel: 'silent', maxAttachmentBytes: 1024 * 1024, maxJsonBodyBytes: 64 * 1024 },
      readiness: async () => [{ name: 'database', ok: true }],
    });
    const deps = { db: database.handle.db, clock, app, secrets };
    await prepareOrganisationForLetters(database.handle.db, org);
    ids.full = await walkFullDossier(deps, org);
    ids.mailed = await mailedComplaint(deps, org);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lets the administrator set the retention term, within bounds, and everyone read it', async () => {
    const read = await app.inject({
      method: 'GET',
      url: '/api/v1/organisation/retention',
      headers: as(org.coordinator),
    });
    expect(read.json()).toMatchObject({ retentionYears: 5, defaultYears: 5, updatedAt: null });
    const url = '/api/v1/organisation/retention';
    const refused = await app.inject({
      method: 'PUT',
      url,
      headers: as(org.coordinator),
      payload: { retentionYears: 7 },
    });
    expect(refused.statusCode).toBe(403);
    const bad = await app.inject({
      method: 'PUT',
      url,
      headers: as(org.admin),
      payload: { retentionYears: 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const saved = await app.inject({
      method: 'PUT',
      url,
      headers: as(org.admin),
      payload: { retentionYears: 7 },
    });
    expect(saved.json()).toMatchObject({ retentionYears: 7, updatedBy: org.admin.id });
    const elsewhere = await app.inject({ method: 'GET', url, headers: as(other.coordinator) });
    expect(elsewhere.json()).toMatchObject({ retentionYears: 5 });
    await app.inject({ method: 'PUT', url, headers: as(org.admin), payload: { retentionYears: 5 } });
  });

  it('places and lifts a legal hold, on record in the dossier, coordinator only', async () => {
    const complaint = await createTestComplaint(database.handle.db, org, {}, clock);
    const url = `/api/v1/complaints/${complaint.id}/legal-holds`;
    const payload = { reason: 'court_case', explanation: 'Dagvaarding ontvangen.' };
    expect((await app.inject({ method: 'POST', url, headers: as(org.handler), payload })).statusCode).toBe(
      403,
    );
    const badReason = await app.inject({
      method: 'POST',
      url,
      headers: as(org.coordinator),
      payload: { reason: 'just_in_case', explanation: 'x' },
    });
    expect(badReason.statusCode).toBe(400);
    const foreign = await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${complaint.id}/legal-holds`,
      headers: as(other.coordinator),
      payload,
    });
    expect(foreign.statusCode).toBe(404);

    const placed = await app.inject({ method: 'POST', url, headers: as(org.coordinator), payload });
    expect(placed.statusCode).toBe(201);
    const hold = placed.json<{ id: string }>();
    expect(placed.json()).toMatchObject({ reason: 'court_case', placedBy: org.coordinator.id, lifted: null });

    clock.advance(60_000);
    const liftUrl = `${url}/${hold.id}/lift`;
    const lifted = await app.inject({
      method: 'POST',
      url: liftUrl,
      headers: as(org.coordinator),
      payload: { explanation: 'Zaak geschikt.' },
    });
    expect(lifted.json()).toMatchObject({
      lifted: { by: org.coordinator.id, explanation: 'Zaak geschikt.' },
    });
    const again = await app.inject({
      method: 'POST',
      url: liftUrl,
      headers: as(org.coordinator),
      payload: { explanation: 'Nogmaals.' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'legal_hold_already_lifted' });

    const list = await app.inject({ method: 'GET', url, headers: as(org.auditor) });
    expect(list.json()).toHaveLength(1);
    const events = await app.inject({
      method: 'GET',
      url: `/api/v1/complaints/${complaint.id}/events`,
      headers: as(org.coordinator),
    });
    const privacyEvents = events
      .json<Array<{ type: string; data: Record<string, unknown> }>>()
      .filter((e) => e.type.startsWith('privacy.'));
    expect(privacyEvents).toEqual([
      expect.objectContaining({
        type: 'privacy.legal_hold_placed',
        data: {
          legalHoldId: hold.id,
          reason: 'court_case',
          explanationSha256: sha256Hex('Dagvaarding ontvangen.'),
        },
      }),
      expect.objectContaining({ type: 'privacy.legal_hold_lifted' }),
    ]);
  });

  it('offers the preview and the run to the coordinator, not to a handler', async () => {
    const preview = await app.inject({
      method: 'GET',
      url: '/api/v1/privacy/anonymisation/preview?month=2031-12',
      headers: as(org.auditor),
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      month: { first: '2031-12-01', last: '2031-12-31' },
      retentionYears: 5,
    });
    expect(
      preview.json<{ entries: Array<{ complaintId: string }> }>().entries.map((e) => e.complaintId),
    ).toContain(ids.full);
    const badMonth = await app.inject({
      method: 'GET',
      url: '/api/v1/privacy/anonymisation/preview?month=2031-13',
      headers: as(org.coordinator),
    });
    expect(badMonth.statusCode).toBe(400);
    const run = await app.inject({
      method: 'POST',
      url: '/api/v1/privacy/anonymisation/run',
      headers: as(org.coordinator),
    });
    expect(run.json()).toEqual({ anonymised: [], held: [] });
    const handler = await app.inject({
      method: 'POST',
      url: '/api/v1/privacy/anonymisation/run',
      headers: as(org.handler),
    });
    expect(handler.statusCode).toBe(403);
  });

  it('exports everything about the person as a ZIP, statements set apart, and records the export', async () => {
    const url = '/api/v1/privacy/access-exports';
    expect(
      (await app.inject({ method: 'POST', url, headers: as(org.auditor), payload: { email: PERSON.email } }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: 'POST',
          url,
          headers: as(org.coordinator),
          payload: { email: 'a@b.nl', name: 'X Y' },
        })
      ).statusCode,
    ).toBe(400);

    const response = await app.inject({
      method: 'POST',
      url,
      headers: as(org.coordinator),
      payload: { email: PERSON.email.toUpperCase() },
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="inzageverzoek-/);
    const files = unzipSync(response.rawPayload);
    const names = Object.keys(files);
    expect(names).toContain('LEESMIJ.txt');
    const overview = JSON.parse(strFromU8(files['overzicht.json']!)) as {
      dossiers: ExportedDossier[];
      reviewRequired: number;
    };
    expect(overview.dossiers.map((d) => d.reference)).toHaveLength(2);
    const full = overview.dossiers[0]!;
    expect(full.complainant).toMatchObject({ name: PERSON.name, email: PERSON.email });
    expect(full.complaint.description).toContain(PERSON.descriptionWord);
    expect(full.hearings).toEqual([
      expect.objectContaining({
        statement_text: expect.stringContaining(PERSON.name),
        review: expect.objectContaining({ reason: 'employee_statement' }),
      }),
    ]);
    expect(full.items.find((i) => i.kind === 'note')?.review).toMatchObject({ reason: 'internal_note' });
    expect(full.items.find((i) => i.kind === 'message_in')?.review).toBeNull();
    expect(overview.reviewRequired).toBe(Number(response.headers['x-review-required']));
    expect(overview.reviewRequired).toBeGreaterThanOrEqual(2);

    // The attachment goes out as it came in; the letter to the employee waits for review.
    const released = names.filter((n) => n.startsWith('vrij-te-geven/'));
    const attachment = released.find((n) => n.endsWith(`bewijs ${PERSON.name}.pdf`));
    expect(attachment).toBeDefined();
    expect(Buffer.from(files[attachment!]!).toString('latin1')).toContain(PERSON.attachmentWord);
    const flagged = full.documents.filter((d) => d.review !== null).map((d) => d.path);
    expect(flagged.length).toBeGreaterThan(0);
    for (const path of flagged) expect(path).toMatch(/^ter-beoordeling\//);

    // By name, however it is typed, the same two dossiers.
    const byName = await app.inject({
      method: 'POST',
      url,
      headers: as(org.coordinator),
      payload: { name: `  ${PERSON.name.toUpperCase().replace(' ', '   ')} ` },
    });
    const named = JSON.parse(strFromU8(unzipSync(byName.rawPayload)['overzicht.json']!)) as {
      dossiers: unknown[];
    };
    expect(named.dossiers).toHaveLength(2);
    // Another organisation finds nothing of this person.
    const elsewhere = await app.inject({
      method: 'POST',
      url,
      headers: as(other.coordinator),
      payload: { email: PERSON.email },
    });
    expect(JSON.parse(strFromU8(unzipSync(elsewhere.rawPayload)['overzicht.json']!))).toMatchObject({
      dossiers: [],
    });

    const records = await app.inject({ method: 'GET', url, headers: as(org.auditor) });
    const [latest, first] = records.json<Array<{ id: string; complaintIds: string[]; zipSha256: string }>>();
    expect(first).toMatchObject({
      id: response.headers['x-access-export-id'],
      complaintIds: [ids.full, ids.mailed],
      zipSha256: sha256Hex(response.rawPayload),
      requestedBy: org.coordinator.id,
      subjectKind: 'email',
    });
    expect(latest).toMatchObject({ subjectKind: 'name' });
    // The record holds no personal data, only a digest of what was asked.
    const stored = await sql<{ row: string }>`SELECT a::text AS row FROM access_exports a`.execute(
      database.handle.db,
    );
    for (const { row } of stored.rows) expect(row.toLowerCase()).not.toContain('zonneveldt');
    // Each dossier it drew from has the export on its record, and the read in its read log.
    const events = await sql<{ complaint_id: string }>`
      SELECT complaint_id FROM dossier_events WHERE type = 'privacy.access_export_made'
        AND data ->> 'accessExportId' = ${first!.id}`.execute(database.handle.db);
    expect(events.rows.map((e) => e.complaint_id).toSorted()).toEqual([ids.full, ids.mailed].toSorted());
    const reads = await sql<{ n: string }>`
      SELECT count(*)::text AS n FROM dossier_reads WHERE what = ${`access_export:${first!.id}`}`.execute(
      database.handle.db,
    );
    expect(reads.rows[0]!.n).toBe('2');
  });
});
