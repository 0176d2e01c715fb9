import type { AcknowledgmentTaskOutcome } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';

/** Written in the registration's transaction: the acknowledgment of this complaint is to be settled. */
export async function queueAcknowledgmentTask(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  now: Date,
): Promise<void> {
  await tx
    .insertInto('acknowledgment_tasks')
    .values({
      organisation_id: organisationId,
      complaint_id: complaintId,
      created_at: now,
      last_error: null,
      waiting_since: null,
      settled_at: null,
      outcome: null,
    })
    .execute();
}

/**
 * Open tasks across organisations, oldest first (the job's system-level look). A task that waits
 * for a handler comes back once one is assigned, or once the complaint moved on without it.
 */
export async function findOpenAcknowledgmentTasks(
  tx: Tx,
  limit: number,
): Promise<Array<{ organisationId: string; complaintId: string }>> {
  const rows = await tx
    .selectFrom('acknowledgment_tasks as t')
    .innerJoin('complaints as c', (j) =>
      j.onRef('c.organisation_id', '=', 't.organisation_id').onRef('c.id', '=', 't.complaint_id'),
    )
    .select(['t.organisation_id', 't.complaint_id'])
    .where('t.settled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('t.waiting_since', 'is', null),
        eb('c.handler_id', 'is not', null),
        eb('c.status', '!=', 'received'),
      ]),
    )
    .orderBy('t.created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ organisationId: r.organisation_id, complaintId: r.complaint_id }));
}

/** The task, locked for this transaction; undefined when settled or taken by another process. */
export async function claimAcknowledgmentTask(
  tx: Tx,
  organisationId: string,
  complaintId: string,
): Promise<{ attempts: number; waiting_since: Date | string | null } | undefined> {
  return tx
    .selectFrom('acknowledgment_tasks')
    .select(['attempts', 'waiting_since'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .where('settled_at', 'is', null)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

export async function settleAcknowledgmentTask(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  outcome: AcknowledgmentTaskOutcome,
  now: Date,
): Promise<void> {
  await tx
    .updateTable('acknowledgment_tasks')
    .set({ outcome, settled_at: now })
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .execute();
}

export async function recordAcknowledgmentAttempt(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  error: string,
): Promise<number> {
  const row = await tx
    .updateTable('acknowledgment_tasks')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error }))
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .where('settled_at', 'is', null)
    .returning('attempts')
    .executeTakeFirst();
  return row?.attempts ?? 0;
}

export async function markAcknowledgmentTaskWaiting(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  now: Date,
): Promise<void> {
  await tx
    .updateTable('acknowledgment_tasks')
    .set({ waiting_since: now })
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .execute();
}
