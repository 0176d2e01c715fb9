import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { withTenant } from '../../src/db/tenant.ts';
import { sendDueMail } from '../../src/letters/outbox-sender.ts';
import { saveSmtpSettings } from '../../src/letters/smtp-settings.service.ts';
import { takeStep } from '../../src/procedure/procedure.service.ts';
import { deriveSecrets } from '../../src/secrets.ts';
import { createTestComplaint, createTestOrganisation, type TestOrganisation } from '../support/factories.ts';
import { startSmtpServer, type SmtpAttempt, type SmtpTestServer } from '../support/smtp-server.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/test-database.ts';

const secrets = deriveSecrets(Buffer.alloc(32, 9));
const THIEF = 'dief@evil.example';
/** Line breaks of every kind a mail header could be split with, each followed by a header of its own. */
const INJECTIONS = [
  `\r\nBcc: ${THIEF}`,
  `\nBcc: ${THIEF}`,
  `\rX-Injected: cr`,
  `\u2028X-Injected: ls`,
  `\r\n\r\nInjected body`,
];

interface Header {
  name: string;
  value: string;
}

/** The header section of a raw message, unfolded (RFC 5322 §2.2.3), one entry per header. */
function headersOf(raw: Buffer): Header[] {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const unfolded = text.slice(0, end).replace(/\r\n[ \t]+/g, ' ');
  return unfolded.split('\r\n').map((line) => {
    const colon = line.indexOf(':');
    return { name: line.slice(0, colon).toLowerCase(), value: line.slice(colon + 1).trim() };
  });
}

/**
 * CRLF in every field that reaches an outgoing mail's header (the complainant's address, the
 * sender's name and reply address from the settings) or its letter (name, product, description,
 * staff text): the message the real SMTP listener receives has exactly its own headers, and the
 * envelope goes to the complainant alone. Values the API would refuse are written into the database
 * directly, so the sender's own defence is what is tested.
 */
describe.each(databaseKinds())('header injection into outgoing mail on %s', (kind) => {
  let database: TestDatabase;
  let smtp: SmtpTestServer;
  let org: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  const letters = { secrets, publicBaseUrl: 'https://klachten.example.nl' };
  const deps = () => ({ db: database.handle.db, clock, letters });
  const send = () => sendDueMail({ db: database.handle.db, clock, secrets, log: pino({ level: 'silent' }) });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    smtp = await startSmtpServer();
    org = await createTestOrganisation(database.handle.db, clock);
    await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .updateTable('organisations')
        .set({
          name: 'Kantoor',
          email: 'klachten@kantoor.example',
          phone: '020-1234567',
          street: 'Dam 1',
          postal_code: '1012 JS',
          city: 'Amsterdam',
          kifid_affiliation_number: '300.000001',
        })
        .where('id', '=', org.id)
        .execute(),
    );
    await saveSmtpSettings({ db: database.handle.db, clock, secrets }, org.admin.context, {
      host: smtp.host,
      port: smtp.port,
      secure: false,
      username: null,
      fromAddress: 'klachten@kantoor.example',
      fromName: 'Klachten',
      replyTo: 'antwoord@kantoor.example',
    });
  });
  afterAll(async () => {
    await smtp?.stop();
    await database?.close();
  });

  function expectClean(message: SmtpAttempt, recipient: string) {
    const headers = headersOf(message.raw);
    const names = headers.map((h) => h.name);
    expect(names).not.toContain('bcc');
    expect(names).not.toContain('x-injected');
    // A reply address that is more than one address is left out rather than sent along.
    expect(headers.filter((h) => h.name === 'reply-to').map((h) => h.value)).not.toContain(
      expect.stringContaining(THIEF),
    );
    for (const single of ['from', 'to', 'subject', 'message-id'])
      expect(
        names.filter((n) => n === single),
        single,
      ).toHaveLength(1);
    expect(headers.find((h) => h.name === 'to')!.value).toBe(recipient);
    expect(message.envelope.rcptTo).toEqual([recipient]);
    // The header section did not end early: the message's own MIME headers are still in it.
    expect(names).toContain('mime-version');
    expect(names).toContain('content-type');
  }

  it('keeps line breaks in letter fields and settings out of the headers', async () => {
    const hostile = (label: string) => INJECTIONS.map((i) => `${label}${i}`).join(' ');
    await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .updateTable('smtp_settings')
        .set({ from_name: hostile('Klachten'), reply_to: `antwoord@kantoor.example\r\nBcc: ${THIEF}` })
        .where('organisation_id', '=', org.id)
        .execute(),
    );
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      {
        receivedAt: clock.now(),
        handlerId: org.handler.id,
        complainant: { name: hostile('Jan de Vries'), email: 'jan@example.nl' },
        product: hostile('Autoverzekering'),
        description: hostile('Mijn schade'),
      },
      clock,
    );
    await takeStep(deps(), org.handler.context, complaint.id, {
      action: 'acknowledge',
      letterFields: { complaintSummary: hostile('u bent ontevreden') },
    });
    expect(await send()).toMatchObject({ sent: 1 });
    const [message] = await smtp.waitForMessages(1);
    expectClean(message!, 'jan@example.nl');
  });

  it('sends to the one address on the dossier, even when a stored address carries a second one', async () => {
    const before = smtp.received.length;
    const stored = [
      `jan@example.nl\r\nBcc: ${THIEF}`,
      `jan@example.nl\nCc: ${THIEF}`,
      `jan@example.nl, ${THIEF}`,
      `jan@example.nl ${THIEF}`,
      `"${THIEF}" <jan@example.nl>`,
    ];
    const refused: string[] = [];
    for (const email of stored) {
      const complaint = await createTestComplaint(
        database.handle.db,
        org,
        {
          receivedAt: clock.now(),
          handlerId: org.handler.id,
          complainant: { name: 'Jan', email: 'jan@example.nl' },
        },
        clock,
      );
      await withTenant(database.handle.db, org.id, async (tx) => {
        const row = await tx
          .selectFrom('complaints')
          .select('complainant_id')
          .where('organisation_id', '=', org.id)
          .where('id', '=', complaint.id)
          .executeTakeFirstOrThrow();
        await tx
          .updateTable('complainants')
          .set({ email })
          .where('organisation_id', '=', org.id)
          .where('id', '=', row.complainant_id)
          .execute();
      });
      // Refusing to write the letter is as good as sending it to the one address.
      await takeStep(deps(), org.handler.context, complaint.id, { action: 'acknowledge' }).catch(
        (error: unknown) => refused.push(`${email}: ${String(error)}`),
      );
    }
    // Not sent at all: the letter is undeliverable, so the handler hears of it and can send it by post.
    const report = await send();
    const sent = smtp.received.slice(before);
    expect(sent.length + refused.length + report.failed, refused.join('\n')).toBe(stored.length);
    for (const message of sent) {
      expect(message.envelope.rcptTo.join(' ')).not.toContain(THIEF);
      const names = headersOf(message.raw).map((h) => h.name);
      expect(names).not.toContain('bcc');
      expect(names).not.toContain('cc');
    }
    expect(smtp.attempts.flatMap((a) => a.envelope.rcptTo)).not.toContain(THIEF);
  });
});
