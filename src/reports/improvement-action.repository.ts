import type { Insertable, Updateable } from 'kysely';
import type { ImprovementActionsTable } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';

export async function insertImprovementAction(
  tx: Tx,
  row: Insertable<ImprovementActionsTable>,
): Promise<void> {
  await tx.insertInto('improvement_actions').values(row).execute();
}

export async function updateImprovementAction(
  tx: Tx,
  organisationId: string,
  id: string,
  changes: Updateable<ImprovementActionsTable>,
): Promise<void> {
  await tx
    .updateTable('improvement_actions')
    .set(changes)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

export async function deleteImprovementAction(tx: Tx, organisationId: string, id: string): Promise<void> {
  await tx
    .deleteFrom('improvement_actions')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

export async function findImprovementActions(
  tx: Tx,
  organisationId: string,
  filter: { id?: string; status?: 'open' | 'done' | 'cancelled'; forUpdate?: boolean },
) {
  let query = tx
    .selectFrom('improvement_actions as a')
    .innerJoin('users as u', (join) =>
      join.onRef('u.organisation_id', '=', 'a.organisation_id').onRef('u.id', '=', 'a.owner_id'),
    )
    .selectAll('a')
    .select('u.display_name as owner_name')
    .where('a.organisation_id', '=', organisationId);
  if (filter.id) query = query.where('a.id', '=', filter.id);
  if (filter.status) query = query.where('a.status', '=', filter.status);
  if (filter.forUpdate) query = query.forUpdate('a');
  return query.orderBy('a.due_date').orderBy('a.id').execute();
}

export async function findLinkedComplaints(tx: Tx, organisationId: string, actionIds: readonly string[]) {
  if (actionIds.length === 0) return [];
  return tx
    .selectFrom('improvement_action_complaints as l')
    .innerJoin('complaints as c', (join) =>
      join.onRef('c.organisation_id', '=', 'l.organisation_id').onRef('c.id', '=', 'l.complaint_id'),
    )
    .select(['l.action_id', 'l.complaint_id', 'c.reference'])
    .where('l.organisation_id', '=', organisationId)
    .where('l.action_id', 'in', actionIds)
    .orderBy('c.reference')
    .execute();
}

export async function existingComplaintIds(
  tx: Tx,
  organisationId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .selectFrom('complaints')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function linkComplaints(
  tx: Tx,
  organisationId: string,
  actionId: string,
  complaintIds: readonly string[],
  at: Date,
): Promise<void> {
  if (complaintIds.length === 0) return;
  await tx
    .insertInto('improvement_action_complaints')
    .values(
      complaintIds.map((complaintId) => ({
        organisation_id: organisationId,
        action_id: actionId,
        complaint_id: complaintId,
        linked_at: at,
      })),
    )
    .execute();
}

export async function unlinkComplaints(
  tx: Tx,
  organisationId: string,
  actionId: string,
  complaintIds: readonly string[],
): Promise<void> {
  if (complaintIds.length === 0) return;
  await tx
    .deleteFrom('improvement_action_complaints')
    .where('organisation_id', '=', organisationId)
    .where('action_id', '=', actionId)
    .where('complaint_id', 'in', complaintIds)
    .execute();
}
