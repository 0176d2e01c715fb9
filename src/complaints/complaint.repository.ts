import { sql, type Insertable } from 'kysely';
import type { ComplainantsTable, ComplaintRow, ComplaintsTable } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';

export async function insertComplainant(tx: Tx, row: Insertable<ComplainantsTable>): Promise<void> {
  await tx.insertInto('complainants').values(row).execute();
}

/**
 * Gapless per organisation and year: the counter row is locked by the upsert until the intake
 * transaction ends, and a rolled-back intake gives its number back with it.
 */
export async function takeNextReferenceNumber(
  tx: Tx,
  organisationId: string,
  year: number,
  series: 'KL' | 'OP' = 'KL',
): Promise<number> {
  const row = await tx
    .insertInto('reference_counters')
    .values({ organisation_id: organisationId, series, year, last_number: 1 })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'series', 'year']).doUpdateSet({
        last_number: sql<number>`reference_counters.last_number + 1`,
      }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

export async function insertComplaint(tx: Tx, row: Insertable<ComplaintsTable>): Promise<ComplaintRow> {
  return tx.insertInto('complaints').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertInvolvedEmployees(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  userIds: readonly string[],
  addedAt: Date,
): Promise<void> {
  if (userIds.length === 0) return;
  await tx
    .insertInto('complaint_involved_employees')
    .values(
      userIds.map((userId) => ({
        organisation_id: organisationId,
        complaint_id: complaintId,
        user_id: userId,
        added_at: addedAt,
      })),
    )
    .execute();
}

export interface ComplaintDetailRow extends ComplaintRow {
  complainant_name: string;
  complainant_email: string | null;
  complainant_phone: string | null;
  complainant_street: string | null;
  complainant_postal_code: string | null;
  complainant_city: string | null;
  complainant_country: string | null;
  handler_name: string | null;
}

export async function findComplaintDetail(
  tx: Tx,
  organisationId: string,
  complaintId: string,
): Promise<ComplaintDetailRow | undefined> {
  return tx
    .selectFrom('complaints as c')
    .innerJoin('complainants as p', (join) =>
      join.onRef('p.organisation_id', '=', 'c.organisation_id').onRef('p.id', '=', 'c.complainant_id'),
    )
    .leftJoin('users as h', (join) =>
      join.onRef('h.organisation_id', '=', 'c.organisation_id').onRef('h.id', '=', 'c.handler_id'),
    )
    .selectAll('c')
    .select([
      'p.name as complainant_name',
      'p.email as complainant_email',
      'p.phone as complainant_phone',
      'p.street as complainant_street',
      'p.postal_code as complainant_postal_code',
      'p.city as complainant_city',
      'p.country as complainant_country',
      'h.display_name as handler_name',
    ])
    .where('c.organisation_id', '=', organisationId)
    .where('c.id', '=', complaintId)
    .executeTakeFirst();
}

export async function findInvolvedEmployees(
  tx: Tx,
  organisationId: string,
  complaintId: string,
): Promise<Array<{ user_id: string; display_name: string }>> {
  return tx
    .selectFrom('complaint_involved_employees as i')
    .innerJoin('users as u', (join) =>
      join.onRef('u.organisation_id', '=', 'i.organisation_id').onRef('u.id', '=', 'i.user_id'),
    )
    .select(['i.user_id', 'u.display_name'])
    .where('i.organisation_id', '=', organisationId)
    .where('i.complaint_id', '=', complaintId)
    .orderBy('u.display_name')
    .execute();
}
