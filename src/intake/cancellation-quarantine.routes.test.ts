import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { buildIdentityApp, CHEAP_HASHING, type IdentityTestApp } from '../../test/support/identity.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { fixedClock } from '../clock.ts';
import { withTenant } from '../db/tenant.ts';
import { newId } from '../ids.ts';

describe.each(databaseKinds())('cancellation detail and the mail quarantine on %s', (kind) => {
  let database: TestDatabase;
  let identity: IdentityTestApp;
  let org: TestOrganisation;
  let other: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  const call = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    identity.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    other = await createTestOrganisation(database.handle.db, clock);
    identity = await buildIdentityApp(database.handle.db, clock, { passwordHashing: CHEAP_HASHING });
  });
  afterAll(async () => {
    await identity.app.close();
    await database.close();
  });

  it('shows one cancellation request with its linked complaint, to staff of its organisation only', async () => {
    const complaint = await createTestComplaint(database.handle.db, org, {}, clock);
    const created = await call(org.handler.token, 'POST', '/api/v1/cancellations', {
      channel: 'letter',
      receivedAt: '2026-11-23T10:00:00Z',
      customerName: 'Jan de Vries',
      policies: 'Woonhuisverzekering 1234',
      complaintId: complaint.id,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const detail = await call(org.auditor.token, 'GET', `/api/v1/cancellations/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      reference: 'OP-2026-0001',
      status: 'received',
      complaintId: complaint.id,
      complaintReference: complaint.reference,
      message: null,
    });
    expect((await call(other.coordinator.token, 'GET', `/api/v1/cancellations/${id}`)).statusCode).toBe(404);
    expect((await call(org.employee.token, 'GET', `/api/v1/cancellations/${id}`)).statusCode).toBe(403);
  });

  it('lists quarantined mail with the reason in Dutch, for coordinators only', async () => {
    const mailboxId = newId();
    const mailId = newId();
    await withTenant(database.handle.db, org.id, async (tx) => {
      await tx
        .insertInto('mailboxes')
        .values({
          organisation_id: org.id,
          id: mailboxId,
          name: 'Klachten',
          host: '127.0.0.1',
          port: 993,
          secure: true,
          username: 'klachten',
          password_encrypted: 'x',
          last_uid_validity: null,
          last_seen_uid: 0,
          last_polled_at: null,
          last_error: null,
          last_error_at: null,
          created_at: clock.now(),
        })
        .execute();
      await tx
        .insertInto('mail_messages')
        .values({
          organisation_id: org.id,
          id: mailId,
          mailbox_id: mailboxId,
          uid_validity: 1,
          uid: 7,
          message_key: 'key-7',
          internal_date: new Date('2026-11-23T08:00:00Z'),
          size_bytes: 12,
          raw: new TextEncoder().encode('From: x\r\n\r\n'),
          from_address: 'klachten@kantoor.nl',
          subject: 'Doorgestuurd: klacht',
          classification: 'own_mail',
          status: 'quarantined',
          quarantine_reason: 'our_address',
          complaint_id: null,
          intake_item_id: null,
          bounced_message_id: null,
          created_at: clock.now(),
        })
        .execute();
    });
    const list = await call(org.coordinator.token, 'GET', '/api/v1/mail/quarantine');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([
      expect.objectContaining({
        id: mailId,
        mailboxName: 'Klachten',
        subject: 'Doorgestuurd: klacht',
        classification: 'own_mail',
        explanation: expect.stringContaining('eigen adres'),
      }),
    ]);
    expect((await call(org.handler.token, 'GET', '/api/v1/mail/quarantine')).statusCode).toBe(403);
    expect((await call(other.coordinator.token, 'GET', '/api/v1/mail/quarantine')).json()).toEqual([]);
  });
});
