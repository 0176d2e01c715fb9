import type { Kysely, Selectable } from 'kysely';
import { requireRole, type AccessContext } from '../auth/access-context.ts';
import type { Clock } from '../clock.ts';
import type { Database, MailboxesTable } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { ImapOpenError, openMailbox, type ImapAccount } from '../mail/imap-client.ts';
import { openSecret, sealSecret, type Secrets } from '../secrets.ts';
import { normaliseLine } from '../text.ts';

export type MailboxRow = Selectable<MailboxesTable>;

/** What the administrator sees: never the password. */
export interface MailboxView {
  id: string;
  name: string;
  host: string;
  port: number;
  secure: boolean;
  username: string;
  folder: string;
  ourAddresses: string[];
  enabled: boolean;
  lastPolledAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

export function toMailboxView(row: MailboxRow): MailboxView {
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    port: row.port,
    secure: row.secure,
    username: row.username,
    folder: row.folder,
    ourAddresses: row.our_addresses,
    enabled: row.enabled,
    lastPolledAt: row.last_polled_at === null ? null : new Date(row.last_polled_at),
    lastError: row.last_error,
    lastErrorAt: row.last_error_at === null ? null : new Date(row.last_error_at),
  };
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

export function imapAccountOf(row: MailboxRow, secrets: Secrets): ImapAccount {
  return {
    host: row.host,
    port: row.port,
    user: row.username,
    password: openSecret(secrets.storedSecretKey, row.password_encrypted),
    secure: row.secure,
    // A password in clear text is only acceptable to a server on this very machine.
    allowCleartext: !row.secure && LOOPBACK.test(row.host),
  };
}

export interface MailboxInput {
  name: string;
  host: string;
  port: number;
  secure: boolean;
  username: string;
  password: string;
  folder?: string;
  ourAddresses: string[];
}

export async function createMailbox(
  deps: { db: Kysely<Database>; clock: Clock; secrets: Secrets },
  context: AccessContext,
  input: MailboxInput,
): Promise<MailboxView> {
  requireRole(context, ['admin']);
  const host = normaliseLine(input.host).toLowerCase();
  if (!/^[a-z0-9.-]+$|^[0-9a-f:]+$/.test(host)) {
    throw new ValidationError('Dit is geen geldige servernaam.', [
      { field: '/host', message: 'not a host name' },
    ]);
  }
  return withTenant(deps.db, context.organisationId, async (tx) => {
    const row = await tx
      .insertInto('mailboxes')
      .values({
        organisation_id: context.organisationId,
        id: newId(),
        name: normaliseLine(input.name),
        host,
        port: input.port,
        secure: input.secure,
        username: normaliseLine(input.username),
        password_encrypted: sealSecret(deps.secrets.storedSecretKey, input.password),
        folder: normaliseLine(input.folder ?? 'INBOX') || 'INBOX',
        our_addresses: input.ourAddresses.map((a) => normaliseLine(a).toLowerCase()),
        created_at: deps.clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toMailboxView(row);
  });
}

export async function listMailboxes(db: Kysely<Database>, context: AccessContext): Promise<MailboxView[]> {
  requireRole(context, ['admin', 'coordinator']);
  return withTenant(db, context.organisationId, async (tx) =>
    (
      await tx
        .selectFrom('mailboxes')
        .selectAll()
        .where('organisation_id', '=', context.organisationId)
        .orderBy('name')
        .execute()
    ).map(toMailboxView),
  );
}

export async function setMailboxEnabled(
  db: Kysely<Database>,
  context: AccessContext,
  mailboxId: string,
  enabled: boolean,
): Promise<MailboxView> {
  requireRole(context, ['admin']);
  return withTenant(db, context.organisationId, async (tx) => {
    const row = await tx
      .updateTable('mailboxes')
      .set({ enabled })
      .where('organisation_id', '=', context.organisationId)
      .where('id', '=', mailboxId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new NotFoundError('De mailbox');
    return toMailboxView(row);
  });
}

const FAILURES: Record<ImapOpenError['reason'], string> = {
  authentication_failed: 'De gebruikersnaam of het wachtwoord wordt door de mailserver geweigerd.',
  mailbox_not_found: 'De map bestaat niet op de mailserver.',
  tls_unavailable: 'De mailserver biedt geen versleutelde verbinding aan.',
  connection_failed: 'De mailserver is niet bereikbaar op dit adres en deze poort.',
};

export function describeImapFailure(error: unknown): string {
  return error instanceof ImapOpenError
    ? FAILURES[error.reason]
    : 'De verbinding met de mailserver mislukte.';
}

/** The "test connection" button: open the folder and close it again, with the reason in Dutch. */
export async function testMailbox(
  deps: { db: Kysely<Database>; secrets: Secrets },
  context: AccessContext,
  mailboxId: string,
): Promise<{ ok: boolean; message: string }> {
  requireRole(context, ['admin']);
  const row = await withTenant(deps.db, context.organisationId, (tx) =>
    tx
      .selectFrom('mailboxes')
      .selectAll()
      .where('organisation_id', '=', context.organisationId)
      .where('id', '=', mailboxId)
      .executeTakeFirst(),
  );
  if (!row) throw new NotFoundError('De mailbox');
  try {
    const mailbox = await openMailbox(imapAccountOf(row, deps.secrets), row.folder);
    await mailbox.close();
    return { ok: true, message: 'De verbinding werkt.' };
  } catch (error) {
    return { ok: false, message: describeImapFailure(error) };
  }
}
