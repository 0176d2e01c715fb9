import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganisation, type TestOrganisation } from '../../test/support/factories.ts';
import { findStrings } from '../../test/support/personal-data-scan.ts';
import { dossierFingerprint, laterPaths, reportFigures } from '../../test/support/privacy-readback.ts';
import {
  IMPROVEMENT,
  mailedComplaint,
  NEEDLES,
  otherClosedComplaint,
  PERSON,
  prepareOrganisationForLetters,
  walkFullDossier,
  type ScenarioDeps,
} from '../../test/support/privacy-fixtures.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { buildApp } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { parseLocalDate } from '../domain/calendar/local-date.ts';
import type { JsonValue } from '../domain/event-chain.ts';
import { suspectEventValues } from '../domain/privacy/event-data-check.ts';
import { ANONYMISED_TEXT } from '../domain/privacy/policy-types.ts';
import { verifyAllChains } from '../dossier/chain-verification.ts';
import { anonymiseDossiersJob } from '../jobs/anonymise-dossiers.job.ts';
import { deriveSecrets } from '../secrets.ts';
import { previewAnonymisation, runAnonymisationNow } from './anonymisation.service.ts';
import { placeHold } from './legal-hold.service.ts';

const OTHER = {
  name: 'Hendrika Wolkenkrabber',
  email: 'hendrika@elders.example.nl',
  word: 'Parapluverzekering',
};
const OPEN = { name: 'Bartholomeus Regenboog', email: 'bart@elders.example.nl', word: 'Fietsbelpremie' };

describe.each(databaseKinds())('anonymisation after the retention term on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TestOrganisation;
  let deps: ScenarioDeps;
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
  const secrets = deriveSecrets(Buffer.alloc(32, 8));
  const ids = { full: '', mailed: '', held: '', open: '' };
  let exportsBefore: string[] = [];
  const search = async (q: string) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/complaints?q=${encodeURIComponent(q)}&limit=100`,
      headers: { authorization: `Bearer ${org.coordinator.token}` },
    });
    expect(response.statusCode).toBe(200);
    return response
      .json<{ items: Array<{ id: string }> }>()
      .items.map((i) => i.id)
      .toSorted();
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    app = await buildApp({
      db: database.handle.db,
      clock,
      config: { logLevel: 'silent', maxAttachmentBytes: 1024 * 1024, maxJsonBodyBytes: 64 * 1024 },
      readiness: async () => [{ name: 'database', ok: true }],
    });
    deps = { db: database.handle.db, clock, app, secrets };
    await prepareOrganisationForLetters(database.handle.db, org);
    ids.full = await walkFullDossier(deps, org);
    ids.mailed = await mailedComplaint(deps, org);
    ids.held = await otherClosedComplaint(deps, org, OTHER, 'Premie');
    await placeHold({ db: database.handle.db, clock }, org.coordinator.context, ids.held, {
      reason: 'kifid_case',
      explanation: `Zaak van ${OTHER.name} ligt bij het KiFiD.`,
    });
    // One complaint stays open: its retention term has not even started.
    const still = await app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { authorization: `Bearer ${org.coordinator.token}` },
      payload: {
        channel: 'letter',
        receivedAt: clock.now().toISOString(),
        complainant: { name: OPEN.name, email: OPEN.email },
        description: `Nog een klacht over de ${OPEN.word}.`,
      },
    });
    ids.open = still.json<{ id: string }>().id;
    // The dossier went to KiFiD as a ZIP once: the export is on record.
    const exported = await app.inject({
      method: 'GET',
      url: `/api/v1/complaints/${ids.full}/export`,
      headers: { authorization: `Bearer ${org.coordinator.token}` },
    });
    if (exported.statusCode !== 200) throw new Error(`dossier export failed: ${exported.body}`);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('finds the person everywhere before, so the scan below can fail', async () => {
    const findings = await findStrings(database.handle.db as Kysely<unknown>, NEEDLES);
    const found = new Set(findings.map((f) => `${f.table}.${f.column}`));
    for (const place of [
      'public.complainants.name',
      'public.complaints.description',
      'public.documents.content',
      'public.dossier_items.body',
      'public.hearings.statement_text',
      'public.letters.content',
      'public.outbox.recipient',
      'public.mail_messages.raw',
      'public.intake_items.body_text',
      'public.idempotency_keys.response_body',
      'public.cancellation_requests.customer_name',
      'public.legal_holds.explanation',
      'public.information_requests.what_is_missing',
      'public.complaint_search.document',
      'public.acknowledgment_tasks.last_error',
    ]) {
      expect(found, place).toContain(place);
    }
    expect(new Set(findings.map((f) => f.needle))).toEqual(new Set(NEEDLES));
  });

  it('has the person in the paths added later too: cancellation letter, statement, task, search', async () => {
    const paths = await laterPaths(database.handle.db, org.id, ids.full);
    // The confirmation was sent before the request was linked, so it is filed with the request.
    expect(paths.cancellationLetters).toHaveLength(1);
    expect(paths.cancellationLetters[0]!.content).toContain(PERSON.name);
    expect(paths.cancellationLetters[0]!.recipient_name).toBe(PERSON.name);
    expect(paths.cancellationLetters[0]!.document_content?.length).toBeGreaterThan(1000);
    // The summary put to the employee quotes the statement; it and the signed copy are PDFs.
    expect(paths.statements).toHaveLength(1);
    expect(paths.statements[0]!.content).toContain(PERSON.phone);
    expect(paths.statements[0]!.letter_pdf?.length).toBeGreaterThan(1000);
    expect(paths.statements[0]!.signed_pdf?.length).toBeGreaterThan(1000);
    expect(paths.taskError).toContain(PERSON.email);
    expect(paths.actions).toEqual([IMPROVEMENT]);
    expect(paths.exports).toHaveLength(1);
    exportsBefore = paths.exports;
    // The work queue's search finds both of the person's complaints by name.
    expect(await search('Zonneveldt')).toEqual([ids.full, ids.mailed].toSorted());
  });

  it('keeps ids, codes, dates and digests only in event data, over every event written', async () => {
    const { rows } = await sql<{ type: string; data: JsonValue }>`
      SELECT type, data FROM dossier_events`.execute(database.handle.db);
    expect(new Set(rows.map((r) => r.type)).size).toBeGreaterThan(15);
    const suspects = rows.flatMap((r) => suspectEventValues(r.data).map((s) => ({ type: r.type, ...s })));
    expect(suspects).toEqual([]);
  });

  it('previews the month in which the term ends, with the held dossier marked', async () => {
    const early = await previewAnonymisation(deps, org.coordinator.context, parseLocalDate('2031-10-15'));
    expect(early.entries).toEqual([]);
    const preview = await previewAnonymisation(deps, org.coordinator.context, parseLocalDate('2031-12-01'));
    expect(preview.retentionYears).toBe(5);
    const byId = new Map(preview.entries.map((e) => [e.complaintId, e]));
    expect([...byId.keys()].toSorted()).toEqual([ids.full, ids.mailed, ids.held].toSorted());
    expect(byId.get(ids.held)).toMatchObject({ heldFor: ['kifid_case'] });
    expect(byId.get(ids.full)).toMatchObject({ heldFor: [], status: 'closed', endedOn: '2026-11-30' });
    expect(byId.get(ids.full)!.anonymiseFrom).toBe('2031-12-01');
    await expect(previewAnonymisation(deps, org.handler.context)).rejects.toMatchObject({ status: 403 });
  });

  it('removes every trace of the person, leaves the held dossier and the reports as they were', async () => {
    const db = database.handle.db;
    const figuresBefore = await reportFigures(db, org.id);
    const heldBefore = await dossierFingerprint(db, org.id, ids.held);
    const openBefore = await dossierFingerprint(db, org.id, ids.open);
    const eventsBefore = await sql<{ complaint_id: string; sequence: number; hash: string }>`
      SELECT complaint_id, sequence, hash FROM dossier_events ORDER BY complaint_id, sequence`.execute(db);

    // Nothing is due on the last day of the term.
    clock.set(new Date('2031-11-30T12:00:00Z'));
    expect(await runAnonymisationNow(deps, org.coordinator.context)).toEqual({ anonymised: [], held: [] });

    clock.set(new Date('2032-01-15T01:45:00Z'));
    await anonymiseDossiersJob.handle(
      {
        db,
        clock,
        log: pino({ level: 'silent' }),
        secrets,
        limits: { maxMailBytes: 1024 * 1024, maxAttachmentBytes: 1024 * 1024 },
      },
      null,
    );

    const findings = await findStrings(db as Kysely<unknown>, NEEDLES);
    expect(findings).toEqual([]);
    const paths = await laterPaths(db, org.id, ids.full);
    expect(paths.cancellationLetters).toEqual([
      {
        content: '{}',
        recipient_name: ANONYMISED_TEXT,
        document_content: null,
        file_name: ANONYMISED_TEXT,
      },
    ]);
    expect(paths.statements).toEqual([{ content: '{}', letter_pdf: null, signed_pdf: null }]);
    expect(paths.taskError).toBe(ANONYMISED_TEXT);
    // The improvement action is the firm's own and keeps its link; the export record keeps its digest.
    expect(paths.actions).toEqual([IMPROVEMENT]);
    expect(paths.exports).toEqual(exportsBefore);
    // The search index was made again from the blanked rows: the name finds nothing, the reference
    // still finds the dossier.
    expect(await search('Zonneveldt')).toEqual([]);
    const { rows: references } = await sql<{ reference: string }>`
      SELECT reference FROM complaints WHERE id = ${ids.full}`.execute(db);
    expect(await search(references[0]!.reference)).toEqual([ids.full]);
    // The held and the open complaint kept everything, their people included.
    expect(await dossierFingerprint(db, org.id, ids.held)).toBe(heldBefore);
    expect(await dossierFingerprint(db, org.id, ids.open)).toBe(openBefore);
    const others = await findStrings(db as Kysely<unknown>, [OTHER.name, OTHER.word, OPEN.name]);
    expect(new Set(others.map((f) => f.needle))).toEqual(new Set([OTHER.name, OTHER.word, OPEN.name]));

    // Reports read the same figures.
    const figuresAfter = await reportFigures(db, org.id);
    expect(figuresAfter).toEqual(figuresBefore);

    // Every earlier event is exactly as it was, and every chain still verifies.
    const eventsAfter = await sql<{ complaint_id: string; sequence: number; hash: string }>`
      SELECT complaint_id, sequence, hash FROM dossier_events ORDER BY complaint_id, sequence`.execute(db);
    const key = (e: { complaint_id: string; sequence: number }) => `${e.complaint_id}/${e.sequence}`;
    const after = new Map(eventsAfter.rows.map((e) => [key(e), e.hash]));
    for (const event of eventsBefore.rows) expect(after.get(key(event))).toBe(event.hash);
    expect((await verifyAllChains(db)).broken).toEqual([]);

    const marked = await sql<{ id: string; anonymised_at: Date | null }>`
      SELECT id, anonymised_at FROM complaints WHERE organisation_id = ${org.id}`.execute(db);
    const anonymised = marked.rows.filter((r) => r.anonymised_at !== null).map((r) => r.id);
    expect(anonymised.toSorted()).toEqual([ids.full, ids.mailed].toSorted());
    const recorded = await sql<{
      complaint_id: string;
      actor_kind: string;
      data: { rows: Record<string, number> };
    }>`
      SELECT complaint_id, actor_kind, data FROM dossier_events WHERE type = 'privacy.anonymised'`.execute(
      db,
    );
    expect(recorded.rows.map((r) => r.complaint_id).toSorted()).toEqual([ids.full, ids.mailed].toSorted());
    const full = recorded.rows.find((r) => r.complaint_id === ids.full)!;
    expect(full.actor_kind).toBe('system');
    expect(full.data.rows).toMatchObject({
      complaints: 1,
      complainants: 1,
      portal_tokens: 2,
      idempotency_keys: 1,
      acknowledgment_tasks: 1,
      complaint_search: 1,
    });

    // Running again changes nothing: anonymised dossiers are not candidates any more.
    expect(await runAnonymisationNow(deps, org.coordinator.context)).toEqual({
      anonymised: [],
      held: [expect.stringMatching(/^KL-2026-/)],
    });
  });

  it('refuses a legal hold on a dossier that was already anonymised', async () => {
    await expect(
      placeHold(deps, org.coordinator.context, ids.full, { reason: 'court_case', explanation: 'Te laat.' }),
    ).rejects.toMatchObject({ status: 409, code: 'dossier_anonymised' });
  });
});
