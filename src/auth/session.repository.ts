import type { Insertable, Selectable } from 'kysely';
import type { Role, SessionsTable, SessionStage } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';

export type SessionRow = Selectable<SessionsTable>;

export interface SessionWithUser extends SessionRow {
  roles: Role[];
  disabled_at: Date | string | null;
}

export async function insertSession(tx: Tx, row: Insertable<SessionsTable>): Promise<void> {
  await tx.insertInto('sessions').values(row).execute();
}

export async function findSessionBySecret(
  tx: Tx,
  organisationId: string,
  secretSha256: string,
): Promise<SessionWithUser | undefined> {
  return tx
    .selectFrom('sessions')
    .innerJoin('users', (join) =>
      join
        .onRef('users.organisation_id', '=', 'sessions.organisation_id')
        .onRef('users.id', '=', 'sessions.user_id'),
    )
    .selectAll('sessions')
    .select(['users.roles', 'users.disabled_at'])
    .where('sessions.organisation_id', '=', organisationId)
    .where('sessions.secret_sha256', '=', secretSha256)
    .executeTakeFirst();
}

export async function touchSession(tx: Tx, organisationId: string, id: string, now: Date): Promise<void> {
  await tx
    .updateTable('sessions')
    .set({ last_seen_at: now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

export async function updateSessionStage(
  tx: Tx,
  organisationId: string,
  id: string,
  changes: { stage: SessionStage; second_factor_at?: Date },
): Promise<void> {
  await tx
    .updateTable('sessions')
    .set(changes)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(tx: Tx, organisationId: string, id: string): Promise<void> {
  await tx
    .deleteFrom('sessions')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

/** Every session of the user, in one statement: nothing of them is usable after the commit. */
export async function deleteUserSessions(tx: Tx, organisationId: string, userId: string): Promise<number> {
  const result = await tx
    .deleteFrom('sessions')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredUserSessions(
  tx: Tx,
  organisationId: string,
  userId: string,
  idleCutoff: Date,
  now: Date,
): Promise<void> {
  await tx
    .deleteFrom('sessions')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff)]))
    .execute();
}

export async function countLiveSessions(
  tx: Tx,
  organisationId: string,
  userId: string,
  idleCutoff: Date,
  now: Date,
): Promise<number> {
  const row = await tx
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('stage', '=', 'active')
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', idleCutoff)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The user's sessions of every stage; the caller decides which still count. */
export async function listUserSessions(
  tx: Tx,
  organisationId: string,
  userId: string,
): Promise<SessionRow[]> {
  return tx
    .selectFrom('sessions')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute();
}

/** Only sessions of this user, whatever ids are passed. */
export async function deleteSessionsByIds(
  tx: Tx,
  organisationId: string,
  userId: string,
  ids: readonly string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await tx
    .deleteFrom('sessions')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('id', 'in', ids)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The user's sessions that began with single sign-on: unlinking the account ends them. */
export async function deleteUserSsoSessions(tx: Tx, organisationId: string, userId: string): Promise<number> {
  const result = await tx
    .deleteFrom('sessions')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('sign_in_method', '=', 'sso')
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
