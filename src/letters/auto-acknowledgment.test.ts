import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganisation, type TestOrganisation } from '../../test/support/factories.ts';
import { startSmtpServer, type SmtpTestServer } from '../../test/support/smtp-server.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { buildApp } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { registerComplaint } from '../complaints/complaint.service.ts';
import type { MailClassification } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { newId } from '../ids.ts';
import { openIntakeItemAsComplaint } from '../intake/intake.service.ts';
import { takeStep } from '../procedure/procedure.service.ts';
import { deriveSecrets } from '../secrets.ts';
import { settleAcknowledgmentTasks } from './auto-acknowledgment.ts';
import { sendDueMail } from './outbox-sender.ts';
import { saveSmtpSettings } from './smtp-settings.service.ts';

const secrets = deriveSecrets(Buffer.alloc(32, 14));
const AUTO_REPLY = [
  'From: Afwezig <els.mulder@example.nl>',
  'To: klachten@brouwer-zoen.nl',
  'Subject: Automatisch antwoord: Uw brief',
  'Auto-Submitted: auto-replied',
  'Message-ID: <oof-1@example.nl>',
  'Date: Mon, 23 Nov 2026 09:00:00 +0100',
  '',
  'Ik ben afwezig tot 1 december.',
  '',
].join('\r\n');

describe.each(databaseKinds())('automatic acknowledgment on %s', (kind) => {
  let database: TestDatabase;
  let smtp: SmtpTestServer;
  let app: FastifyInstance;
  let org: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
  const db = () => database.handle.db;
  const settle = () => settleAcknowledgmentTasks({ db: db(), clock, letters: { secrets } });
  const send = () => sendDueMail({ db: db(), clock, secrets, log: pino({ level: 'silent' }) });
  const patch = (token: string, payload: object) =>
    app.inject({
      method: 'PATCH',
      url: '/api/v1/organisation',
      headers: { authorization: `Bearer ${token}` },
      payload,
    });
  const register = (payload: object) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { authorization: `Bearer ${org.coordinator.token}` },
      payload: {
        channel: 'letter',
        description: 'De expert is na drie weken nog niet langs geweest.',
        ...payload,
      },
    });
  const noticesOf = (complaintId: string) =>
    withTenant(db(), org.id, (tx) =>
      tx
        .selectFrom('notifications')
        .select(['user_id', 'kind', 'message'])
        .where('organisation_id', '=', org.id)
        .where('complaint_id', '=', complaintId)
        .execute(),
    );
  const lettersOf = (complaintId: string) =>
    withTenant(db(), org.id, (tx) =>
      tx
        .selectFrom('letters')
        .select(['letter_type', 'delivery'])
        .where('organisation_id', '=', org.id)
        .where('complaint_id', '=', complaintId)
        .execute(),
    );
  const eventsOf = (complaintId: string) =>
    withTenant(db(), org.id, (tx) =>
      tx
        .selectFrom('dossier_events')
        .select(['type', 'actor_kind', 'data'])
        .where('organisation_id', '=', org.id)
        .where('complaint_id', '=', complaintId)
        .orderBy('sequence')
        .execute(),
    );
  const setOrganisation = (values: Record<string, string | null>) =>
    withTenant(db(), org.id, (tx) =>
      tx.updateTable('organisations').set(values).where('id', '=', org.id).execute(),
    );

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    smtp = await startSmtpServer();
    org = await createTestOrganisation(db(), clock);
    await setOrganisation({
      name: 'Assurantiekantoor Brouwer & Zoën',
      email: 'klachten@brouwer-zoen.nl',
      phone: '020-123 45 67',
      city: 'Amsterdam',
      signer_name: 'Inge Brouwer',
      signer_title: 'Klachtencoördinator',
    });
    await saveSmtpSettings({ db: db(), clock, secrets }, org.admin.context, {
      host: smtp.host,
      port: smtp.port,
      secure: false,
      username: null,
      fromAddress: 'klachten@brouwer-zoen.nl',
      fromName: 'Brouwer & Zoën klachten',
      replyTo: null,
    });
    app = await buildApp({
      db: db(),
      clock,
      secrets,
      config: { logLevel: 'silent', maxAttachmentBytes: 1024 * 1024, maxJsonBodyBytes: 64 * 1024 },
      readiness: async () => [],
    });
  });
  afterAll(async () => {
    await app.close();
    await smtp.stop();
    await database.close();
  });

  it('is a setting of the organisation, draft by default, changed by the administrator', async () => {
    const current = await app.inject({
      method: 'GET',
      url: '/api/v1/organisation',
      headers: { authorization: `Bearer ${org.coordinator.token}` },
    });
    expect(current.json().autoAcknowledgment).toBe('draft');
    expect((await patch(org.handler.token, { autoAcknowledgment: 'send' })).statusCode).toBe(403);
    expect((await patch(org.admin.token, { autoAcknowledgment: 'sometimes' })).statusCode).toBe(400);
  });

  it('with draft, tells the handler the acknowledgment is ready and sends nothing', async () => {
    const created = await register({
      handlerId: org.handler.id,
      complainant: { name: 'Jan de Vries', email: 'jan@example.nl' },
    });
    expect(created.statusCode).toBe(201);
    const complaint = created.json();
    expect(await settle()).toMatchObject({ settled: 1, sent: 0 });
    expect(await noticesOf(complaint.id)).toEqual([
      {
        user_id: org.handler.id,
        kind: 'acknowledgment_ready',
        message: `De ontvangstbevestiging voor ${complaint.reference} staat klaar om te versturen (uiterlijk do 26-11-2026).`,
      },
    ]);
    expect(await lettersOf(complaint.id)).toEqual([]);
    expect(await settle()).toMatchObject({ settled: 0 });
  });

  it('with send, acknowledges a complaint from any channel by itself, once, as automatic mail', async () => {
    expect((await patch(org.admin.token, { autoAcknowledgment: 'send' })).json().autoAcknowledgment).toBe(
      'send',
    );
    const created = await register({ complainant: { name: 'Ëlla van Dijk-Noël', email: 'ella@example.nl' } });
    const complaint = created.json();
    const before = smtp.received.length;
    // R2 e: the acknowledgment names the handler. Nobody handles it yet: the coordinators hear so, once.
    expect(await settle()).toMatchObject({ settled: 0, sent: 0 });
    expect(await settle()).toMatchObject({ settled: 0, sent: 0 });
    const waiting = await noticesOf(complaint.id);
    expect(new Set(waiting.map((n) => n.user_id))).toEqual(new Set([org.coordinator.id, org.admin.id]));
    expect(waiting[0]!.message).toBe(
      `${complaint.reference} heeft nog geen behandelaar. Wijs er een toe; daarna gaat de ontvangstbevestiging automatisch uit (uiterlijk do 26-11-2026).`,
    );
    await takeStep({ db: db(), clock }, org.coordinator.context, complaint.id, {
      action: 'assign_handler',
      handlerId: org.handler.id,
    });
    expect(await settle()).toMatchObject({ settled: 1, sent: 1 });
    expect(await settle()).toMatchObject({ settled: 0, sent: 0 }); // never twice
    expect(await send()).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(before + 1);
    const mail = await simpleParser(smtp.received[before]!.raw);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.to).toMatchObject({ value: [{ address: 'ella@example.nl' }] });
    expect(mail.subject).toContain(`[${complaint.reference}]`);
    expect(mail.text).toContain('Behandelaar Bea');
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);

    const events = await eventsOf(complaint.id);
    expect(events.map((e) => e.type)).toEqual([
      'complaint.registered',
      'complaint.handler_assigned',
      'complaint.acknowledged',
      'dossier.attachment_added',
      'letter.issued',
    ]);
    expect(events[2]!.actor_kind).toBe('system');
    expect(events[4]!.data).toMatchObject({ letterType: 'acknowledgment', automatic: true });
    const state = await withTenant(db(), org.id, (tx) =>
      tx.selectFrom('complaints').select('status').where('id', '=', complaint.id).executeTakeFirstOrThrow(),
    );
    expect(state.status).toBe('acknowledged');
  });

  it('never answers an auto-reply or a bounce, even when it was opened as a complaint', async () => {
    for (const classification of ['auto_reply', 'bounce'] as const) {
      const itemId = await mailArrival(classification);
      const complaint = await openIntakeItemAsComplaint(
        { db: db(), clock },
        org.coordinator.context,
        itemId,
        {
          complainantName: 'Els Mulder',
          description: 'Ik ben afwezig tot 1 december.',
        },
      );
      expect(await settle()).toMatchObject({ settled: 1, sent: 0 });
      expect(await lettersOf(complaint.id)).toEqual([]);
      const [notice] = await noticesOf(complaint.id);
      expect(notice).toMatchObject({ kind: 'acknowledgment_task' });
      expect(notice!.message).toContain('automatisch antwoord of onbestelbaar-bericht');
      expect((await eventsOf(complaint.id)).at(-1)).toMatchObject({
        type: 'acknowledgment.not_sent_automatically',
        data: { outcome: 'automatic_arrival' },
      });
    }
  });

  it('leaves an incomplete acknowledgment, or one without an address, to a person, with a notification', async () => {
    // No place for the date line and nobody to sign: the letter would miss two required parts.
    await setOrganisation({ city: null, signer_name: null });
    const incomplete = await registerComplaint({ db: db(), clock }, org.coordinator.context, {
      channel: 'web_form',
      complainant: { name: 'Kees Kaal', email: 'kees@example.nl' },
      description: 'Mijn premie is zonder bericht verhoogd.',
    });
    expect(await settle()).toMatchObject({ settled: 1, sent: 0 });
    expect(await lettersOf(incomplete.id)).toEqual([]);
    const notices = await noticesOf(incomplete.id);
    // Nobody handles it yet: every active coordinator hears about it.
    expect(new Set(notices.map((n) => n.user_id))).toEqual(new Set([org.coordinator.id, org.admin.id]));
    expect(notices[0]!.kind).toBe('acknowledgment_task');
    expect(notices[0]!.message).toContain('is nog niet compleet en is daarom niet automatisch verstuurd');
    expect(notices[0]!.message).toContain('de plaats bij de datum');
    expect(notices[0]!.message).toContain('de naam van de ondertekenaar');

    await setOrganisation({ city: 'Amsterdam', signer_name: 'Inge Brouwer' });
    const byPost = await registerComplaint({ db: db(), clock }, org.coordinator.context, {
      channel: 'phone',
      handlerId: org.handler.id,
      complainant: { name: 'Piet Post', street: 'Dorpsstraat 3', postalCode: '1234 AB', city: 'Ede' },
      description: 'Niemand belt mij terug.',
    });
    expect(await settle()).toMatchObject({ settled: 1, sent: 0 });
    expect(await noticesOf(byPost.id)).toMatchObject([
      { user_id: org.handler.id, kind: 'acknowledgment_task', message: expect.stringContaining('per post') },
    ]);
  });

  async function mailArrival(classification: MailClassification): Promise<string> {
    return withTenant(db(), org.id, async (tx) => {
      const mailboxId = newId();
      await tx
        .insertInto('mailboxes')
        .values({
          organisation_id: org.id,
          id: mailboxId,
          name: 'Klachten',
          host: '127.0.0.1',
          port: 143,
          secure: false,
          username: 'klachten',
          password_encrypted: 'v1.x',
          created_at: clock.now(),
        })
        .execute();
      const messageId = newId();
      await tx
        .insertInto('mail_messages')
        .values({
          organisation_id: org.id,
          id: messageId,
          mailbox_id: mailboxId,
          uid_validity: 1,
          uid: 1,
          message_key: `<${messageId}@test>`,
          internal_date: clock.now(),
          size_bytes: AUTO_REPLY.length,
          raw: Buffer.from(AUTO_REPLY),
          from_address: 'els.mulder@example.nl',
          subject: 'Automatisch antwoord: Uw brief',
          classification,
          status: 'processed',
          quarantine_reason: null,
          complaint_id: null,
          intake_item_id: null,
          bounced_message_id: null,
          created_at: clock.now(),
        })
        .execute();
      // As if triage had routed it to the queue (src/mail says it should not be dropped).
      const id = newId();
      await tx
        .insertInto('intake_items')
        .values({
          organisation_id: org.id,
          id,
          channel: 'email',
          received_at: clock.now(),
          kind: 'unclassified',
          proposed_kind: null,
          proposal_reason: null,
          status: 'new',
          sender_name: 'Els Mulder',
          sender_email: 'els.mulder@example.nl',
          subject: 'Automatisch antwoord: Uw brief',
          body_text: 'Ik ben afwezig tot 1 december.',
          mail_message_id: messageId,
          complaint_id: null,
          cancellation_request_id: null,
          triaged_by: null,
          triaged_at: null,
          created_at: clock.now(),
        })
        .execute();
      return id;
    });
  }
});
