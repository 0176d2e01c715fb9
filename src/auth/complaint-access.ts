import type { Tx } from '../db/tenant.ts';
import { NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { AccessContext } from './access-context.ts';

/**
 * Who may see which dossier (deny by default):
 * - coordinator and auditor: every dossier of their organisation;
 * - handler: the complaints assigned to them, and unassigned ones (they are in the intake queue
 *   handlers triage);
 * - an employee or an administrator without another role: no dossier at all (employees see only
 *   their own hearing requests, elsewhere).
 * Anything else answers 404, exactly as a dossier that does not exist, so ids reveal nothing.
 * Every permitted read is recorded: who, when, what.
 */
export function canSeeEveryDossier(context: AccessContext): boolean {
  return context.roles.includes('coordinator') || context.roles.includes('auditor');
}

export async function requireDossierAccess(
  tx: Tx,
  context: AccessContext,
  complaintId: string,
  read: { what: string; at: Date } | null,
): Promise<void> {
  const complaint = await tx
    .selectFrom('complaints')
    .select(['handler_id'])
    .where('organisation_id', '=', context.organisationId)
    .where('id', '=', complaintId)
    .executeTakeFirst();
  const allowed =
    complaint !== undefined &&
    (canSeeEveryDossier(context) ||
      (context.roles.includes('handler') &&
        (complaint.handler_id === null || complaint.handler_id === context.userId)));
  if (!allowed) throw new NotFoundError('De klacht');
  if (read) {
    await tx
      .insertInto('dossier_reads')
      .values({
        organisation_id: context.organisationId,
        id: newId(),
        complaint_id: complaintId,
        user_id: context.userId,
        actor_kind: context.actor.kind,
        what: read.what,
        read_at: read.at,
      })
      .execute();
  }
}
