import { ImapFlow } from 'imapflow';

/**
 * The two things the intake needs from an IMAP mailbox: the messages after a UID, with the
 * server's INTERNALDATE (the legal moment of receipt, never the sender's Date header), and a way to
 * mark one as handled. UIDs only mean something together with the UIDVALIDITY: when it changes,
 * every UID the intake remembered is void and it has to start again from 0, deduplicating on
 * Message-ID.
 */
export interface ImapAccount {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Implicit TLS (port 993). Without it the connection must upgrade with STARTTLS. */
  secure: boolean;
  /**
   * Allow a password over an unencrypted connection when the server offers no STARTTLS. Only for a
   * server on the same machine, such as the test Dovecot.
   */
  allowCleartext?: boolean;
}

export interface FetchedMessage {
  uid: number;
  internalDate: Date;
  raw: Buffer;
}

export interface OpenMailbox {
  readonly uidValidity: number;
  /** The messages with a UID above `uid`, oldest first. Other calls may be made while iterating. */
  fetchSince(uid: number): AsyncIterable<FetchedMessage>;
  /** Adds \Seen and PROCESSED_KEYWORD (when the server keeps keywords). */
  markProcessed(uid: number): Promise<void>;
  close(): Promise<void>;
}

export const PROCESSED_KEYWORD = '$KlachtwijzerProcessed';

/** Why a mailbox could not be opened, so the administrator can be told what to fix. */
export type ImapOpenFailure =
  'authentication_failed' | 'mailbox_not_found' | 'tls_unavailable' | 'connection_failed';

export class ImapOpenError extends Error {
  readonly reason: ImapOpenFailure;

  constructor(reason: ImapOpenFailure, options: { cause: unknown }) {
    super(`cannot open the IMAP mailbox: ${reason}`, options);
    this.name = 'ImapOpenError';
    this.reason = reason;
  }
}

const CONNECTION_TIMEOUT_MS = 30_000;

export async function openMailbox(account: ImapAccount, mailbox: string): Promise<OpenMailbox> {
  const client = new ImapFlow({
    host: account.host,
    port: account.port,
    secure: account.secure,
    doSTARTTLS: account.secure ? undefined : !account.allowCleartext,
    auth: { user: account.user, pass: account.password },
    logger: false,
    // The intake decides when to wait for new mail; an IDLE of our own would sit between commands.
    disableAutoIdle: true,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: CONNECTION_TIMEOUT_MS,
  });
  // Without a listener a dropped connection would be an uncaught 'error' event and end the process;
  // the next command on a closed client rejects instead, which is where the intake handles it.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw new ImapOpenError(openFailure(error), { cause: error });
  }
  let opened;
  try {
    opened = await client.mailboxOpen(mailbox);
  } catch (error) {
    await client.logout().catch(() => client.close());
    throw new ImapOpenError(openFailure(error), { cause: error });
  }
  const permanent = opened.permanentFlags;
  const keepsKeywords = permanent === undefined || permanent.has('\\*') || permanent.has(PROCESSED_KEYWORD);

  return {
    uidValidity: Number(opened.uidValidity),

    async *fetchSince(since: number) {
      // "N:*" always includes the highest UID, even when it is below N: filter, do not trust it.
      const found = await client.search({ uid: `${since + 1}:*` }, { uid: true });
      // A failed search must not read as "no new mail".
      if (!Array.isArray(found)) throw new Error('the IMAP server did not answer UID SEARCH');
      const uids = found.filter((uid) => uid > since).toSorted((a, b) => a - b);
      // One message per command, so the caller can store and mark each before the next arrives.
      for (const uid of uids) {
        const message = await client.fetchOne(
          String(uid),
          { uid: true, internalDate: true, source: true },
          { uid: true },
        );
        // Expunged meanwhile: it is gone for everyone, nothing to take in.
        if (!message || !message.source || message.internalDate === undefined) continue;
        yield { uid: message.uid, internalDate: new Date(message.internalDate), raw: message.source };
      }
    },

    async markProcessed(uid: number) {
      const flags = keepsKeywords ? ['\\Seen', PROCESSED_KEYWORD] : ['\\Seen'];
      const stored = await client.messageFlagsAdd(String(uid), flags, { uid: true });
      if (!stored) throw new Error(`the server did not store the flags of UID ${uid}`);
    },

    async close() {
      try {
        await client.logout();
      } catch {
        client.close();
      }
    },
  };
}

function openFailure(error: unknown): ImapOpenFailure {
  const details = (error ?? {}) as {
    authenticationFailed?: boolean;
    mailboxMissing?: boolean;
    tlsFailed?: boolean;
  };
  if (details.authenticationFailed) return 'authentication_failed';
  if (details.mailboxMissing) return 'mailbox_not_found';
  if (details.tlsFailed) return 'tls_unavailable';
  return 'connection_failed';
}
