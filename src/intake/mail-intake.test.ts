import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { startImapServer, type ImapServer } from '../../test/support/imap-server.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { fixedClock } from '../clock.ts';
import { withTenant } from '../db/tenant.ts';
import { listDossierEvents } from '../dossier/event-log.repository.ts';
import { createSignedMessageId } from '../mail/message-id-signature.ts';
import { deriveSecrets } from '../secrets.ts';
import { listIntakeQueue } from './intake.service.ts';
import { pollMailbox, reprocessQuarantinedMail, type MailIntakeDeps } from './mail-intake.ts';
import { watchMailbox } from './mailbox-watcher.ts';
import { createMailbox, setMailboxEnabled, testMailbox } from './mailbox.service.ts';

const secrets = deriveSecrets(Buffer.alloc(32, 9));

function mail(headers: Record<string, string>, body: string): string {
  const lines = Object.entries({
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=utf-8',
    ...headers,
  }).map(([name, value]) => `${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\n${body.replaceAll('\n', '\r\n')}\r\n`;
}

describe.each(databaseKinds())('e-mail intake from a real IMAP server on %s', (kind) => {
  let database: TestDatabase;
  let imap: ImapServer;
  let org: TestOrganisation;
  let mailboxId: string;
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  const deps = (): MailIntakeDeps => ({
    db: database.handle.db,
    clock,
    secrets,
    log: pino({ level: 'silent' }),
    maxMessageBytes: 10 * 1024 * 1024,
    maxAttachmentBytes: 5 * 1024 * 1024,
  });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    imap = await startImapServer();
    await imap.addUser('klachten', 'geheim-wachtwoord');
    org = await createTestOrganisation(database.handle.db, clock);
    const mailbox = await createMailbox({ db: database.handle.db, clock, secrets }, org.admin.context, {
      name: 'Klachten',
      host: imap.host,
      port: imap.port,
      secure: false,
      username: 'klachten',
      password: 'geheim-wachtwoord',
      ourAddresses: ['klachten@kantoor.nl'],
    });
    mailboxId = mailbox.id;
  });
  afterAll(async () => {
    await imap.stop();
    await database.close();
  });

  const stored = () =>
    withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('mail_messages')
        .select([
          'message_key',
          'classification',
          'status',
          'internal_date',
          'complaint_id',
          'intake_item_id',
          'uid_validity',
        ])
        .where('organisation_id', '=', org.id)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
    );

  it('tests the connection and says in Dutch what is wrong', async () => {
    expect(await testMailbox({ db: database.handle.db, secrets }, org.admin.context, mailboxId)).toEqual({
      ok: true,
      message: 'De verbinding werkt.',
    });
    const wrong = await createMailbox({ db: database.handle.db, clock, secrets }, org.admin.context, {
      name: 'Fout',
      host: imap.host,
      port: imap.port,
      secure: false,
      username: 'klachten',
      password: 'fout',
      ourAddresses: [],
    });
    expect(await testMailbox({ db: database.handle.db, secrets }, org.admin.context, wrong.id)).toMatchObject(
      {
        ok: false,
        message: expect.stringContaining('wachtwoord'),
      },
    );
    const report = await pollMailbox(deps(), org.id, wrong.id);
    expect(report.error).toContain('wachtwoord');
    await setMailboxEnabled(database.handle.db, org.admin.context, wrong.id, false);
  });

  it('takes in each kind of mail once, at its INTERNALDATE, and sorts it', async () => {
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      { complainant: { name: 'Jan de Vries', email: 'jan@example.nl' }, handlerId: org.handler.id },
      clock,
    );
    const ourId = createSignedMessageId(
      { organisationId: org.id, complaintId: complaint.id },
      secrets.messageIdKey,
      'kantoor.nl',
    );
    const forged = ourId.replace(/\.[A-Za-z0-9_-]{22}@/, '.AAAAAAAAAAAAAAAAAAAAAA@');
    const internalDate = new Date('2026-11-20T21:45:00Z');
    const messages: Array<[string, string]> = [
      [
        'complaint',
        mail(
          {
            From: 'Anna Bakker <anna@example.nl>',
            To: 'klachten@kantoor.nl',
            Subject: 'Klacht over mijn polis',
            'Message-ID': '<a1@example.nl>',
            Date: 'Mon, 1 Jan 2001 00:00:00 +0000',
          },
          'Ik ben ontevreden over de premie.',
        ),
      ],
      [
        'duplicate in same box',
        mail(
          {
            From: 'Anna Bakker <anna@example.nl>',
            Subject: 'Klacht over mijn polis',
            'Message-ID': '<a1@example.nl>',
          },
          'Ik ben ontevreden over de premie.',
        ),
      ],
      [
        'no message id',
        mail(
          { From: 'piet@example.nl', Subject: 'Opzegging autoverzekering' },
          'Hierbij zeg ik mijn autoverzekering op.',
        ),
      ],
      [
        'out of office',
        mail(
          {
            From: 'kees@example.nl',
            Subject: 'Afwezigheidsmelding',
            'Auto-Submitted': 'auto-replied',
            'Message-ID': '<oof@example.nl>',
          },
          'Ik ben tot maandag afwezig.',
        ),
      ],
      [
        'list mail',
        mail(
          {
            From: 'nieuws@example.nl',
            Subject: 'Nieuwsbrief',
            'List-Id': '<nieuws.example.nl>',
            'Message-ID': '<list@example.nl>',
          },
          'Nieuws.',
        ),
      ],
      [
        'own mail',
        mail(
          { From: 'klachten@kantoor.nl', Subject: 'Uw klacht', 'Message-ID': '<own@kantoor.nl>' },
          'Wij hebben uw klacht ontvangen.',
        ),
      ],
      [
        'reply on our id',
        mail(
          {
            From: 'jan@example.nl',
            Subject: 'Re: uw brief',
            'In-Reply-To': ourId,
            'Message-ID': '<r1@example.nl>',
          },
          'Hierbij het polisnummer: 12345.',
        ),
      ],
      [
        'forged reply',
        mail(
          {
            From: 'boef@example.nl',
            Subject: 'Re: uw brief',
            'In-Reply-To': forged,
            'Message-ID': '<r2@example.nl>',
          },
          'Geef mij het dossier.',
        ),
      ],
      [
        'tag from a stranger',
        mail(
          {
            From: 'boef@example.nl',
            Subject: `Re: [${complaint.reference}] uw klacht`,
            'Message-ID': '<r3@example.nl>',
          },
          'Geef mij het dossier.',
        ),
      ],
      [
        'tag from the complainant',
        mail(
          {
            From: 'Jan de Vries <JAN@example.nl>',
            Subject: `Re: [${complaint.reference}] uw klacht`,
            'Message-ID': '<r4@example.nl>',
          },
          'Nog een aanvulling.',
        ),
      ],
      [
        'script in html',
        mail(
          {
            From: 'x@example.nl',
            Subject: 'Klacht',
            'Message-ID': '<h1@example.nl>',
            'Content-Type': 'text/html; charset=utf-8',
          },
          '<p>Klacht</p><img src=x onerror=alert(1)><script>alert(2)</script>',
        ),
      ],
      [
        'wrong charset',
        mail(
          {
            From: 'y@example.nl',
            Subject: '=?iso-8859-1?Q?Klacht_over_=E9=E9n_ding?=',
            'Message-ID': '<c1@example.nl>',
            'Content-Type': 'text/plain; charset=iso-8859-1',
          },
          'Caf\u00e9',
        ),
      ],
      ['garbage', '\u0000\u0001\u0002 geen mail'],
    ];
    for (const [, raw] of messages) await imap.append('klachten', 'INBOX', raw, { internalDate });

    const first = await pollMailbox(deps(), org.id, mailboxId);
    expect(first.error).toBeNull();
    expect(first.fetched).toBe(messages.length);
    expect(first.duplicates).toBe(1);
    const rows = await stored();
    expect(rows).toHaveLength(messages.length - 1);
    expect(rows.every((r) => new Date(r.internal_date).getTime() === internalDate.getTime())).toBe(true);
    const byKey = new Map(rows.map((r) => [r.message_key, r]));
    expect(byKey.get('<a1@example.nl>')?.classification).toBe('complaint_candidate');
    expect(byKey.get('<oof@example.nl>')?.classification).toBe('auto_reply');
    expect(byKey.get('<list@example.nl>')?.classification).toBe('auto_reply');
    expect(byKey.get('<own@kantoor.nl>')).toMatchObject({
      classification: 'own_mail',
      status: 'quarantined',
    });
    expect(byKey.get('<r1@example.nl>')).toMatchObject({
      classification: 'reply',
      complaint_id: complaint.id,
    });
    expect(byKey.get('<r2@example.nl>')).toMatchObject({
      classification: 'complaint_candidate',
      complaint_id: null,
    });
    expect(byKey.get('<r3@example.nl>')).toMatchObject({
      classification: 'complaint_candidate',
      complaint_id: null,
    });
    expect(byKey.get('<r4@example.nl>')).toMatchObject({
      classification: 'reply',
      complaint_id: complaint.id,
    });
    expect(
      rows.find((r) => r.message_key.startsWith('sha256:') && r.classification === 'complaint_candidate'),
    ).toBeDefined();
    expect(rows.filter((r) => r.classification === 'unparseable' && r.status === 'quarantined')).toHaveLength(
      1,
    );

    // The queue gets the candidates, with the moment of receipt of the mail server, never the Date header.
    const queue = await listIntakeQueue(database.handle.db, org.coordinator.context, {
      includeDone: false,
      limit: 100,
    });
    const fromMail = queue.filter((i) => i.channel === 'email');
    expect(fromMail.every((i) => i.receivedAt.getTime() === internalDate.getTime())).toBe(true);
    expect(fromMail.find((i) => i.subject === 'Opzegging autoverzekering')?.proposedKind).toBe(
      'cancellation',
    );
    expect(fromMail.find((i) => i.senderEmail === 'anna@example.nl')?.proposedKind).toBe('complaint');
    expect(fromMail.find((i) => i.senderEmail === 'x@example.nl')?.preview).not.toContain('<script>');
    expect(fromMail.find((i) => i.senderEmail === 'y@example.nl')?.subject).toBe('Klacht over één ding');
    expect(
      fromMail.some((i) => i.senderEmail === 'kees@example.nl' || i.senderEmail === 'klachten@kantoor.nl'),
    ).toBe(false);

    // Replies land in their dossier; nothing from the forged or stranger mail does.
    const events = await withTenant(database.handle.db, org.id, (tx) =>
      listDossierEvents(tx, org.id, complaint.id),
    );
    const received = events.filter((e) => e.type === 'dossier.message_received');
    expect(received.map((e) => (e.data as { via: string }).via).toSorted()).toEqual([
      'reference_tag',
      'signed_message_id',
    ]);

    // The coordinators hear about the quarantine; polling again finds nothing new.
    const notes = await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('notifications')
        .select(['user_id', 'kind'])
        .where('organisation_id', '=', org.id)
        .execute(),
    );
    expect(
      notes.filter((n) => n.kind === 'mail_quarantined' && n.user_id === org.coordinator.id),
    ).toHaveLength(2);
    expect(notes.filter((n) => n.kind === 'mail_received' && n.user_id === org.handler.id)).toHaveLength(2);
    const second = await pollMailbox(deps(), org.id, mailboxId);
    expect(second).toMatchObject({ fetched: 0, stored: 0 });
    expect(await stored()).toHaveLength(rows.length);
  });

  it(
    'recognises a bounce of our letter and quarantines a 50 MB message without losing it',
    { timeout: 180_000 },
    async () => {
      const complaint = await createTestComplaint(
        database.handle.db,
        org,
        { handlerId: org.handler.id },
        clock,
      );
      const ourId = createSignedMessageId(
        { organisationId: org.id, complaintId: complaint.id },
        secrets.messageIdKey,
        'kantoor.nl',
      );
      const boundary = 'rapport';
      const bounce = [
        'From: Mail Delivery System <MAILER-DAEMON@example.nl>',
        'To: klachten@kantoor.nl',
        'Subject: Undelivered Mail Returned to Sender',
        'Message-ID: <bounce1@example.nl>',
        'MIME-Version: 1.0',
        `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
        '',
        `--${boundary}`,
        'Content-Type: text/plain',
        '',
        'Delivery failed.',
        `--${boundary}`,
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.nl',
        '',
        'Final-Recipient: rfc822; jan@example.nl',
        'Action: failed',
        'Status: 5.1.1',
        `--${boundary}`,
        'Content-Type: text/rfc822-headers',
        '',
        `Message-ID: ${ourId}`,
        'Subject: Ontvangstbevestiging',
        `--${boundary}--`,
        '',
      ].join('\r\n');
      await imap.append('klachten', 'INBOX', bounce);
      const huge = mail(
        { From: 'groot@example.nl', Subject: 'Klacht met grote bijlage', 'Message-ID': '<huge@example.nl>' },
        'x'.repeat(50 * 1024 * 1024),
      );
      await imap.append('klachten', 'INBOX', huge);
      const report = await pollMailbox(deps(), org.id, mailboxId);
      expect(report.byClassification).toMatchObject({ bounce: 1, oversized: 1 });
      const rows = await stored();
      expect(
        rows.find((r) => r.message_key === '<huge@example.nl>' && r.classification === 'oversized'),
      ).toMatchObject({
        status: 'quarantined',
      });
      const events = await withTenant(database.handle.db, org.id, (tx) =>
        listDossierEvents(tx, org.id, complaint.id),
      );
      expect(events.at(-1)).toMatchObject({ type: 'mail.bounce_received' });
      const kept = await withTenant(database.handle.db, org.id, (tx) =>
        tx
          .selectFrom('mail_messages')
          .select('size_bytes')
          .where('organisation_id', '=', org.id)
          .where('classification', '=', 'oversized')
          .executeTakeFirstOrThrow(),
      );
      expect(kept.size_bytes).toBeGreaterThan(50 * 1024 * 1024);

      // The coordinator has it processed after all: it joins the queue at its original moment.
      const quarantined = await withTenant(database.handle.db, org.id, (tx) =>
        tx
          .selectFrom('mail_messages')
          .select(['id', 'internal_date'])
          .where('organisation_id', '=', org.id)
          .where('message_key', '=', '<own@kantoor.nl>')
          .executeTakeFirstOrThrow(),
      );
      expect(
        await reprocessQuarantinedMail(deps(), org.id, quarantined.id, { acceptOwnAddress: false }),
      ).toBe('own_mail');
      expect(await reprocessQuarantinedMail(deps(), org.id, quarantined.id, { acceptOwnAddress: true })).toBe(
        'complaint_candidate',
      );
      const queue = await listIntakeQueue(database.handle.db, org.coordinator.context, {
        includeDone: false,
        limit: 200,
      });
      expect(queue.find((i) => i.senderEmail === 'klachten@kantoor.nl')?.receivedAt).toEqual(
        new Date(quarantined.internal_date),
      );
      await expect(
        reprocessQuarantinedMail(deps(), org.id, quarantined.id, { acceptOwnAddress: true }),
      ).rejects.toMatchObject({
        code: 'mail_not_quarantined',
      });
    },
  );

  it('gives no duplicates when the mailbox is recreated with a new UIDVALIDITY', async () => {
    const before = await stored();
    const { uidValidity } = await imap.recreateMailbox('klachten', 'INBOX');
    await imap.append(
      'klachten',
      'INBOX',
      mail({ From: 'nieuw@example.nl', Subject: 'Klacht', 'Message-ID': '<new@example.nl>' }, 'Nieuw.'),
    );
    const report = await pollMailbox(deps(), org.id, mailboxId);
    expect(report.stored).toBe(1);
    expect(report.duplicates).toBe(before.length + 1);
    const after = await stored();
    expect(after).toHaveLength(before.length + 1);
    expect(Number(after.at(-1)!.uid_validity)).toBe(uidValidity);
  });

  it('after a crash between storing and flagging, reads the message again and stores it once', async () => {
    await imap.append(
      'klachten',
      'INBOX',
      mail(
        { From: 'crash@example.nl', Subject: 'Klacht', 'Message-ID': '<crash@example.nl>' },
        'Na de crash.',
      ),
    );
    const count = (await stored()).length;
    // Simulate the crash: the store committed, but the mailbox's UID bookmark and the server flag did not move.
    await pollMailbox(deps(), org.id, mailboxId);
    await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .updateTable('mailboxes')
        .set({ last_seen_uid: 0 })
        .where('organisation_id', '=', org.id)
        .where('id', '=', mailboxId)
        .execute(),
    );
    const again = await pollMailbox(deps(), org.id, mailboxId);
    expect(again.stored).toBe(0);
    expect(await stored()).toHaveLength(count + 1);
  });
});

describe('IMAP IDLE', () => {
  it('takes in new mail within seconds of its arrival, without waiting for the poll', async () => {
    const database = await openTestDatabase('pglite');
    const imap = await startImapServer();
    const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
    const log = pino({ level: 'silent' });
    try {
      await imap.addUser('klachten', 'geheim');
      const org = await createTestOrganisation(database.handle.db, clock);
      const mailbox = await createMailbox({ db: database.handle.db, clock, secrets }, org.admin.context, {
        name: 'Klachten',
        host: imap.host,
        port: imap.port,
        secure: false,
        username: 'klachten',
        password: 'geheim',
        ourAddresses: [],
      });
      await imap.append(
        'klachten',
        'INBOX',
        mail({ From: 'eerst@example.nl', Subject: 'Klacht', 'Message-ID': '<i0@example.nl>' }, 'Eerst.'),
      );
      const deps: MailIntakeDeps = {
        db: database.handle.db,
        clock,
        secrets,
        log,
        maxMessageBytes: 1024 * 1024,
        maxAttachmentBytes: 1024 * 1024,
      };
      const row = await withTenant(database.handle.db, org.id, (tx) =>
        tx
          .selectFrom('mailboxes')
          .selectAll()
          .where('organisation_id', '=', org.id)
          .where('id', '=', mailbox.id)
          .executeTakeFirstOrThrow(),
      );
      const watcher = watchMailbox(deps, row, log);
      const queued = async () =>
        (
          await listIntakeQueue(database.handle.db, org.coordinator.context, {
            includeDone: false,
            limit: 10,
          })
        ).length;
      const waitFor = async (count: number) => {
        const deadline = Date.now() + 15_000;
        while (Date.now() < deadline && (await queued()) < count)
          await new Promise((r) => setTimeout(r, 100));
        return queued();
      };
      expect(await waitFor(1)).toBe(1);
      await imap.append(
        'klachten',
        'INBOX',
        mail({ From: 'daarna@example.nl', Subject: 'Klacht', 'Message-ID': '<i1@example.nl>' }, 'Daarna.'),
      );
      expect(await waitFor(2)).toBe(2);
      await watcher.stop();
    } finally {
      await imap.stop();
      await database.close();
    }
  });
});
