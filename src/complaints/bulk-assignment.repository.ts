import type { Tx } from '../db/tenant.ts';
import type { Insertable } from 'kysely';
import type { BulkAssignmentItemsTable, BulkAssignmentsTable } from '../db/schema.ts';

export type BulkAssignmentRow = Omit<Insertable<BulkAssignmentsTable>, 'created_at' | 'finished_at'> & {
  created_at: Date | string;
  finished_at: Date | string | null;
};

export interface BulkAssignmentItemRow {
  position: number;
  complaint_id: string;
  reference: string;
  status: BulkAssignmentItemsTable['status'];
  reason_code: string | null;
  reason: string | null;
}

export async function insertBulkAssignment(
  tx: Tx,
  row: Insertable<BulkAssignmentsTable>,
  complaintIds: readonly string[],
): Promise<void> {
  await tx.insertInto('bulk_assignments').values(row).execute();
  await tx
    .insertInto('bulk_assignment_items')
    .values(
      complaintIds.map((complaintId, position) => ({
        organisation_id: row.organisation_id,
        bulk_assignment_id: row.id,
        position,
        complaint_id: complaintId,
        status: 'pending' as const,
        reason_code: null,
        reason: null,
        processed_at: null,
      })),
    )
    .execute();
}

export async function findBulkAssignment(
  tx: Tx,
  organisationId: string,
  id: string,
): Promise<BulkAssignmentRow | undefined> {
  return tx
    .selectFrom('bulk_assignments')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findBulkAssignmentByKey(
  tx: Tx,
  organisationId: string,
  requestedBy: string,
  key: string,
): Promise<BulkAssignmentRow | undefined> {
  return tx
    .selectFrom('bulk_assignments')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('requested_by', '=', requestedBy)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function listBulkAssignmentItems(
  tx: Tx,
  organisationId: string,
  id: string,
): Promise<BulkAssignmentItemRow[]> {
  return tx
    .selectFrom('bulk_assignment_items as i')
    .innerJoin('complaints as c', (j) =>
      j.onRef('c.organisation_id', '=', 'i.organisation_id').onRef('c.id', '=', 'i.complaint_id'),
    )
    .select(['i.position', 'i.complaint_id', 'c.reference', 'i.status', 'i.reason_code', 'i.reason'])
    .where('i.organisation_id', '=', organisationId)
    .where('i.bulk_assignment_id', '=', id)
    .orderBy('i.position')
    .execute();
}

/** The ids among `ids` that are complaints of this organisation. */
export async function existingComplaintIds(
  tx: Tx,
  organisationId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const rows = await tx
    .selectFrom('complaints')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The next complaint still to do, locked so two runners never take the same one. */
export async function lockPendingItem(
  tx: Tx,
  organisationId: string,
  id: string,
  position: number,
): Promise<{ complaint_id: string } | undefined> {
  return tx
    .selectFrom('bulk_assignment_items')
    .select('complaint_id')
    .where('organisation_id', '=', organisationId)
    .where('bulk_assignment_id', '=', id)
    .where('position', '=', position)
    .where('status', '=', 'pending')
    .forUpdate()
    .executeTakeFirst();
}

export async function pendingPositions(tx: Tx, organisationId: string, id: string): Promise<number[]> {
  const rows = await tx
    .selectFrom('bulk_assignment_items')
    .select('position')
    .where('organisation_id', '=', organisationId)
    .where('bulk_assignment_id', '=', id)
    .where('status', '=', 'pending')
    .orderBy('position')
    .execute();
  return rows.map((r) => r.position);
}

export async function settleItem(
  tx: Tx,
  organisationId: string,
  id: string,
  position: number,
  outcome: { status: 'done' } | { status: 'failed'; code: string; reason: string },
  now: Date,
): Promise<void> {
  await tx
    .updateTable('bulk_assignment_items')
    .set({
      status: outcome.status,
      reason_code: outcome.status === 'failed' ? outcome.code : null,
      reason: outcome.status === 'failed' ? outcome.reason : null,
      processed_at: now,
    })
    .where('organisation_id', '=', organisationId)
    .where('bulk_assignment_id', '=', id)
    .where('position', '=', position)
    .where('status', '=', 'pending')
    .execute();
}

export async function setBulkStatus(
  tx: Tx,
  organisationId: string,
  id: string,
  status: 'running' | 'finished',
  now: Date,
): Promise<void> {
  await tx
    .updateTable('bulk_assignments')
    .set({ status, finished_at: status === 'finished' ? now : null })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('status', '<>', 'finished')
    .execute();
}

/** Requests not finished a while after they were made: their job was lost (a crash, a failed send). */
export async function unfinishedBulkAssignments(
  tx: Tx,
  before: Date,
): Promise<Array<{ organisation_id: string; id: string }>> {
  return tx
    .selectFrom('bulk_assignments')
    .select(['organisation_id', 'id'])
    .where('status', '<>', 'finished')
    .where('created_at', '<', before)
    .orderBy('created_at')
    .limit(100)
    .execute();
}
