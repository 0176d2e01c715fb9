import type { Kysely } from 'kysely';
import { requireRole, type AccessContext } from '../auth/access-context.ts';
import { requireDossierAccess } from '../auth/complaint-access.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import { insertInvolvedEmployees } from './complaint.repository.ts';
import { loadComplaintView } from './complaint.service.ts';
import type { ComplaintView } from './complaint.view.ts';

const FINISHED = ['closed', 'withdrawn', 'reclassified'];

/**
 * Names a colleague the complaint is about, after it was opened (a complaint from the form or a
 * mail rarely says who at once). From then on R4 applies to them: they are heard before a decision
 * and take no handler's step on it (domain/procedure/self-involvement.ts).
 */
export async function addInvolvedEmployee(
  deps: { db: Kysely<Database>; clock: Clock },
  context: AccessContext,
  complaintId: string,
  employeeId: string,
): Promise<ComplaintView> {
  requireRole(context, ['coordinator', 'handler']);
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    await requireDossierAccess(tx, context, complaintId, null);
    const complaint = await tx
      .selectFrom('complaints')
      .select('status')
      .where('organisation_id', '=', context.organisationId)
      .where('id', '=', complaintId)
      .forNoKeyUpdate()
      .executeTakeFirstOrThrow();
    if (FINISHED.includes(complaint.status)) {
      throw new ConflictError(
        'Deze klacht is afgerond; er komen geen betrokkenen meer bij.',
        'complaint_finished',
      );
    }
    const employee = await tx
      .selectFrom('users')
      .select(['id', 'disabled_at'])
      .where('organisation_id', '=', context.organisationId)
      .where('id', '=', employeeId)
      .executeTakeFirst();
    if (!employee || employee.disabled_at !== null) {
      throw new ValidationError('Deze medewerker is niet gevonden of uitgeschakeld.', [
        { field: '/employeeId', message: 'Deze medewerker is niet gevonden.' },
      ]);
    }
    const already = await tx
      .selectFrom('complaint_involved_employees')
      .select('user_id')
      .where('organisation_id', '=', context.organisationId)
      .where('complaint_id', '=', complaintId)
      .where('user_id', '=', employeeId)
      .executeTakeFirst();
    if (!already) {
      await insertInvolvedEmployees(tx, context.organisationId, complaintId, [employeeId], now);
      await appendDossierEvent(tx, context.organisationId, complaintId, {
        type: 'complaint.employee_involved',
        actor: context.actor,
        occurredAt: now,
        data: { employeeId },
      });
    }
    return loadComplaintView(tx, context.organisationId, complaintId);
  });
}
