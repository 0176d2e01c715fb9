import { createTransport, type Transporter } from 'nodemailer';
import type { Kysely, Selectable } from 'kysely';
import { requireRole, type AccessContext } from '../auth/access-context.ts';
import type { Clock } from '../clock.ts';
import type { Database, SmtpSettingsTable } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { openSecret, sealSecret, type Secrets } from '../secrets.ts';
import { normaliseLine } from '../text.ts';

export type SmtpSettingsRow = Selectable<SmtpSettingsTable>;

export interface SmtpSettingsInput {
  host: string;
  port: number;
  secure: boolean;
  username: string | null;
  /** Omitted: keep the stored password. */
  password?: string | null;
  fromAddress: string;
  fromName: string;
  replyTo: string | null;
}

export interface SmtpSettingsView {
  host: string;
  port: number;
  secure: boolean;
  username: string | null;
  hasPassword: boolean;
  fromAddress: string;
  fromName: string;
  replyTo: string | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  lastSuccessAt: Date | null;
}

export function toSmtpView(row: SmtpSettingsRow): SmtpSettingsView {
  return {
    host: row.host,
    port: row.port,
    secure: row.secure,
    username: row.username,
    hasPassword: row.password_encrypted !== null,
    fromAddress: row.from_address,
    fromName: row.from_name,
    replyTo: row.reply_to,
    lastError: row.last_error,
    lastErrorAt: row.last_error_at === null ? null : new Date(row.last_error_at),
    lastSuccessAt: row.last_success_at === null ? null : new Date(row.last_success_at),
  };
}

const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

/** A transport per send round; short timeouts so a hanging server delays one round, not the queue. */
export function transportFor(
  row: SmtpSettingsRow,
  secrets: Secrets,
  timeouts: Partial<typeof TIMEOUTS> = {},
): Transporter {
  const password = row.password_encrypted
    ? openSecret(secrets.storedSecretKey, row.password_encrypted)
    : null;
  return createTransport({
    host: row.host,
    port: row.port,
    secure: row.secure,
    // Without implicit TLS, insist on STARTTLS except towards this very machine.
    requireTLS: !row.secure && !LOOPBACK.test(row.host),
    ignoreTLS: !row.secure && LOOPBACK.test(row.host),
    ...(row.username && password ? { auth: { user: row.username, pass: password } } : {}),
    ...TIMEOUTS,
    ...timeouts,
  });
}

export async function saveSmtpSettings(
  deps: { db: Kysely<Database>; clock: Clock; secrets: Secrets },
  context: AccessContext,
  input: SmtpSettingsInput,
): Promise<SmtpSettingsView> {
  requireRole(context, ['admin']);
  const host = normaliseLine(input.host).toLowerCase();
  const fromAddress = normaliseLine(input.fromAddress).toLowerCase();
  const problems = [
    ...(/^[a-z0-9.-]+$|^[0-9a-f:]+$/.test(host)
      ? []
      : [{ field: '/host', message: 'Dit is geen geldige servernaam.' }]),
    ...(/^[^\s@<>,;"]+@[^\s@<>,;"]+$/.test(fromAddress)
      ? []
      : [{ field: '/fromAddress', message: 'Dit is geen geldig e-mailadres.' }]),
  ];
  if (problems.length > 0) throw new ValidationError('De mailinstellingen zijn niet geldig.', problems);
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    const values = {
      host,
      port: input.port,
      secure: input.secure,
      username: input.username ? normaliseLine(input.username) : null,
      from_address: fromAddress,
      from_name: normaliseLine(input.fromName),
      reply_to: input.replyTo ? normaliseLine(input.replyTo).toLowerCase() : null,
      updated_at: now,
      ...(input.password === undefined
        ? {}
        : {
            password_encrypted: input.password
              ? sealSecret(deps.secrets.storedSecretKey, input.password)
              : null,
          }),
    };
    const row = await tx
      .insertInto('smtp_settings')
      .values({ organisation_id: context.organisationId, password_encrypted: null, ...values })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSmtpView(row);
  });
}

export async function getSmtpSettings(
  db: Kysely<Database>,
  context: AccessContext,
): Promise<SmtpSettingsView | null> {
  requireRole(context, ['admin', 'coordinator']);
  const row = await withTenant(db, context.organisationId, (tx) =>
    tx
      .selectFrom('smtp_settings')
      .selectAll()
      .where('organisation_id', '=', context.organisationId)
      .executeTakeFirst(),
  );
  return row ? toSmtpView(row) : null;
}

/** The "test connection" button: connect and say hello, nothing is sent. */
export async function testSmtpSettings(
  deps: { db: Kysely<Database>; secrets: Secrets },
  context: AccessContext,
): Promise<{ ok: boolean; message: string }> {
  requireRole(context, ['admin']);
  const row = await withTenant(deps.db, context.organisationId, (tx) =>
    tx
      .selectFrom('smtp_settings')
      .selectAll()
      .where('organisation_id', '=', context.organisationId)
      .executeTakeFirst(),
  );
  if (!row) throw new NotFoundError('De mailinstellingen');
  const transport = transportFor(row, deps.secrets);
  let outcome: { ok: boolean; message: string };
  try {
    await transport.verify();
    outcome = { ok: true, message: 'De verbinding met de mailserver werkt.' };
  } catch (error) {
    outcome = { ok: false, message: describeSmtpError(error) };
  } finally {
    transport.close();
  }
  // What the test saw is the server's state as much as a send attempt would be: record it.
  const now = new Date();
  await withTenant(deps.db, context.organisationId, (tx) =>
    tx
      .updateTable('smtp_settings')
      .set(
        outcome.ok
          ? { last_success_at: now, last_error: null, last_error_at: null }
          : { last_error: outcome.message, last_error_at: now },
      )
      .where('organisation_id', '=', context.organisationId)
      .execute(),
  );
  return outcome;
}

export function describeSmtpError(error: unknown): string {
  const details = (error ?? {}) as { code?: string; responseCode?: number; response?: string };
  if (details.code === 'EAUTH') return 'De mailserver weigert de gebruikersnaam of het wachtwoord.';
  if (details.code === 'ECONNECTION' || details.code === 'ESOCKET')
    return 'De mailserver is niet bereikbaar.';
  if (details.code === 'ETIMEDOUT') return 'De mailserver antwoordt niet op tijd.';
  if (typeof details.responseCode === 'number') {
    return `De mailserver weigert het bericht (${details.responseCode}${details.response ? `: ${details.response.slice(0, 200)}` : ''}).`;
  }
  return 'Versturen via de mailserver mislukte.';
}
