import type { Insertable, Selectable } from 'kysely';
import type { SsoRequestsTable, UserIdentitiesTable } from '../../db/schema.ts';
import type { Tx } from '../../db/tenant.ts';

export type SsoRequestRow = Selectable<SsoRequestsTable>;
export type UserIdentityRow = Selectable<UserIdentitiesTable>;

/**
 * Starting is open to anyone, so the requests under way are capped per organisation: a flood of
 * starts fills at most this many rows, and every one of them is gone ten minutes later.
 */
export const MAX_OPEN_SSO_REQUESTS = 1000;

/**
 * A new request; the organisation's requests older than their ten minutes go at the same time.
 * False when the cap is reached (nothing stored).
 */
export async function insertSsoRequest(
  tx: Tx,
  row: Insertable<SsoRequestsTable>,
  now: Date,
): Promise<boolean> {
  await tx
    .deleteFrom('sso_requests')
    .where('organisation_id', '=', row.organisation_id)
    .where('expires_at', '<=', now)
    .execute();
  const open = await tx
    .selectFrom('sso_requests')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('organisation_id', '=', row.organisation_id)
    .executeTakeFirstOrThrow();
  if (Number(open.count) >= MAX_OPEN_SSO_REQUESTS) return false;
  await tx.insertInto('sso_requests').values(row).execute();
  return true;
}

/**
 * Takes the request out in the same statement that finds it: of two callbacks with the same state
 * (a replay, a double click) only one gets the row.
 */
export async function takeSsoRequest(
  tx: Tx,
  organisationId: string,
  stateSha256: string,
): Promise<SsoRequestRow | undefined> {
  return tx
    .deleteFrom('sso_requests')
    .where('organisation_id', '=', organisationId)
    .where('state_sha256', '=', stateSha256)
    .returningAll()
    .executeTakeFirst();
}

export async function findIdentityBySubject(
  tx: Tx,
  organisationId: string,
  issuer: string,
  subject: string,
): Promise<UserIdentityRow | undefined> {
  return tx
    .selectFrom('user_identities')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
}

export async function findIdentityOfUser(
  tx: Tx,
  organisationId: string,
  userId: string,
  issuer: string,
): Promise<UserIdentityRow | undefined> {
  return tx
    .selectFrom('user_identities')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('issuer', '=', issuer)
    .executeTakeFirst();
}

export async function insertIdentity(tx: Tx, row: Insertable<UserIdentitiesTable>): Promise<void> {
  await tx.insertInto('user_identities').values(row).execute();
}

export async function touchIdentity(
  tx: Tx,
  organisationId: string,
  issuer: string,
  subject: string,
  now: Date,
): Promise<void> {
  await tx
    .updateTable('user_identities')
    .set({ last_used_at: now })
    .where('organisation_id', '=', organisationId)
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .execute();
}
