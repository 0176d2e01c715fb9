import { simpleParser } from 'mailparser';
import pino from 'pino';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { startSmtpServer, type SmtpTestServer } from '../../test/support/smtp-server.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { fixedClock } from '../clock.ts';
import { withTenant } from '../db/tenant.ts';
import { sha256Hex } from '../domain/event-chain.ts';
import { deriveSecrets } from '../secrets.ts';
import { sendDueMail } from './outbox-sender.ts';
import { pdfToText, writeFirstPagePng } from './render/pdf-tools.ts';
import { saveSmtpSettings } from './smtp-settings.service.ts';

const secrets = deriveSecrets(Buffer.alloc(32, 8));

describe.each(databaseKinds())('confirmation of a cancellation request (R10) on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let smtp: SmtpTestServer;
  let org: TestOrganisation;
  let other: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
  const db = () => database.handle.db;
  const call = (method: 'GET' | 'POST', url: string, token: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
  const register = async (token: string, body: object) => {
    const response = await call('POST', '/api/v1/cancellations', token, {
      channel: 'email',
      receivedAt: '2026-11-20T15:12:00Z',
      customerName: 'Jeroen Çelik',
      policies: 'Inboedelverzekering, polis 12345678\nAutoverzekering, polis 87654321',
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; reference: string }>();
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    smtp = await startSmtpServer();
    org = await createTestOrganisation(db(), clock);
    other = await createTestOrganisation(db(), clock);
    await withTenant(db(), org.id, (tx) =>
      tx
        .updateTable('organisations')
        .set({
          name: 'Assurantiekantoor Brouwer & Zoën',
          email: 'klachten@brouwer-zoen.nl',
          phone: '020-123 45 67',
          street: 'Keizersgracht 1',
          postal_code: '1015 AA',
        })
        .where('id', '=', org.id)
        .execute(),
    );
    await saveSmtpSettings({ db: db(), clock, secrets }, org.admin.context, {
      host: smtp.host,
      port: smtp.port,
      secure: false,
      username: null,
      fromAddress: 'klachten@brouwer-zoen.nl',
      fromName: 'Brouwer & Zoën',
      replyTo: null,
    });
    const { buildApp } = await import('../app.ts');
    app = await buildApp({
      db: db(),
      clock,
      config: { logLevel: 'silent', maxAttachmentBytes: 1024 * 1024, maxJsonBodyBytes: 64 * 1024 },
      readiness: async () => [],
      secrets,
    });
  });
  afterAll(async () => {
    await app.close();
    await smtp.stop();
    await database.close();
  });

  it('confirms a cancellation without a complaint by e-mail, filed with the request itself', async () => {
    const request = await register(org.handler.token, {
      customerEmail: 'jeroen@example.nl',
      effectiveDate: '2027-01-01',
    });
    // Without a place for the date line the letter is incomplete: the step is refused, in Dutch.
    const refused = await call('POST', `/api/v1/cancellations/${request.id}/confirm`, org.handler.token, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'letter_incomplete',
      detail: expect.stringMatching(/^De bevestiging van de opzegging kan nog niet.*de plaats bij de datum/),
    });
    const letters = (token: string) => call('GET', `/api/v1/cancellations/${request.id}/letters`, token);
    expect((await letters(org.handler.token)).json()).toEqual([]);
    expect((await call('GET', '/api/v1/cancellations', org.handler.token)).json()).toEqual([
      expect.objectContaining({ id: request.id, status: 'received' }),
    ]);

    await withTenant(db(), org.id, (tx) =>
      tx.updateTable('organisations').set({ city: 'Amsterdam' }).where('id', '=', org.id).execute(),
    );
    const confirmed = await call(
      'POST',
      `/api/v1/cancellations/${request.id}/confirm`,
      org.handler.token,
      {},
    );
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', confirmedAt: clock.now().toISOString() });

    const listed = await letters(org.auditor.token);
    expect(listed.statusCode).toBe(200);
    const [letter] =
      listed.json<Array<{ id: string; documentId: string; sha256: string; delivery: string }>>();
    expect(letter).toMatchObject({
      letterType: 'cancellation_confirmation',
      delivery: 'email',
      status: 'sent',
    });
    const stored = await withTenant(db(), org.id, (tx) =>
      tx
        .selectFrom('documents')
        .select(['complaint_id', 'item_id', 'cancellation_request_id'])
        .where('organisation_id', '=', org.id)
        .where('id', '=', letter!.documentId)
        .executeTakeFirstOrThrow(),
    );
    expect(stored).toEqual({ complaint_id: null, item_id: null, cancellation_request_id: request.id });

    const pdf = await call(
      'GET',
      `/api/v1/cancellations/${request.id}/documents/${letter!.documentId}/content`,
      org.coordinator.token,
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(sha256Hex(pdf.rawPayload)).toBe(letter!.sha256);
    writeFirstPagePng(pdf.rawPayload, `test-artifacts/letters/cancellation-confirmation-${kind}.png`, 70);
    const text = pdfToText(pdf.rawPayload).replace(/\s+/g, ' ');
    for (const part of [
      request.reference, // OP-2026-0001
      'Jeroen Çelik',
      'Amsterdam, 23 november 2026',
      '20 november 2026', // received
      'Inboedelverzekering, polis 12345678', // the policies, one per line
      'Autoverzekering, polis 87654321',
      '1 januari 2027', // effective date
      'klachten@brouwer-zoen.nl', // how to reach us
      'Behandelaar Bea',
    ]) {
      expect(text).toContain(part);
    }

    // Other organisations and employees see nothing of it.
    expect((await letters(other.coordinator.token)).statusCode).toBe(404);
    expect(
      (
        await call(
          'GET',
          `/api/v1/cancellations/${request.id}/documents/${letter!.documentId}/content`,
          other.coordinator.token,
        )
      ).statusCode,
    ).toBe(404);
    expect([403, 404]).toContain((await letters(org.employee.token)).statusCode);

    // The mail goes out from the outbox with the PDF; with no dossier, its id threads into none.
    const before = smtp.received.length;
    expect(await sendDueMail({ db: db(), clock, secrets, log: pino({ level: 'silent' }) })).toMatchObject({
      sent: 1,
    });
    const mail = await simpleParser(smtp.received[before]!.raw);
    expect(mail.subject).toBe(`Bevestiging van uw opzegging [${request.reference}]`);
    expect(mail.messageId).toMatch(/^<kw-op\.[0-9a-f-]+@brouwer-zoen\.nl>$/);
    expect(mail.text).toContain('Autoverzekering, polis 87654321');
    expect(mail.attachments.map((a) => sha256Hex(a.content))).toEqual([letter!.sha256]);
  });

  it('files the confirmation of a cancellation linked to a complaint in that dossier, by post to the address staff give', async () => {
    const complaint = await createTestComplaint(db(), org, { handlerId: org.handler.id }, clock);
    const request = await register(org.coordinator.token, { complaintId: complaint.id });
    const confirmed = await call(
      'POST',
      `/api/v1/cancellations/${request.id}/confirm`,
      org.coordinator.token,
      {
        letterFields: {
          recipient: { name: 'Jeroen Çelik', addressLines: ['Dorpsstraat 1', '6721 AB Bennekom'] },
        },
      },
    );
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const [letter] = (
      await call('GET', `/api/v1/cancellations/${request.id}/letters`, org.handler.token)
    ).json<Array<{ documentId: string; delivery: string }>>();
    expect(letter!.delivery).toBe('post');
    const filed = await withTenant(db(), org.id, async (tx) => ({
      document: await tx
        .selectFrom('documents')
        .select(['complaint_id', 'cancellation_request_id', 'content'])
        .where('organisation_id', '=', org.id)
        .where('id', '=', letter!.documentId)
        .executeTakeFirstOrThrow(),
      events: await tx
        .selectFrom('dossier_events')
        .select('type')
        .where('organisation_id', '=', org.id)
        .where('complaint_id', '=', complaint.id)
        .where('type', 'in', ['complaint.cancellation_linked', 'letter.issued'])
        .orderBy('sequence')
        .execute(),
      outbox: await tx
        .selectFrom('outbox')
        .select('id')
        .where('organisation_id', '=', org.id)
        .where('complaint_id', '=', complaint.id)
        .execute(),
    }));
    expect(filed.document).toMatchObject({ complaint_id: complaint.id, cancellation_request_id: null });
    expect(filed.events.map((e) => e.type)).toEqual(['complaint.cancellation_linked', 'letter.issued']);
    expect(filed.outbox).toEqual([]);
    const text = pdfToText(Buffer.from(filed.document.content!)).replace(/\s+/g, ' ');
    expect(text).toContain(complaint.reference); // the complaint it belongs with
    expect(text).toContain('6721 AB Bennekom');
    // The dossier's own document route serves it too.
    const viaDossier = await call(
      'GET',
      `/api/v1/complaints/${complaint.id}/documents/${letter!.documentId}/content`,
      org.coordinator.token,
    );
    expect(viaDossier.statusCode).toBe(200);
  });

  it('keeps every document in exactly one file', async () => {
    const complaint = await createTestComplaint(db(), org, {}, clock);
    const request = await register(org.coordinator.token, {});
    await expect(
      withTenant(db(), org.id, (tx) =>
        sql`INSERT INTO documents (organisation_id, id, complaint_id, item_id, cancellation_request_id,
              file_name, media_type, size_bytes, sha256, content, created_at)
            VALUES (${org.id}, gen_random_uuid(), ${complaint.id}, NULL, ${request.id},
              'x.pdf', 'application/pdf', 0, ${'0'.repeat(64)}, NULL, now())`.execute(tx),
      ),
    ).rejects.toThrow(/documents_filed_once/);
  });
});
