import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import { notifyComplaintStaff } from '../notifications/notification.repository.ts';
import { LOOP_HEADER } from '../intake/mail-intake.ts';
import type { Secrets } from '../secrets.ts';
import { claimDueMail, markFailed, markRetry, markSent, type OutboxRow } from './outbox.repository.ts';
import { describeSmtpError, transportFor, type SmtpSettingsRow } from './smtp-settings.service.ts';

export interface OutboxDeps {
  db: Kysely<Database>;
  clock: Clock;
  secrets: Secrets;
  log: Logger;
  /** Tests shorten them; production keeps transportFor's defaults. */
  smtpTimeouts?: { connectionTimeout?: number; greetingTimeout?: number; socketTimeout?: number };
}

export interface SendReport {
  sent: number;
  retried: number;
  failed: number;
}

/** Minutes until the next try after attempt N: quick at first, then patient; give up after a day. */
const BACKOFF_MINUTES = [1, 5, 15, 30, 60, 120, 240, 480, 720];
export const MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1;

export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * One bare address and nothing else. A mail library reads "a@x, b@y", "a@x b@y" or a display name
 * as more than one recipient, so a stored address that is more than one address is not sent at all.
 */
const SINGLE_ADDRESS = /^[^\s@,;:<>()"[\]\\]+@[^\s@,;:<>()"[\]\\]+$/u;

export function isSingleAddress(value: string): boolean {
  return SINGLE_ADDRESS.test(value);
}

/** Header values never carry a line break: nothing typed can add a header (no Bcc smuggling). */
function headerSafe(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}

async function attachmentsOf(db: Kysely<Database>, row: OutboxRow) {
  const wanted = row.attachments as Array<{ documentId: string; fileName: string; mediaType: string }>;
  const files = [];
  for (const attachment of wanted) {
    const document = await withTenant(db, row.organisation_id, (tx) =>
      tx
        .selectFrom('documents')
        .select('content')
        .where('organisation_id', '=', row.organisation_id)
        .where('id', '=', attachment.documentId)
        .executeTakeFirst(),
    );
    if (document?.content) {
      files.push({
        filename: headerSafe(attachment.fileName),
        content: Buffer.from(document.content),
        contentType: attachment.mediaType,
      });
    }
  }
  return files;
}

/**
 * Sends what is due: each mail at least once, always under its own Message-ID. A 4xx or an
 * unreachable server means "later" (backoff); a 5xx means "never": the letter is marked
 * undeliverable and the handler told. The organisation's SMTP state feeds /ready and the status page.
 */
export async function sendDueMail(deps: OutboxDeps, limit = 50): Promise<SendReport> {
  const report: SendReport = { sent: 0, retried: 0, failed: 0 };
  const due = await claimDueMail(deps.db, deps.clock.now(), limit);
  for (const [organisationId, rows] of Map.groupBy(due, (r) => r.organisation_id)) {
    const settings = await withTenant(deps.db, organisationId, (tx) =>
      tx
        .selectFrom('smtp_settings')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst(),
    );
    if (!settings) {
      for (const row of rows) {
        await markRetry(
          deps.db,
          row,
          'Er zijn geen mailinstellingen voor dit kantoor.',
          retryAt(deps.clock.now(), row.attempts),
        );
        report.retried++;
      }
      continue;
    }
    const transport = transportFor(settings, deps.secrets, deps.smtpTimeouts);
    try {
      for (const row of rows) await sendOne(deps, settings, transport, row, report);
    } finally {
      transport.close();
    }
  }
  return report;
}

function retryAt(now: Date, attempts: number): Date {
  const minutes = BACKOFF_MINUTES[Math.min(attempts - 1, BACKOFF_MINUTES.length - 1)] ?? 60;
  return new Date(now.getTime() + minutes * 60_000);
}

async function sendOne(
  deps: OutboxDeps,
  settings: SmtpSettingsRow,
  transport: ReturnType<typeof transportFor>,
  row: OutboxRow,
  report: SendReport,
): Promise<void> {
  if (!isSingleAddress(row.recipient)) {
    await failPermanently(deps, row, 'Het e-mailadres van de ontvanger is ongeldig.');
    report.failed++;
    return;
  }
  try {
    await transport.sendMail({
      from: { name: headerSafe(settings.from_name), address: settings.from_address },
      ...(settings.reply_to && isSingleAddress(settings.reply_to) ? { replyTo: settings.reply_to } : {}),
      to: row.recipient,
      // The envelope is named, not derived from the headers: exactly one recipient at the SMTP level.
      envelope: { from: settings.from_address, to: [row.recipient] },
      subject: headerSafe(row.subject),
      text: row.text_body,
      messageId: row.message_id,
      attachments: await attachmentsOf(deps.db, row),
      headers: {
        // RFC 3834: auto-responders must not answer us; our own intake recognises its loop header.
        'Auto-Submitted': row.automatic ? 'auto-generated' : 'no',
        'X-Auto-Response-Suppress': 'All',
        [LOOP_HEADER]: row.message_id,
      },
    });
    await markSent(deps.db, row, deps.clock.now());
    await recordSmtpState(deps, settings, null);
    report.sent++;
  } catch (error) {
    const message = describeSmtpError(error);
    await recordSmtpState(deps, settings, message);
    if (isPermanentSmtpFailure(error) || row.attempts >= MAX_ATTEMPTS) {
      await failPermanently(deps, row, message);
      report.failed++;
    } else {
      await markRetry(deps.db, row, message, retryAt(deps.clock.now(), row.attempts));
      report.retried++;
    }
    deps.log.warn({ outboxId: row.id, attempts: row.attempts, reason: message }, 'mail not sent');
  }
}

async function recordSmtpState(
  deps: OutboxDeps,
  settings: SmtpSettingsRow,
  error: string | null,
): Promise<void> {
  const now = deps.clock.now();
  await withTenant(deps.db, settings.organisation_id, (tx) =>
    tx
      .updateTable('smtp_settings')
      .set(
        error === null
          ? { last_success_at: now, last_error: null, last_error_at: null }
          : { last_error: error, last_error_at: now },
      )
      .where('organisation_id', '=', settings.organisation_id)
      .execute(),
  );
}

async function failPermanently(deps: OutboxDeps, row: OutboxRow, reason: string): Promise<void> {
  const now = deps.clock.now();
  await withTenant(deps.db, row.organisation_id, async (tx) => {
    await markFailed(tx, row, reason);
    if (row.letter_id) {
      await tx
        .updateTable('letters')
        .set({ status: 'undeliverable', undeliverable_at: now })
        .where('organisation_id', '=', row.organisation_id)
        .where('id', '=', row.letter_id)
        .execute();
    }
    if (!row.complaint_id) return;
    await appendDossierEvent(tx, row.organisation_id, row.complaint_id, {
      type: 'letter.undeliverable',
      actor: { kind: 'system', id: null },
      occurredAt: now,
      data: { outboxId: row.id, letterId: row.letter_id, attempts: row.attempts },
    });
    const complaint = await tx
      .selectFrom('complaints')
      .select(['handler_id', 'reference'])
      .where('organisation_id', '=', row.organisation_id)
      .where('id', '=', row.complaint_id)
      .executeTakeFirst();
    await notifyComplaintStaff(
      tx,
      row.organisation_id,
      row.complaint_id,
      complaint?.handler_id ?? null,
      {
        kind: 'letter_undeliverable',
        message: `${complaint?.reference ?? ''}: een brief per e-mail kon niet worden bezorgd (${reason}). Stuur hem per post of via een ander adres.`,
      },
      now,
    );
  });
}
