import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, OutboxTable } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';
import { newId } from '../ids.ts';

export type OutboxRow = Selectable<OutboxTable>;

export interface OutgoingMail {
  letterId: string | null;
  complaintId: string | null;
  /** Given once, kept on every retry: the recipient's mail client sees one message, not several. */
  messageId: string;
  recipient: string;
  subject: string;
  textBody: string;
  /** Documents (by id) attached to the mail, e.g. the letter's PDF. */
  attachments: Array<{ documentId: string; fileName: string; mediaType: string }>;
  automatic: boolean;
}

/** In the caller's transaction: the mail exists exactly when the step that causes it committed. */
export async function enqueueMail(
  tx: Tx,
  organisationId: string,
  mail: OutgoingMail,
  now: Date,
): Promise<string> {
  const id = newId();
  await tx
    .insertInto('outbox')
    .values({
      organisation_id: organisationId,
      id,
      letter_id: mail.letterId,
      complaint_id: mail.complaintId,
      message_id: mail.messageId,
      recipient: mail.recipient,
      subject: mail.subject,
      text_body: mail.textBody,
      attachments: JSON.stringify(mail.attachments),
      automatic: mail.automatic,
      status: 'pending',
      next_attempt_at: now,
      locked_until: null,
      last_error: null,
      sent_at: null,
      created_at: now,
    })
    .execute();
  return id;
}

const LEASE_MS = 2 * 60_000;

/**
 * Takes up to `limit` due mails across organisations. A mail whose sender died mid-send (still
 * "sending" after its lease) is due again: at least once, never lost. SKIP LOCKED lets several
 * processes share the outbox without sending one mail twice at the same time.
 */
export async function claimDueMail(db: Kysely<Database>, now: Date, limit: number): Promise<OutboxRow[]> {
  const result = await sql<OutboxRow>`
    UPDATE outbox SET status = 'sending', attempts = attempts + 1, locked_until = ${new Date(now.getTime() + LEASE_MS)}
    WHERE (organisation_id, id) IN (
      SELECT organisation_id, id FROM outbox
      WHERE (status = 'pending' AND next_attempt_at <= ${now})
         OR (status = 'sending' AND locked_until < ${now})
      ORDER BY next_attempt_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`.execute(db);
  return result.rows;
}

export async function markSent(db: Kysely<Database>, row: OutboxRow, now: Date): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: now, locked_until: null, last_error: null })
    .where('organisation_id', '=', row.organisation_id)
    .where('id', '=', row.id)
    .execute();
}

export async function markRetry(
  db: Kysely<Database>,
  row: OutboxRow,
  error: string,
  nextAttemptAt: Date,
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'pending', next_attempt_at: nextAttemptAt, locked_until: null, last_error: error })
    .where('organisation_id', '=', row.organisation_id)
    .where('id', '=', row.id)
    .execute();
}

export async function markFailed(tx: Tx | Kysely<Database>, row: OutboxRow, error: string): Promise<void> {
  await tx
    .updateTable('outbox')
    .set({ status: 'failed', locked_until: null, last_error: error })
    .where('organisation_id', '=', row.organisation_id)
    .where('id', '=', row.id)
    .execute();
}
