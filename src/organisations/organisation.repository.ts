import type { Selectable, Updateable } from 'kysely';
import type { DisputesBodiesTable, OrganisationRow, OrganisationsTable } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';

export async function insertOrganisation(tx: Tx, row: OrganisationRow): Promise<void> {
  await tx.insertInto('organisations').values(row).execute();
}

export async function findOrganisation(tx: Tx, organisationId: string): Promise<OrganisationRow | undefined> {
  return tx.selectFrom('organisations').selectAll().where('id', '=', organisationId).executeTakeFirst();
}

export async function findOrganisationBySlug(tx: Tx, slug: string): Promise<OrganisationRow | undefined> {
  return tx.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function updateOrganisation(
  tx: Tx,
  organisationId: string,
  changes: Updateable<OrganisationsTable>,
): Promise<OrganisationRow | undefined> {
  return tx
    .updateTable('organisations')
    .set(changes)
    .where('id', '=', organisationId)
    .returningAll()
    .executeTakeFirst();
}

export async function countOrganisations(tx: Tx): Promise<number> {
  const row = await tx
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertDisputesBody(tx: Tx, row: Selectable<DisputesBodiesTable>): Promise<void> {
  await tx.insertInto('disputes_bodies').values(row).execute();
}

export async function findDisputesBody(
  tx: Tx,
  organisationId: string,
): Promise<Selectable<DisputesBodiesTable> | undefined> {
  return tx
    .selectFrom('disputes_bodies')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

export async function updateDisputesBody(
  tx: Tx,
  organisationId: string,
  changes: Updateable<DisputesBodiesTable>,
): Promise<Selectable<DisputesBodiesTable> | undefined> {
  return tx
    .updateTable('disputes_bodies')
    .set(changes)
    .where('organisation_id', '=', organisationId)
    .returningAll()
    .executeTakeFirst();
}
