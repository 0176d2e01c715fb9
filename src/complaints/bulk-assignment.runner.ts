import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AccessContext } from '../auth/access-context.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { withSystem, withTenant } from '../db/tenant.ts';
import { AppError } from '../errors.ts';
import type { LetterDeps } from '../letters/complaint-letters.ts';
import { performActionInTransaction } from '../procedure/procedure.service.ts';
import {
  findBulkAssignment,
  lockPendingItem,
  pendingPositions,
  setBulkStatus,
  settleItem,
  unfinishedBulkAssignments,
} from './bulk-assignment.repository.ts';
import type { BulkAssignmentJob, BulkAssignmentQueue } from './bulk-assignment.service.ts';

export interface BulkRunnerDeps {
  db: Kysely<Database>;
  clock: Clock;
  letters?: LetterDeps;
}

/**
 * The coordinator who asked, with the roles they have now: a coordinator who lost the role (or
 * their account) between the request and the run reassigns nothing more.
 */
async function requesterContext(
  deps: BulkRunnerDeps,
  organisationId: string,
  userId: string,
): Promise<AccessContext> {
  const user = await withTenant(deps.db, organisationId, (tx) =>
    tx
      .selectFrom('users')
      .select(['roles', 'disabled_at'])
      .where('organisation_id', '=', organisationId)
      .where('id', '=', userId)
      .executeTakeFirst(),
  );
  return {
    organisationId,
    userId,
    roles: user && user.disabled_at === null ? user.roles : [],
    actor: { kind: 'user', id: userId },
  };
}

function failureOf(error: unknown): { code: string; reason: string } {
  if (error instanceof AppError) return { code: error.code, reason: error.message };
  return { code: 'internal_error', reason: 'Er ging iets mis bij het toewijzen; probeer het opnieuw.' };
}

/**
 * Reassigns each complaint still pending, one transaction each, through the procedure step a single
 * reassignment takes (its gates, its dossier event; a refusal is recorded in the dossier as it
 * would be then). One complaint failing stops none of the others. Settled complaints are skipped,
 * so running the same request again (a retried job, a repeated request) changes nothing twice.
 */
export async function runBulkAssignment(deps: BulkRunnerDeps, job: BulkAssignmentJob): Promise<void> {
  const org = job.organisationId;
  const id = job.bulkAssignmentId;
  const bulk = await withTenant(deps.db, org, (tx) => findBulkAssignment(tx, org, id));
  if (!bulk || bulk.status === 'finished') return;
  await withTenant(deps.db, org, (tx) => setBulkStatus(tx, org, id, 'running', deps.clock.now()));
  const context = await requesterContext(deps, org, bulk.requested_by);
  const positions = await withTenant(deps.db, org, (tx) => pendingPositions(tx, org, id));
  for (const position of positions) {
    try {
      await withTenant(deps.db, org, async (tx) => {
        const item = await lockPendingItem(tx, org, id, position);
        if (!item) return; // another run settled it meanwhile
        const now = deps.clock.now();
        const outcome = await performActionInTransaction(
          tx,
          deps.letters,
          context,
          item.complaint_id,
          { action: 'assign_handler', handlerId: bulk.handler_id },
          now,
        );
        const [first] = outcome.refused ?? [];
        await settleItem(
          tx,
          org,
          id,
          position,
          first
            ? {
                status: 'failed',
                code: first.code,
                reason: outcome.refused!.map((r) => r.message).join(' '),
              }
            : { status: 'done' },
          now,
        );
      });
    } catch (error) {
      // The step threw (the handler left, the complaint is out of reach): its transaction is gone;
      // the reason is recorded on its own.
      await withTenant(deps.db, org, (tx) =>
        settleItem(tx, org, id, position, { status: 'failed', ...failureOf(error) }, deps.clock.now()),
      );
    }
  }
  await withTenant(deps.db, org, (tx) => setBulkStatus(tx, org, id, 'finished', deps.clock.now()));
}

/** Requests whose job was lost (made a minute ago or more and not finished), run again. */
export async function resumeBulkAssignments(deps: BulkRunnerDeps): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - 60_000);
  const lost = await withSystem(deps.db, (tx) => unfinishedBulkAssignments(tx, before));
  for (const row of lost) {
    await runBulkAssignment(deps, { organisationId: row.organisation_id, bulkAssignmentId: row.id });
  }
  return lost.length;
}

/**
 * Without the job system (JOBS_ENABLED=false, tests over app.inject): the process runs the request
 * itself right after answering. One request at a time, in order.
 */
export function inProcessBulkQueue(
  deps: BulkRunnerDeps,
  log?: Pick<Logger, 'error'>,
): BulkAssignmentQueue & {
  idle(): Promise<void>;
} {
  let chain: Promise<void> = Promise.resolve();
  return {
    enqueue(job) {
      chain = chain
        .then(() => runBulkAssignment(deps, job))
        .catch((error: unknown) => log?.error({ err: error }, 'bulk assignment failed'));
      return Promise.resolve();
    },
    idle: () => chain,
  };
}
