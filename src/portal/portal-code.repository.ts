import type { Insertable } from 'kysely';
import type { PortalCodesTable } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';

export async function insertPortalCode(tx: Tx, row: Insertable<PortalCodesTable>): Promise<void> {
  await tx.insertInto('portal_codes').values(row).execute();
}

export interface PortalCodeRecord {
  id: string;
  codeHmac: string;
  createdAt: Date;
  expiresAt: Date;
  attempts: number;
  usedAt: Date | null;
}

/** Only the newest code of a session counts: asking for a new code retires the one before. */
export async function findLatestCodeOfSession(
  tx: Tx,
  organisationId: string,
  sessionId: string,
): Promise<PortalCodeRecord | undefined> {
  const row = await tx
    .selectFrom('portal_codes')
    .select(['id', 'code_hmac', 'created_at', 'expires_at', 'attempts', 'used_at'])
    .where('organisation_id', '=', organisationId)
    .where('session_id', '=', sessionId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    codeHmac: row.code_hmac,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    attempts: row.attempts,
    usedAt: row.used_at === null ? null : new Date(row.used_at),
  };
}

/** When the codes for a complaint were sent since a moment (oldest first), across every session and process. */
export async function listCodeMomentsSince(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  since: Date,
): Promise<Date[]> {
  const rows = await tx
    .selectFrom('portal_codes')
    .select('created_at')
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .where('created_at', '>', since)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => new Date(r.created_at));
}

/**
 * Counts one guess, unless the code has no guesses left; returns the count after it, or null when
 * none was left. One statement, so concurrent guesses cannot slip past the limit together.
 */
export async function takeCodeAttempt(
  tx: Tx,
  organisationId: string,
  codeId: string,
  maxAttempts: number,
): Promise<number | null> {
  const row = await tx
    .updateTable('portal_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', codeId)
    .where('attempts', '<', maxAttempts)
    .where('used_at', 'is', null)
    .returning('attempts')
    .executeTakeFirst();
  return row?.attempts ?? null;
}

export async function markCodeUsed(tx: Tx, organisationId: string, codeId: string, now: Date): Promise<void> {
  await tx
    .updateTable('portal_codes')
    .set({ used_at: now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', codeId)
    .execute();
}
