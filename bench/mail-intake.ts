import { sql, type Kysely } from 'kysely';
import { ImapFlow } from 'imapflow';
import pino from 'pino';
import { setTimeout as sleep } from 'node:timers/promises';
import { systemClock } from '../src/clock.ts';
import type { Database } from '../src/db/schema.ts';
import { createMailbox } from '../src/intake/mailbox.service.ts';
import { watchMailbox } from '../src/intake/mailbox-watcher.ts';
import { deriveSecrets } from '../src/secrets.ts';
import { startImapServer } from '../test/support/imap-server.ts';
import type { GeneratedOrganisation } from './data/generate.ts';
import { summarise, type Latency } from './lib/stats.ts';

export interface MailResult {
  /** As fast as Dovecot takes them: throughput, and the latency of a queue that builds up. */
  messages: number;
  perSecond: number;
  latency: Latency;
  /** At a steady rate below the throughput: the latency a complainant's mail sees. */
  paced: { messages: number; ratePerSecond: number; latency: Latency };
}

const PASSWORD = 'bench-wachtwoord';

function message(index: number, runId: string): string {
  return [
    `From: Klager ${index} <klager${index}@example.nl>`,
    'To: klachten@bench.example',
    `Subject: Klacht ${runId}-${index} over mijn woonhuisverzekering`,
    `Message-ID: <bench-${runId}-${index}@example.nl>`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Geachte heer, mevrouw,',
    '',
    'Op 3 november heb ik waterschade gemeld. De schade-expert is na drie weken nog niet langs',
    'geweest en niemand belt terug. Ik wil dat de schade deze maand wordt opgenomen.',
    '',
    'Met vriendelijke groet,',
    `Klager ${index}`,
    '',
  ].join('\r\n');
}

/**
 * A real Dovecot, the product's IMAP IDLE watcher and its exactly-once intake against the bench
 * database (in this process), and a second IMAP connection that first delivers `count` messages as
 * fast as the server takes them (throughput: first APPEND to last stored), then `paced.messages` at
 * a steady rate (latency without a queue of our own making). Latency runs from the end of each
 * APPEND to the stored row's created_at (the product's clock, the same machine).
 */
export async function benchMailIntake(
  db: Kysely<Database>,
  organisation: GeneratedOrganisation,
  count: number,
  paced: { messages: number; ratePerSecond: number },
): Promise<MailResult> {
  const imap = await startImapServer();
  const secrets = deriveSecrets(Buffer.alloc(32, 7));
  const runId = Math.random().toString(36).slice(2, 8);
  const user = `klachten${runId}`;
  await imap.addUser(user, PASSWORD);
  const coordinator = {
    organisationId: organisation.id,
    userId: null,
    roles: ['admin' as const],
    actor: { kind: 'system' as const, id: null },
  };
  const view = await createMailbox({ db, clock: systemClock, secrets }, coordinator, {
    name: `Bench ${runId}`,
    host: imap.host,
    port: imap.port,
    secure: false,
    username: user,
    password: PASSWORD,
    ourAddresses: ['klachten@bench.example'],
  });
  const row = await db
    .selectFrom('mailboxes')
    .selectAll()
    .where('organisation_id', '=', organisation.id)
    .where('id', '=', view.id)
    .executeTakeFirstOrThrow();
  const log = pino({ level: 'silent' });
  const watcher = watchMailbox(
    {
      db,
      clock: systemClock,
      secrets,
      log,
      maxMessageBytes: 10 * 1024 * 1024,
      maxAttachmentBytes: 5 * 1024 * 1024,
    },
    row,
    log,
  );
  const sender = new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user, pass: PASSWORD },
    logger: false,
  });
  try {
    await sender.connect();
    await sleep(1500); // the watcher's IDLE is in place
    let sent = 0;
    /** Delivers `n` messages (at `rate` per second, or at once) and waits until each is stored. */
    const deliver = async (n: number, rate: number | null) => {
      const appended = new Map<string, number>();
      const first = Date.now();
      for (let i = 0; i < n; i++) {
        if (rate !== null) {
          const due = first + (i * 1000) / rate;
          if (due > Date.now()) await sleep(due - Date.now());
        }
        const index = sent++;
        await sender.append('INBOX', Buffer.from(message(index, runId), 'utf8'));
        appended.set(`Klacht ${runId}-${index} over mijn woonhuisverzekering`, Date.now());
      }
      const deadline = Date.now() + 120_000 + n * 200;
      const subjects = [...appended.keys()];
      let rows: Array<{ subject: string | null; created_at: Date }> = [];
      for (;;) {
        rows = (
          await sql<{ subject: string | null; created_at: Date }>`
            SELECT subject, created_at FROM mail_messages
            WHERE organisation_id = ${organisation.id} AND mailbox_id = ${view.id}
              AND subject = ANY(${subjects})`.execute(db)
        ).rows;
        if (rows.length >= n || Date.now() > deadline) break;
        await sleep(50);
      }
      if (rows.length < n) throw new Error(`mail intake: ${rows.length} of ${n} messages stored`);
      const latencies = rows.map(
        (r) => new Date(r.created_at).getTime() - (appended.get(r.subject ?? '') ?? Number.NaN),
      );
      const last = Math.max(...rows.map((r) => new Date(r.created_at).getTime()));
      return { perSecond: n / ((last - first) / 1000), latency: summarise(latencies) };
    };
    const burst = await deliver(count, null);
    const steady = await deliver(paced.messages, paced.ratePerSecond);
    return {
      messages: count,
      perSecond: burst.perSecond,
      latency: burst.latency,
      paced: { ...paced, latency: steady.latency },
    };
  } finally {
    await sender.logout().catch(() => undefined);
    await watcher.stop();
    await imap.stop();
  }
}
