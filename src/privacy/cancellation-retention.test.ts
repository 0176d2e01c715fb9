import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { findStrings } from '../../test/support/personal-data-scan.ts';
import { prepareOrganisationForLetters } from '../../test/support/privacy-fixtures.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { buildApp } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { withTenant } from '../db/tenant.ts';
import { ANONYMISED_TEXT } from '../domain/privacy/policy-types.ts';
import { newId } from '../ids.ts';
import {
  advanceCancellation,
  linkCancellationToComplaint,
  registerCancellationRequest,
} from '../intake/cancellation.service.ts';
import { openIntakeItemAsCancellation } from '../intake/intake.service.ts';
import { deriveSecrets } from '../secrets.ts';
import { anonymiseDueDossiers } from './anonymisation.service.ts';

const DAY = 24 * 60 * 60 * 1000;
/** Words that occur nowhere but in one request each, so a scan of the whole database can find them. */
const person = (tag: string) => ({
  name: `Klant ${tag}stra`,
  email: `${tag.toLowerCase()}@klant.example.nl`,
  policy: `Polis ${tag}-778899`,
});
const DUE = person('Verlopen');
const OPEN = person('Lopend');
const LINKED = person('Gekoppeld');
const HELD = person('Vastgehouden');
const RECENT = person('Recent');

/**
 * A cancellation request never linked to a complaint has its own retention term (two years after it
 * was handled, by default). Past it, the nightly run blanks the request, its letter, its PDF, its
 * outgoing mail and the e-mail it came in with, by the same table policies as a dossier; an open
 * request, a linked one (it follows its complaint), one handled recently and one under a legal hold
 * are left whole.
 */
describe.each(databaseKinds())('retention of cancellation requests without a complaint on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
  const secrets = deriveSecrets(Buffer.alloc(32, 21));
  const ids = { due: '', open: '', linked: '', held: '', recent: '', hold: '', intake: '', mail: '' };
  const db = () => database.handle.db;
  const deps = () => ({ db: db(), clock, letters: { secrets } });
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, token: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
  const register = async (who: ReturnType<typeof person>, complaintId?: string) =>
    (
      await registerCancellationRequest(deps(), org.coordinator.context, {
        channel: 'letter',
        receivedAt: clock.now(),
        customerName: who.name,
        customerEmail: who.email,
        policies: who.policy,
        effectiveDate: null,
        ...(complaintId ? { complaintId } : {}),
      })
    ).id;
  const step = (id: string, what: 'confirm' | 'process' | 'withdraw') =>
    advanceCancellation(deps(), org.coordinator.context, id, what);
  const request = (id: string) =>
    withTenant(db(), org.id, (tx) =>
      tx
        .selectFrom('cancellation_requests')
        .selectAll()
        .where('organisation_id', '=', org.id)
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    );
  const found = async (who: ReturnType<typeof person>) =>
    (await findStrings(db() as Kysely<unknown>, Object.values(who))).map((f) => `${f.table}.${f.column}`);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(db(), clock);
    await prepareOrganisationForLetters(db(), org);
    app = await buildApp({
      db: db(),
      clock,
      secrets,
      config: { logLevel: 'silent', maxAttachmentBytes: 1024 * 1024, maxJsonBodyBytes: 64 * 1024 },
      readiness: async () => [],
    });

    // Due: came in by e-mail, opened from the intake queue, confirmed by letter, processed.
    ids.mail = newId();
    ids.intake = newId();
    await withTenant(db(), org.id, async (tx) => {
      const mailbox = newId();
      const now = clock.now();
      await tx
        .insertInto('mailboxes')
        .values({
          organisation_id: org.id,
          id: mailbox,
          name: 'Post',
          host: '127.0.0.1',
          port: 143,
          secure: false,
          username: 'post',
          password_encrypted: 'v1.x',
          created_at: now,
        })
        .execute();
      const raw = Buffer.from(
        `From: ${DUE.name} <${DUE.email}>\r\nSubject: Opzeggen\r\n\r\nIk zeg ${DUE.policy} op.\r\n`,
      );
      await tx
        .insertInto('mail_messages')
        .values({
          organisation_id: org.id,
          id: ids.mail,
          mailbox_id: mailbox,
          uid_validity: 1,
          uid: 1,
          message_key: `<opzegging-${ids.mail}@klant.example.nl>`,
          internal_date: now,
          size_bytes: raw.length,
          raw,
          from_address: DUE.email,
          subject: 'Opzeggen',
          classification: 'complaint_candidate',
          status: 'processed',
          quarantine_reason: null,
          complaint_id: null,
          intake_item_id: null,
          bounced_message_id: null,
          created_at: now,
        })
        .execute();
      await tx
        .insertInto('intake_items')
        .values({
          organisation_id: org.id,
          id: ids.intake,
          channel: 'email',
          received_at: now,
          kind: 'unclassified',
          proposed_kind: 'cancellation',
          proposal_reason: `Het woord opzeggen bij ${DUE.policy}.`,
          status: 'new',
          sender_name: DUE.name,
          sender_email: DUE.email,
          subject: 'Opzeggen',
          body_text: `Ik zeg ${DUE.policy} op.`,
          mail_message_id: ids.mail,
          complaint_id: null,
          cancellation_request_id: null,
          triaged_by: null,
          triaged_at: null,
          created_at: now,
        })
        .execute();
    });
    ids.due = (
      await openIntakeItemAsCancellation({ db: db(), clock }, org.coordinator.context, ids.intake, {
        policies: DUE.policy,
        effectiveDate: null,
      })
    ).id;
    await step(ids.due, 'confirm');
    await step(ids.due, 'process');

    ids.open = await register(OPEN);
    await step(ids.open, 'confirm');

    const complaint = await createTestComplaint(db(), org, { receivedAt: clock.now() }, clock);
    ids.linked = await register(LINKED);
    await step(ids.linked, 'confirm');
    await linkCancellationToComplaint({ db: db(), clock }, org.coordinator.context, ids.linked, complaint.id);
    await step(ids.linked, 'process');

    ids.held = await register(HELD);
    await step(ids.held, 'withdraw');
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('keeps two years by default, which the administrator can change next to the dossier term', async () => {
    const read = await call('GET', '/api/v1/organisation/retention', org.auditor.token);
    expect(read.json()).toMatchObject({
      retentionYears: 5,
      cancellationRetentionYears: 2,
      defaultCancellationYears: 2,
    });
    const url = '/api/v1/organisation/retention';
    expect(
      (await call('PUT', url, org.coordinator.token, { cancellationRetentionYears: 3 })).statusCode,
    ).toBe(403);
    expect((await call('PUT', url, org.admin.token, { cancellationRetentionYears: 0 })).statusCode).toBe(400);
    expect((await call('PUT', url, org.admin.token, {})).statusCode).toBe(400);
    const saved = await call('PUT', url, org.admin.token, { cancellationRetentionYears: 3 });
    expect(saved.json()).toMatchObject({ retentionYears: 5, cancellationRetentionYears: 3 });
    // Changing one term leaves the other as it was.
    const dossierOnly = await call('PUT', url, org.admin.token, { retentionYears: 6 });
    expect(dossierOnly.json()).toMatchObject({ retentionYears: 6, cancellationRetentionYears: 3 });
    await call('PUT', url, org.admin.token, { retentionYears: 5, cancellationRetentionYears: 2 });
  });

  it('holds a request without a complaint, and refuses a hold on a linked one (its dossier holds it)', async () => {
    const url = (id: string) => `/api/v1/cancellations/${id}/legal-holds`;
    const placed = await call('POST', url(ids.held), org.coordinator.token, {
      reason: 'court_case',
      explanation: 'De klant betwist bij de rechter wanneer de polis is geëindigd.',
    });
    expect(placed.statusCode, placed.body).toBe(201);
    ids.hold = placed.json<{ id: string }>().id;
    expect((await call('GET', url(ids.held), org.auditor.token)).json()).toEqual([
      expect.objectContaining({ id: ids.hold, reason: 'court_case', lifted: null }),
    ]);
    const linked = await call('POST', url(ids.linked), org.coordinator.token, {
      reason: 'court_case',
      explanation: 'Hoort bij de klacht.',
    });
    expect(linked.statusCode).toBe(409);
    expect(linked.json()).toMatchObject({ code: 'cancellation_linked' });
    expect(
      (await call('POST', url(ids.due), org.handler.token, { reason: 'court_case', explanation: 'x' }))
        .statusCode,
    ).toBe(403);
  });

  it('anonymises only the handled request without a complaint whose two years are over', async () => {
    // A request handled later than the others: still within its term at the run below.
    clock.advance(365 * DAY);
    ids.recent = await register(RECENT);
    await step(ids.recent, 'process');
    // Before the term ends nothing happens.
    clock.advance(364 * DAY);
    expect(await anonymiseDueDossiers({ db: db(), clock }, org.id, { kind: 'system', id: null })).toEqual({
      anonymised: [],
      held: [],
    });
    expect(await found(DUE)).not.toEqual([]);

    clock.advance(3 * DAY); // two years and a day after it was handled
    const due = await request(ids.due);
    const held = await request(ids.held);
    // The preview of this month shows the due request and the held one (marked), nothing else.
    const preview = await call('GET', '/api/v1/privacy/anonymisation/preview', org.auditor.token);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      cancellationRetentionYears: 2,
      cancellations: [
        {
          cancellationRequestId: ids.due,
          reference: due.reference,
          anonymiseFrom: '2028-11-24',
          heldFor: [],
        },
        { cancellationRequestId: ids.held, reference: held.reference, heldFor: ['court_case'] },
      ],
    });
    expect(preview.json<{ cancellations: unknown[] }>().cancellations).toHaveLength(2);
    const run = await call('POST', '/api/v1/privacy/anonymisation/run', org.coordinator.token);
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toEqual({ anonymised: [due.reference], held: [held.reference] });

    // Nothing of the person is left anywhere: request, intake item, e-mail, letter, PDF, outbox.
    expect(await found(DUE)).toEqual([]);
    const after = await request(ids.due);
    expect(after).toMatchObject({
      customer_name: ANONYMISED_TEXT,
      customer_email: null,
      policies: ANONYMISED_TEXT,
      reference: due.reference,
      status: 'processed',
    });
    expect(after.anonymised_at).not.toBeNull();
    const kept = await withTenant(db(), org.id, async (tx) => ({
      documents: await tx
        .selectFrom('documents')
        .select(['content', 'file_name', 'sha256'])
        .where('organisation_id', '=', org.id)
        .where('cancellation_request_id', '=', ids.due)
        .execute(),
      letters: await tx
        .selectFrom('letters')
        .select(['recipient_name', 'recipient_email', 'pdf_sha256'])
        .where('organisation_id', '=', org.id)
        .where('cancellation_request_id', '=', ids.due)
        .execute(),
      mail: await tx
        .selectFrom('mail_messages')
        .select(['raw', 'from_address'])
        .where('organisation_id', '=', org.id)
        .where('id', '=', ids.mail)
        .executeTakeFirstOrThrow(),
    }));
    expect(kept.documents).toHaveLength(1);
    expect(kept.documents[0]).toMatchObject({ content: null, file_name: ANONYMISED_TEXT });
    // The digests stay: what was sent can still be proven, not read.
    expect(kept.documents[0]!.sha256).toBe(kept.letters[0]!.pdf_sha256);
    expect(kept.letters[0]).toMatchObject({ recipient_name: ANONYMISED_TEXT, recipient_email: null });
    expect(kept.mail.from_address).toBeNull();
    expect(kept.mail.raw.length).toBe(0);

    // The others are whole: open, linked (follows its complaint), held, and handled too recently.
    for (const [who, id] of [
      [OPEN, ids.open],
      [LINKED, ids.linked],
      [HELD, ids.held],
      [RECENT, ids.recent],
    ] as const) {
      expect((await request(id)).anonymised_at, who.name).toBeNull();
      expect(await found(who), who.name).toContain('public.cancellation_requests.customer_name');
    }
  });

  it('anonymises the held request once its hold is lifted, and refuses a hold after that', async () => {
    const lift = await call(
      'POST',
      `/api/v1/cancellations/${ids.held}/legal-holds/${ids.hold}/lift`,
      org.coordinator.token,
      { explanation: 'Uitspraak gedaan; geen hoger beroep.' },
    );
    expect(lift.statusCode, lift.body).toBe(200);
    const run = await anonymiseDueDossiers({ db: db(), clock }, org.id, { kind: 'system', id: null });
    expect(run).toEqual({ anonymised: [(await request(ids.held)).reference], held: [] });
    expect(await found(HELD)).toEqual([]);
    const late = await call('POST', `/api/v1/cancellations/${ids.held}/legal-holds`, org.coordinator.token, {
      reason: 'court_case',
      explanation: 'Te laat.',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'cancellation_anonymised' });
    // The others still wait for their own moment.
    for (const id of [ids.open, ids.linked, ids.recent]) expect((await request(id)).anonymised_at).toBeNull();
  });
});
