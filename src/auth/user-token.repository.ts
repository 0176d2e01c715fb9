import type { Insertable } from 'kysely';
import type { UserTokenPurpose, UserTokensTable } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';

export async function insertUserToken(tx: Tx, row: Insertable<UserTokensTable>): Promise<void> {
  await tx.insertInto('user_tokens').values(row).execute();
}

/**
 * Uses the link in one statement: only an unused, unexpired link of this purpose matches, and the
 * second of two concurrent uses finds it used. Returns the user it was for.
 */
export async function consumeUserToken(
  tx: Tx,
  organisationId: string,
  purpose: UserTokenPurpose,
  secretSha256: string,
  now: Date,
): Promise<string | undefined> {
  const row = await tx
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('organisation_id', '=', organisationId)
    .where('secret_sha256', '=', secretSha256)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}

/** Makes every open link of the user (of one purpose, or all) unusable. */
export async function retireUserTokens(
  tx: Tx,
  organisationId: string,
  userId: string,
  now: Date,
  purpose?: UserTokenPurpose,
): Promise<void> {
  let query = tx
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null);
  if (purpose) query = query.where('purpose', '=', purpose);
  await query.execute();
}

export async function countTokensSince(
  tx: Tx,
  organisationId: string,
  userId: string,
  purpose: UserTokenPurpose,
  since: Date,
): Promise<number> {
  const row = await tx
    .selectFrom('user_tokens')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
