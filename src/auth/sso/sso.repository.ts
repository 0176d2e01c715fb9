import type { Insertable, Selectable } from 'kysely';
import type { SsoLogoutTokensTable, SsoRequestsTable, UserIdentitiesTable } from '../../db/schema.ts';
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

export async function listIdentities(tx: Tx, organisationId: string): Promise<UserIdentityRow[]> {
  return tx
    .selectFrom('user_identities')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('linked_at')
    .execute();
}

/** Removes every link of the user; answers the issuers they were with. */
export async function deleteIdentitiesOfUser(
  tx: Tx,
  organisationId: string,
  userId: string,
): Promise<string[]> {
  const rows = await tx
    .deleteFrom('user_identities')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .returning('issuer')
    .execute();
  return rows.map((row) => row.issuer);
}

/**
 * Keeps a logout token's jti until the token would have been too old anyway; false when it was
 * there already (a replay). Expired ones go at the same time.
 */
export async function rememberLogoutToken(
  tx: Tx,
  row: Insertable<SsoLogoutTokensTable>,
  now: Date,
): Promise<boolean> {
  await tx
    .deleteFrom('sso_logout_tokens')
    .where('organisation_id', '=', row.organisation_id)
    .where('expires_at', '<', now)
    .execute();
  const inserted = await tx
    .insertInto('sso_logout_tokens')
    .values(row)
    .onConflict((oc) => oc.columns(['organisation_id', 'jti_sha256']).doNothing())
    .returning('jti_sha256')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The single sign-on sessions of a user, of a provider session, or of both at once; answers their users. */
export async function deleteSsoSessionsFor(
  tx: Tx,
  organisationId: string,
  match: { userId: string | null; sid: string | null },
): Promise<string[]> {
  if (match.userId === null && match.sid === null) return [];
  let query = tx
    .deleteFrom('sessions')
    .where('organisation_id', '=', organisationId)
    .where('sign_in_method', '=', 'sso');
  if (match.userId !== null) query = query.where('user_id', '=', match.userId);
  if (match.sid !== null) query = query.where('sso_sid', '=', match.sid);
  const rows = await query.returning('user_id').execute();
  return rows.map((row) => row.user_id);
}
