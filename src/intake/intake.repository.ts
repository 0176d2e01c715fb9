import type { Insertable, Selectable } from 'kysely';
import type { IntakeClassification, IntakeItemsTable } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';
import { newId } from '../ids.ts';

export type IntakeItemRow = Selectable<IntakeItemsTable>;

export async function insertIntakeItem(tx: Tx, row: Insertable<IntakeItemsTable>): Promise<IntakeItemRow> {
  return tx.insertInto('intake_items').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findIntakeItem(
  tx: Tx,
  organisationId: string,
  id: string,
): Promise<IntakeItemRow | undefined> {
  return tx
    .selectFrom('intake_items')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

export async function findIntakeItemOfComplaint(
  tx: Tx,
  organisationId: string,
  complaintId: string,
): Promise<IntakeItemRow | undefined> {
  return tx
    .selectFrom('intake_items')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .executeTakeFirst();
}

export async function listIntakeItems(
  tx: Tx,
  organisationId: string,
  filter: { statuses: ReadonlyArray<IntakeItemRow['status']>; limit: number },
): Promise<IntakeItemRow[]> {
  return tx
    .selectFrom('intake_items')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('status', 'in', filter.statuses)
    .orderBy('received_at')
    .orderBy('id')
    .limit(filter.limit)
    .execute();
}

export async function updateIntakeItem(
  tx: Tx,
  organisationId: string,
  id: string,
  changes: Partial<
    Pick<
      IntakeItemRow,
      'kind' | 'status' | 'complaint_id' | 'cancellation_request_id' | 'triaged_by' | 'triaged_at'
    >
  >,
): Promise<void> {
  await tx
    .updateTable('intake_items')
    .set(changes)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

export async function recordClassification(
  tx: Tx,
  organisationId: string,
  itemId: string,
  change: {
    from: IntakeClassification;
    to: IntakeClassification;
    reason: string;
    by: string | null;
    at: Date;
  },
): Promise<void> {
  await tx
    .insertInto('intake_classifications')
    .values({
      organisation_id: organisationId,
      id: newId(),
      intake_item_id: itemId,
      from_kind: change.from,
      to_kind: change.to,
      reason: change.reason,
      classified_by: change.by,
      classified_at: change.at,
    })
    .execute();
}

export async function listClassifications(tx: Tx, organisationId: string, itemIds: readonly string[]) {
  if (itemIds.length === 0) return [];
  return tx
    .selectFrom('intake_classifications')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('intake_item_id', 'in', itemIds)
    .orderBy('classified_at')
    .execute();
}
