import type { Updateable } from 'kysely';
import type { UserRow, UsersTable } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';

/** The security columns of users: password, second factor, lockout. */
export async function findUserRow(
  tx: Tx,
  organisationId: string,
  userId: string,
): Promise<UserRow | undefined> {
  return tx
    .selectFrom('users')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** Row-locked, so two sign-in attempts at once cannot both count from the same failure number. */
export async function findUserRowForUpdate(
  tx: Tx,
  organisationId: string,
  userId: string,
): Promise<UserRow | undefined> {
  return tx
    .selectFrom('users')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateUserCredentials(
  tx: Tx,
  organisationId: string,
  userId: string,
  changes: Updateable<UsersTable>,
): Promise<void> {
  await tx
    .updateTable('users')
    .set(changes)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', userId)
    .execute();
}

/**
 * Records the accepted TOTP step only if it is later than every step accepted before; false when a
 * concurrent request took this step (or a later one) first, so one code signs in once.
 */
export async function acceptTotpStep(
  tx: Tx,
  organisationId: string,
  userId: string,
  step: number,
): Promise<boolean> {
  const result = await tx
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
