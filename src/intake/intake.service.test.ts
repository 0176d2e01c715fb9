import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { fixedClock } from '../clock.ts';
import { withTenant } from '../db/tenant.ts';
import { parseLocalDate } from '../domain/calendar/local-date.ts';
import { listDossierEvents } from '../dossier/event-log.repository.ts';
import { listItems } from '../dossier/dossier.service.ts';
import { newId } from '../ids.ts';
import { getProcedureState } from '../procedure/procedure.service.ts';
import {
  advanceCancellation,
  linkCancellationToComplaint,
  registerCancellationRequest,
} from './cancellation.service.ts';
import {
  classifyIntakeItem,
  listIntakeQueue,
  openIntakeItemAsCancellation,
  openIntakeItemAsComplaint,
} from './intake.service.ts';

const RAW_MAIL = [
  'From: Els Mulder <els.mulder@example.nl>',
  'To: klachten@kantoor.nl',
  'Subject: Klacht over de afhandeling van mijn schade',
  'Message-ID: <12345@mail.example.nl>',
  'Date: Mon, 23 Nov 2026 08:12:00 +0100',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="grens"',
  '',
  '--grens',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Ik ben zeer ontevreden: niemand belt mij terug over mijn waterschade.',
  '--grens',
  'Content-Type: application/pdf; name="foto-schade.pdf"',
  'Content-Disposition: attachment; filename="foto-schade.pdf"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('%PDF-1.4\n% foto\n').toString('base64'),
  '--grens',
  'Content-Type: application/octet-stream; name="setup.exe"',
  'Content-Disposition: attachment; filename="setup.exe"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('MZ\x90\x00binary').toString('base64'),
  '--grens--',
  '',
].join('\r\n');

describe.each(databaseKinds())('the intake queue on %s', (kind) => {
  let database: TestDatabase;
  let org: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  const deps = () => ({ db: database.handle.db, clock });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
  });
  afterAll(async () => database.close());

  async function mailItem(receivedAt: Date, subject: string): Promise<string> {
    return withTenant(database.handle.db, org.id, async (tx) => {
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
          internal_date: receivedAt,
          size_bytes: RAW_MAIL.length,
          raw: Buffer.from(RAW_MAIL),
          from_address: 'els.mulder@example.nl',
          subject,
          classification: 'complaint_candidate',
          status: 'processed',
          quarantine_reason: null,
          complaint_id: null,
          intake_item_id: null,
          bounced_message_id: null,
          created_at: clock.now(),
        })
        .execute();
      const id = newId();
      await tx
        .insertInto('intake_items')
        .values({
          organisation_id: org.id,
          id,
          channel: 'email',
          received_at: receivedAt,
          kind: 'unclassified',
          proposed_kind: 'complaint',
          proposal_reason: 'Herkend als klacht aan "ontevreden".',
          status: 'new',
          sender_name: 'Els Mulder',
          sender_email: 'els.mulder@example.nl',
          subject,
          body_text: 'Ik ben zeer ontevreden: niemand belt mij terug over mijn waterschade.',
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

  it('shows a form complaint without handler as new, with its acknowledgment date, until confirmed', async () => {
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      { channel: 'web_form', receivedAt: clock.now() },
      clock,
    );
    const queue = await listIntakeQueue(database.handle.db, org.coordinator.context, {
      includeDone: false,
      limit: 100,
    });
    const item = queue.find((i) => i.complaintId === complaint.id);
    expect(item).toMatchObject({
      kind: 'complaint',
      status: 'new',
      channel: 'web_form',
      acknowledgeBy: '2026-11-27',
    });
    await classifyIntakeItem(deps(), org.coordinator.context, item!.id, {
      kind: 'complaint',
      reason: 'Klopt.',
    });
    const after = await listIntakeQueue(database.handle.db, org.coordinator.context, {
      includeDone: false,
      limit: 100,
    });
    expect(after.find((i) => i.id === item!.id)).toBeUndefined();
  });

  it('turns a complaint into a question only through the coordinator, with a reason, on its record', async () => {
    const complaint = await createTestComplaint(database.handle.db, org, { channel: 'web_form' }, clock);
    const [item] = (
      await listIntakeQueue(database.handle.db, org.coordinator.context, { includeDone: false, limit: 100 })
    ).filter((i) => i.complaintId === complaint.id);
    await expect(
      classifyIntakeItem(deps(), org.handler.context, item!.id, {
        kind: 'question',
        reason: 'Is een vraag.',
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      classifyIntakeItem(deps(), org.coordinator.context, item!.id, { kind: 'question', reason: '  ' }),
    ).rejects.toMatchObject({
      status: 400,
    });
    await classifyIntakeItem(deps(), org.coordinator.context, item!.id, {
      kind: 'question',
      reason: 'De klant vraagt alleen of zonnepanelen zijn meeverzekerd.',
    });
    const state = await getProcedureState(deps(), org.coordinator.context, complaint.id);
    expect(state.complaint.status).toBe('reclassified');
    expect(state.clocks.find((c) => c.kind === 'acknowledgment')?.state).toBe('not_applicable');
    const events = await withTenant(database.handle.db, org.id, (tx) =>
      listDossierEvents(tx, org.id, complaint.id),
    );
    expect(events.at(-1)).toMatchObject({
      type: 'complaint.reclassified',
      data: { reclassifiedAs: 'question' },
    });
    const all = await listIntakeQueue(database.handle.db, org.auditor.context, {
      includeDone: true,
      limit: 100,
    });
    expect(all.find((i) => i.id === item!.id)).toMatchObject({
      kind: 'question',
      status: 'done',
      history: [expect.objectContaining({ from: 'complaint', to: 'question' })],
    });
  });

  it('opens an e-mail as a complaint received when the mail arrived, with message, raw copy and allowed attachments', async () => {
    const receivedAt = new Date('2026-11-23T07:12:30Z');
    const itemId = await mailItem(receivedAt, 'Klacht over de afhandeling van mijn schade');
    const complaint = await openIntakeItemAsComplaint(deps(), org.coordinator.context, itemId, {
      handlerId: org.handler.id,
    });
    expect(complaint).toMatchObject({
      channel: 'email',
      receivedAt,
      complainant: { email: 'els.mulder@example.nl' },
    });
    expect(complaint.description).toContain('niemand belt mij terug');
    const items = await listItems(deps(), org.coordinator.context, complaint.id);
    expect(items.map((i) => i.kind).toSorted()).toEqual(['attachment', 'attachment', 'message_in']);
    const names = items.flatMap((i) => i.documents.map((d) => d.fileName)).toSorted();
    expect(names).toEqual(['foto-schade.pdf', 'oorspronkelijk-bericht.eml']);
    const events = await withTenant(database.handle.db, org.id, (tx) =>
      listDossierEvents(tx, org.id, complaint.id),
    );
    expect(events.map((e) => e.type)).toContain('dossier.message_received');
    expect(events.find((e) => e.type === 'dossier.message_received')?.data).toMatchObject({
      skippedAttachments: 1,
    });
    await expect(
      openIntakeItemAsComplaint(deps(), org.coordinator.context, itemId, {}),
    ).rejects.toMatchObject({
      code: 'intake_item_already_handled',
    });
  });

  it('handles a cancellation request: own series, linked to a complaint, confirmed and processed', async () => {
    const itemId = await mailItem(new Date('2026-11-24T08:00:00Z'), 'Opzegging inboedelverzekering');
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      { handlerId: org.handler.id },
      clock,
    );
    const request = await openIntakeItemAsCancellation(deps(), org.handler.context, itemId, {
      policies: 'Inboedelverzekering polis 123-456',
      effectiveDate: parseLocalDate('2027-01-01'),
      complaintId: complaint.id,
    });
    expect(request).toMatchObject({
      reference: 'OP-2026-0001',
      status: 'received',
      complaint_id: complaint.id,
    });
    const events = await withTenant(database.handle.db, org.id, (tx) =>
      listDossierEvents(tx, org.id, complaint.id),
    );
    expect(events.at(-1)).toMatchObject({
      type: 'complaint.cancellation_linked',
      data: { cancellationRequestId: request.id },
    });

    const byPhone = await registerCancellationRequest(deps(), org.handler.context, {
      channel: 'phone',
      receivedAt: clock.now(),
      customerName: 'Kees Smit',
      customerEmail: null,
      policies: 'Autoverzekering',
      effectiveDate: null,
    });
    expect(byPhone.reference).toBe('OP-2026-0002');
    await linkCancellationToComplaint(deps(), org.handler.context, byPhone.id, complaint.id);
    // Linked to the wrong complaint at first: moving it says so in the former dossier too.
    const other = await createTestComplaint(database.handle.db, org, { handlerId: org.handler.id }, clock);
    await linkCancellationToComplaint(deps(), org.handler.context, byPhone.id, other.id);
    const lastEvent = (complaintId: string) =>
      withTenant(database.handle.db, org.id, async (tx) =>
        (await listDossierEvents(tx, org.id, complaintId)).at(-1),
      );
    expect(await lastEvent(complaint.id)).toMatchObject({
      type: 'complaint.cancellation_unlinked',
      data: { cancellationRequestId: byPhone.id, movedToComplaintId: other.id },
    });
    expect(await lastEvent(other.id)).toMatchObject({
      type: 'complaint.cancellation_linked',
      data: { cancellationRequestId: byPhone.id },
    });
    expect((await advanceCancellation(deps(), org.handler.context, byPhone.id, 'confirm')).status).toBe(
      'confirmed',
    );
    expect((await advanceCancellation(deps(), org.handler.context, byPhone.id, 'process')).status).toBe(
      'processed',
    );
    await expect(
      advanceCancellation(deps(), org.handler.context, byPhone.id, 'confirm'),
    ).rejects.toMatchObject({
      status: 409,
    });
    await expect(
      registerCancellationRequest(deps(), org.auditor.context, {
        channel: 'phone',
        receivedAt: clock.now(),
        customerName: 'X',
        customerEmail: null,
        policies: 'Y',
        effectiveDate: null,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
