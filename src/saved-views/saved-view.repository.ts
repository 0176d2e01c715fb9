import type { Insertable } from 'kysely';
import type { SavedViewsTable } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';

export interface SavedViewRow {
  id: string;
  name: string;
  filters: unknown;
  created_at: Date | string;
}

export async function listSavedViews(
  tx: Tx,
  organisationId: string,
  userId: string,
): Promise<SavedViewRow[]> {
  return tx
    .selectFrom('saved_views')
    .select(['id', 'name', 'filters', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function countSavedViews(tx: Tx, organisationId: string, userId: string): Promise<number> {
  const row = await tx
    .selectFrom('saved_views')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertSavedView(tx: Tx, row: Insertable<SavedViewsTable>): Promise<SavedViewRow> {
  return tx
    .insertInto('saved_views')
    .values(row)
    .returning(['id', 'name', 'filters', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** Deletes only the user's own view; the number of rows tells whether there was one. */
export async function deleteSavedView(
  tx: Tx,
  organisationId: string,
  userId: string,
  viewId: string,
): Promise<number> {
  const result = await tx
    .deleteFrom('saved_views')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('id', '=', viewId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
