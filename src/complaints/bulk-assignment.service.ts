import type { Kysely } from 'kysely';
import { requireRole, type AccessContext } from '../auth/access-context.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { findUsers } from '../users/user.repository.ts';
import {
  existingComplaintIds,
  findBulkAssignment,
  findBulkAssignmentByKey,
  insertBulkAssignment,
  listBulkAssignmentItems,
  type BulkAssignmentItemRow,
  type BulkAssignmentRow,
} from './bulk-assignment.repository.ts';

/**
 * One request reassigns at most this many complaints: a page of the work queue and then some. More
 * is refused (400 bulk_assignment_too_large) rather than cut short, so nobody thinks it all went.
 */
export const MAX_BULK_ASSIGNMENT = 200;

export interface BulkAssignmentJob {
  organisationId: string;
  bulkAssignmentId: string;
}

/** Hands a stored request to whoever runs it (pg-boss in a server, the process itself otherwise). */
export interface BulkAssignmentQueue {
  enqueue(job: BulkAssignmentJob): Promise<void>;
}

export interface BulkAssignmentDeps {
  db: Kysely<Database>;
  clock: Clock;
  queue: BulkAssignmentQueue;
}

export interface BulkAssignmentView {
  id: string;
  status: 'queued' | 'running' | 'finished';
  handlerId: string;
  total: number;
  done: number;
  failed: number;
  createdAt: Date;
  finishedAt: Date | null;
  items: Array<{
    complaintId: string;
    reference: string;
    status: 'pending' | 'done' | 'failed';
    reasonCode: string | null;
    reason: string | null;
  }>;
}

function viewOf(row: BulkAssignmentRow, items: BulkAssignmentItemRow[]): BulkAssignmentView {
  return {
    id: row.id,
    status: row.status,
    handlerId: row.handler_id,
    total: row.total,
    done: items.filter((i) => i.status === 'done').length,
    failed: items.filter((i) => i.status === 'failed').length,
    createdAt: new Date(row.created_at),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at),
    items: items.map((i) => ({
      complaintId: i.complaint_id,
      reference: i.reference,
      status: i.status,
      reasonCode: i.reason_code,
      reason: i.reason,
    })),
  };
}

/**
 * Stores a reassignment of several complaints and queues it; each complaint is then reassigned by
 * the same procedure step as one reassignment (see bulk-assignment.runner.ts). Only a coordinator
 * reassigns (R1). The same Idempotency-Key from the same coordinator gives the same request back.
 */
export async function startBulkAssignment(
  deps: BulkAssignmentDeps,
  context: AccessContext,
  input: { complaintIds: readonly string[]; handlerId: string; idempotencyKey?: string },
): Promise<{ view: BulkAssignmentView; created: boolean }> {
  requireRole(context, ['coordinator']);
  const complaintIds = [...new Set(input.complaintIds)];
  if (complaintIds.length === 0) {
    throw new ValidationError('Kies ten minste één klacht.', [{ field: '/complaintIds', message: 'empty' }]);
  }
  if (complaintIds.length > MAX_BULK_ASSIGNMENT) {
    throw new ValidationError(
      `In één keer kunt u ten hoogste ${MAX_BULK_ASSIGNMENT} klachten toewijzen; u koos er ${complaintIds.length}.`,
      [{ field: '/complaintIds', message: `at most ${MAX_BULK_ASSIGNMENT}` }],
      'bulk_assignment_too_large',
    );
  }
  const now = deps.clock.now();
  const outcome = await withTenant(deps.db, context.organisationId, async (tx) => {
    const org = context.organisationId;
    if (input.idempotencyKey && context.userId) {
      const earlier = await findBulkAssignmentByKey(tx, org, context.userId, input.idempotencyKey);
      if (earlier) {
        return { row: earlier, items: await listBulkAssignmentItems(tx, org, earlier.id), created: false };
      }
    }
    const [handler] = await findUsers(tx, org, [input.handlerId]);
    if (
      !handler ||
      handler.disabled_at !== null ||
      !handler.roles.some((r) => r === 'handler' || r === 'coordinator')
    ) {
      throw new ValidationError(
        'Deze behandelaar bestaat niet of mag geen klachten behandelen.',
        [{ field: '/handlerId', message: 'not an active handler or coordinator of this organisation' }],
        'handler_not_eligible',
      );
    }
    // A complaint of another organisation is as unknown as one that does not exist.
    const known = await existingComplaintIds(tx, org, complaintIds);
    if (known.size !== complaintIds.length) throw new NotFoundError('De klacht', 'complaint_not_found');
    // The steps are taken in the name of the coordinator who asked, so a person must have asked.
    if (!context.userId) throw new ValidationError('Alleen een medewerker kan klachten toewijzen.');
    const row = {
      organisation_id: org,
      id: newId(),
      requested_by: context.userId,
      handler_id: input.handlerId,
      idempotency_key: input.idempotencyKey ?? null,
      status: 'queued' as const,
      total: complaintIds.length,
      created_at: now,
      finished_at: null,
    };
    await insertBulkAssignment(tx, row, complaintIds);
    return { row, items: await listBulkAssignmentItems(tx, org, row.id), created: true };
  });
  // Queued after the commit, so the job always finds the request; a lost send is picked up by the
  // minute job (bulk-assignments.job.ts). A repeated request is queued again: running twice is safe.
  if (outcome.row.status !== 'finished') {
    await deps.queue.enqueue({ organisationId: context.organisationId, bulkAssignmentId: outcome.row.id });
  }
  return { view: viewOf(outcome.row, outcome.items), created: outcome.created };
}

/** Progress and outcome per complaint; a request of another organisation is not found. */
export async function getBulkAssignment(
  deps: Pick<BulkAssignmentDeps, 'db'>,
  context: AccessContext,
  id: string,
): Promise<BulkAssignmentView> {
  // The auditor reads everything and changes nothing: the progress and failures are a read.
  requireRole(context, ['coordinator', 'auditor']);
  return withTenant(deps.db, context.organisationId, async (tx) => {
    const row = await findBulkAssignment(tx, context.organisationId, id);
    if (!row) throw new NotFoundError('De toewijzingsopdracht');
    return viewOf(row, await listBulkAssignmentItems(tx, context.organisationId, id));
  });
}
