import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { FORM_TOKEN_MAX_AGE_MS } from './form-token.ts';

/** Whether a verified solution may count: true the first time, and again only for the same form. */
export type RememberProofOfWork = (nonce: string, formId: string, now: Date) => Promise<boolean>;

/**
 * Used solutions live in `proof_of_work_uses` (migration 0016), so a solution counts once in every
 * process together. One statement: the first use inserts the row; a later use finds it and gets back
 * the form it belongs to — the same form is a double click or a second look at the review page, any
 * other form a replay. A row past its expiry (its form token is dead by then) is taken over.
 */
export function rememberInDatabase(db: Kysely<Database>): RememberProofOfWork {
  return async (nonce, formId, now) => {
    const expiresAt = new Date(now.getTime() + FORM_TOKEN_MAX_AGE_MS);
    const result = await sql<{ form_id: string }>`
      INSERT INTO proof_of_work_uses (nonce, form_id, expires_at)
      VALUES (${nonce}, ${formId}, ${expiresAt})
      ON CONFLICT (nonce) DO UPDATE SET
        form_id = CASE WHEN proof_of_work_uses.expires_at <= ${now} THEN excluded.form_id
                       ELSE proof_of_work_uses.form_id END,
        expires_at = CASE WHEN proof_of_work_uses.expires_at <= ${now} THEN excluded.expires_at
                          ELSE proof_of_work_uses.expires_at END
      RETURNING form_id`.execute(db);
    return result.rows[0]?.form_id === formId;
  };
}

export async function purgeExpiredProofOfWork(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('proof_of_work_uses').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
