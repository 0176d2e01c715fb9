import { ImapFlow } from 'imapflow';
import type { Logger } from 'pino';
import type { MailboxRow } from './mailbox.service.ts';
import { imapAccountOf } from './mailbox.service.ts';
import type { MailIntakeDeps } from './mail-intake.ts';
import { pollMailbox } from './mail-intake.ts';

/**
 * IMAP IDLE: the server tells us when mail arrives, so a complaint is in the queue within seconds
 * instead of at the next minute's poll. The minute poll stays as the safety net (a dropped IDLE
 * connection, a server without IDLE); both run the same exactly-once intake, so overlap is harmless.
 */
export interface MailboxWatcher {
  stop(): Promise<void>;
}

const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 60_000;

export function watchMailbox(deps: MailIntakeDeps, mailbox: MailboxRow, log: Logger): MailboxWatcher {
  let stopped = false;
  let client: ImapFlow | undefined;
  let delay = RECONNECT_MIN_MS;
  let polling: Promise<void> | undefined;
  let pollAgain = false;
  let timer: NodeJS.Timeout | undefined;

  // One poll at a time per mailbox; a notice during a poll asks for one more afterwards.
  const poll = (): void => {
    if (polling) {
      pollAgain = true;
      return;
    }
    polling = pollMailbox(deps, mailbox.organisation_id, mailbox.id)
      .then(() => undefined)
      .catch((error: unknown) =>
        log.warn({ mailboxId: mailbox.id, err: error }, 'poll after IDLE notice failed'),
      )
      .finally(() => {
        polling = undefined;
        if (pollAgain && !stopped) {
          pollAgain = false;
          poll();
        }
      });
  };

  const connect = async (): Promise<void> => {
    if (stopped) return;
    const account = imapAccountOf(mailbox, deps.secrets);
    const connection = new ImapFlow({
      host: account.host,
      port: account.port,
      secure: account.secure,
      doSTARTTLS: account.secure ? undefined : !account.allowCleartext,
      auth: { user: account.user, pass: account.password },
      logger: false,
      maxIdleTime: 5 * 60_000,
      // This connection does nothing but wait, so it may start IDLE almost at once (default 15 s).
      autoIdleDelay: 500,
    });
    client = connection;
    connection.on('error', () => {});
    connection.on('exists', () => poll());
    connection.on('close', () => {
      if (stopped) return;
      timer = setTimeout(() => void connect(), delay);
      delay = Math.min(delay * 2, RECONNECT_MAX_MS);
    });
    try {
      await connection.connect();
      await connection.mailboxOpen(mailbox.folder);
      delay = RECONNECT_MIN_MS;
      poll();
    } catch (error) {
      log.warn({ mailboxId: mailbox.id, err: error }, 'IDLE connection failed; retrying');
      connection.close();
    }
  };
  void connect();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await client?.logout().catch(() => client?.close());
      await polling;
    },
  };
}

/** Watches every enabled mailbox of every organisation, for the lifetime of the process. */
export async function watchAllMailboxes(deps: MailIntakeDeps, log: Logger): Promise<MailboxWatcher> {
  const rows = await deps.db.selectFrom('mailboxes').selectAll().where('enabled', '=', true).execute();
  const watchers = rows.map((row) => watchMailbox(deps, row, log));
  return { stop: async () => void (await Promise.all(watchers.map((w) => w.stop()))) };
}
