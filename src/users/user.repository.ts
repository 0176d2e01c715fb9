import type { Insertable } from 'kysely';
import type { UserRow, UsersTable } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';

export async function insertUser(tx: Tx, row: Insertable<UsersTable>): Promise<UserRow> {
  return tx.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findUsers(tx: Tx, organisationId: string, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return tx
    .selectFrom('users')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', ids)
    .execute();
}

export async function listUsers(tx: Tx, organisationId: string): Promise<UserRow[]> {
  return tx
    .selectFrom('users')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('display_name')
    .orderBy('id')
    .execute();
}

export async function findUserByEmail(
  tx: Tx,
  organisationId: string,
  email: string,
): Promise<UserRow | undefined> {
  return tx
    .selectFrom('users')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}
