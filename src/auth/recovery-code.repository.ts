import type { Tx } from '../db/tenant.ts';

export async function replaceRecoveryCodes(
  tx: Tx,
  organisationId: string,
  userId: string,
  digests: readonly string[],
  now: Date,
): Promise<void> {
  await tx
    .deleteFrom('recovery_codes')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute();
  if (digests.length === 0) return;
  await tx
    .insertInto('recovery_codes')
    .values(
      digests.map((code_sha256) => ({
        organisation_id: organisationId,
        user_id: userId,
        code_sha256,
        created_at: now,
        used_at: null,
      })),
    )
    .execute();
}

/** True once per code: the update only matches a code that was not used yet. */
export async function useRecoveryCode(
  tx: Tx,
  organisationId: string,
  userId: string,
  digest: string,
  now: Date,
): Promise<boolean> {
  const result = await tx
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('code_sha256', '=', digest)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(
  tx: Tx,
  organisationId: string,
  userId: string,
): Promise<number> {
  const row = await tx
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
