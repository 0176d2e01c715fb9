import pino from 'pino';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { startSmtpServer, type SmtpTestServer } from '../../test/support/smtp-server.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { fixedClock } from '../clock.ts';
import { withTenant } from '../db/tenant.ts';
import { attachDocument } from '../dossier/attach-document.ts';
import { listDossierEvents } from '../dossier/event-log.repository.ts';
import { deriveSecrets } from '../secrets.ts';
import { enqueueMail } from './outbox.repository.ts';
import { sendDueMail, type OutboxDeps } from './outbox-sender.ts';
import { saveSmtpSettings } from './smtp-settings.service.ts';

const secrets = deriveSecrets(Buffer.alloc(32, 4));
const MINUTE = 60_000;

describe.each(databaseKinds())('the outbox on %s', (kind) => {
  let database: TestDatabase;
  let smtp: SmtpTestServer;
  let org: TestOrganisation;
  let complaintId: string;
  let documentId: string;
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  const deps = (): OutboxDeps => ({
    db: database.handle.db,
    clock,
    secrets,
    log: pino({ level: 'silent' }),
    smtpTimeouts: { connectionTimeout: 1000, greetingTimeout: 1000, socketTimeout: 1000 },
  });
  let counter = 0;
  const enqueue = async (overrides: { subject?: string; recipient?: string } = {}) => {
    counter++;
    const messageId = `<kw.test${counter}.${kind}@kantoor.nl>`;
    await withTenant(database.handle.db, org.id, (tx) =>
      enqueueMail(
        tx,
        org.id,
        {
          letterId: null,
          complaintId,
          messageId,
          recipient: overrides.recipient ?? 'jan@example.nl',
          subject: overrides.subject ?? 'Ontvangstbevestiging van uw klacht [KL-2026-0001]',
          textBody: 'Geachte heer De Vries,\n\nWij hebben uw klacht ontvangen.',
          attachments: [{ documentId, fileName: 'ontvangstbevestiging.pdf', mediaType: 'application/pdf' }],
          automatic: true,
        },
        clock.now(),
      ),
    );
    return messageId;
  };
  const outboxRow = (messageId: string) =>
    withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('outbox')
        .selectAll()
        .where('organisation_id', '=', org.id)
        .where('message_id', '=', messageId)
        .executeTakeFirstOrThrow(),
    );

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    smtp = await startSmtpServer();
    org = await createTestOrganisation(database.handle.db, clock);
    await saveSmtpSettings({ db: database.handle.db, clock, secrets }, org.admin.context, {
      host: smtp.host,
      port: smtp.port,
      secure: false,
      username: null,
      fromAddress: 'klachten@kantoor.nl',
      fromName: 'Klachtencoördinator Kantoor',
      replyTo: null,
    });
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      { handlerId: org.handler.id },
      clock,
    );
    complaintId = complaint.id;
    documentId = await withTenant(
      database.handle.db,
      org.id,
      async (tx) =>
        (
          await attachDocument(
            tx,
            org.id,
            complaintId,
            { kind: 'system', id: null },
            null,
            {
              fileName: 'ontvangstbevestiging.pdf',
              mediaType: 'application/pdf',
              content: Buffer.from('%PDF-1.4\n%brief\n'),
              title: 'Brief',
              kind: 'letter',
            },
            clock.now(),
          )
        ).documentId,
    );
  });
  afterAll(async () => {
    await smtp.stop();
    await database.close();
  });
  beforeEach(() => smtp.acceptAll());

  it('sends with our Message-ID, the PDF, and the headers that keep auto-responders quiet', async () => {
    const messageId = await enqueue();
    const before = smtp.received.length;
    expect(await sendDueMail(deps())).toMatchObject({ sent: 1 });
    const [sent] = smtp.received.slice(before);
    const parsed = await simpleParser(sent!.raw);
    expect(parsed.messageId).toBe(messageId);
    expect(parsed.subject).toBe('Ontvangstbevestiging van uw klacht [KL-2026-0001]');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.headers.get('x-auto-response-suppress')).toBe('All');
    expect(parsed.from?.text).toContain('Klachtencoördinator Kantoor');
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['ontvangstbevestiging.pdf']);
    expect(sent!.envelope.rcptTo).toEqual(['jan@example.nl']);
    expect((await outboxRow(messageId)).status).toBe('sent');
  });

  it('keeps CR/LF out of headers: no Bcc smuggled through a subject', async () => {
    await enqueue({ subject: 'Klacht\r\nBcc: inbreker@example.nl' });
    const before = smtp.received.length;
    await sendDueMail(deps());
    const [sent] = smtp.received.slice(before);
    expect(sent!.envelope.rcptTo).toEqual(['jan@example.nl']);
    const parsed = await simpleParser(sent!.raw);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.subject).toBe('Klacht Bcc: inbreker@example.nl');
  });

  it('retries after a 4xx with backoff, then sends once under the same Message-ID', async () => {
    smtp.answerNext(1, 'temporary_failure');
    const messageId = await enqueue();
    expect(await sendDueMail(deps())).toMatchObject({ retried: 1 });
    const waiting = await outboxRow(messageId);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(new Date(waiting.next_attempt_at).getTime()).toBe(clock.now().getTime() + MINUTE);
    expect(await sendDueMail(deps())).toMatchObject({ sent: 0, retried: 0 });
    clock.advance(MINUTE);
    expect(await sendDueMail(deps())).toMatchObject({ sent: 1 });
    const accepted = smtp.received.filter((m) => m.raw.includes(messageId));
    expect(accepted).toHaveLength(1);
  });

  it('stops after a 5xx: letter undeliverable in the dossier, the handler told', async () => {
    smtp.answerNext(1, 'permanent_failure');
    const messageId = await enqueue({ recipient: 'bestaat-niet@example.nl' });
    expect(await sendDueMail(deps())).toMatchObject({ failed: 1 });
    expect(await outboxRow(messageId)).toMatchObject({ status: 'failed' });
    clock.advance(24 * 60 * MINUTE);
    expect(await sendDueMail(deps())).toMatchObject({ sent: 0, failed: 0 });
    const events = await withTenant(database.handle.db, org.id, (tx) =>
      listDossierEvents(tx, org.id, complaintId),
    );
    expect(events.at(-1)?.type).toBe('letter.undeliverable');
    const notes = await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('notifications')
        .select(['user_id', 'kind'])
        .where('organisation_id', '=', org.id)
        .where('kind', '=', 'letter_undeliverable')
        .execute(),
    );
    expect(notes).toEqual([{ user_id: org.handler.id, kind: 'letter_undeliverable' }]);
  });

  it('keeps mail waiting while the server is down, and records why', async () => {
    const other = await createTestOrganisation(database.handle.db, clock);
    await saveSmtpSettings({ db: database.handle.db, clock, secrets }, other.admin.context, {
      host: '127.0.0.1',
      port: 1,
      secure: false,
      username: null,
      fromAddress: 'klachten@ander.nl',
      fromName: 'Ander kantoor',
      replyTo: null,
    });
    const otherComplaint = await createTestComplaint(database.handle.db, other, {}, clock);
    await withTenant(database.handle.db, other.id, (tx) =>
      enqueueMail(
        tx,
        other.id,
        {
          letterId: null,
          complaintId: otherComplaint.id,
          messageId: `<down.${kind}@ander.nl>`,
          recipient: 'a@example.nl',
          subject: 'x',
          textBody: 'y',
          attachments: [],
          automatic: false,
        },
        clock.now(),
      ),
    );
    expect(await sendDueMail(deps())).toMatchObject({ retried: 1 });
    const state = await withTenant(database.handle.db, other.id, (tx) =>
      tx
        .selectFrom('smtp_settings')
        .select('last_error')
        .where('organisation_id', '=', other.id)
        .executeTakeFirstOrThrow(),
    );
    expect(state.last_error).toBe('De mailserver is niet bereikbaar.');
    const row = await withTenant(database.handle.db, other.id, (tx) =>
      tx
        .selectFrom('outbox')
        .select(['status', 'attempts'])
        .where('organisation_id', '=', other.id)
        .executeTakeFirstOrThrow(),
    );
    expect(row).toEqual({ status: 'pending', attempts: 1 });
  });

  it('survives a hanging server, and says so', async () => {
    smtp.answerNext(1, 'hang');
    const hanging = await enqueue();
    expect(await sendDueMail(deps())).toMatchObject({ retried: 1 });
    expect((await outboxRow(hanging)).last_error).toContain('mailserver');
    const settings = await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('smtp_settings')
        .select(['last_error'])
        .where('organisation_id', '=', org.id)
        .executeTakeFirstOrThrow(),
    );
    expect(settings.last_error).not.toBeNull();
    clock.advance(MINUTE);
    expect(await sendDueMail(deps())).toMatchObject({ sent: 1 });
  });

  it('after a crash between SMTP 250 and marking it sent, sends it again with the same Message-ID', async () => {
    const messageId = await enqueue();
    // The process claimed the mail, the server accepted it, and then the process died.
    const { claimDueMail } = await import('./outbox.repository.ts');
    const [claimed] = await claimDueMail(database.handle.db, clock.now(), 10);
    expect(claimed?.message_id).toBe(messageId);
    expect(await sendDueMail(deps())).toMatchObject({ sent: 0 });
    clock.advance(3 * MINUTE);
    expect(await sendDueMail(deps())).toMatchObject({ sent: 1 });
    expect((await outboxRow(messageId)).status).toBe('sent');
  });
});
