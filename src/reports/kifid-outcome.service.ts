import { requireRole, type AccessContext } from '../auth/access-context.ts';
import { requireDossierAccess } from '../auth/complaint-access.ts';
import { withTenant } from '../db/tenant.ts';
import { amsterdamDateOf, compareLocalDates, type LocalDate } from '../domain/calendar/local-date.ts';
import type { KifidOutcomeCode } from '../domain/reports/outcomes.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import { RuleViolationError, ValidationError } from '../errors.ts';
import type { ReportDeps } from './reports.service.ts';

export interface KifidOutcomeInput {
  outcomeCode: KifidOutcomeCode;
  /** The date of KiFiD's ruling or of the settlement. */
  decidedOn: LocalDate;
}

export interface KifidOutcomeView {
  complaintId: string;
  caseNumber: string;
  outcomeCode: KifidOutcomeCode;
  decidedOn: LocalDate;
  recordedAt: Date;
}

/**
 * How a KiFiD case ended, as a code that can be counted. The case itself is recorded as a step of
 * the procedure (record_kifid_referral, after closing); this adds its end. Coordinator only; the
 * dossier gets an event with the code and the date.
 */
export async function recordKifidOutcome(
  deps: ReportDeps,
  context: AccessContext,
  complaintId: string,
  input: KifidOutcomeInput,
): Promise<KifidOutcomeView> {
  requireRole(context, ['coordinator']);
  const now = deps.clock.now();
  if (compareLocalDates(input.decidedOn, amsterdamDateOf(now)) > 0) {
    throw new ValidationError(
      'De datum van de uitspraak ligt in de toekomst.',
      [{ field: '/decidedOn', message: 'in the future' }],
      'kifid_outcome_date_in_future',
    );
  }
  return withTenant(deps.db, context.organisationId, async (tx) => {
    await requireDossierAccess(tx, context, complaintId, null);
    const referral = await tx
      .selectFrom('kifid_referrals')
      .select(['case_number', 'outcome_code'])
      .where('organisation_id', '=', context.organisationId)
      .where('complaint_id', '=', complaintId)
      .forUpdate()
      .executeTakeFirst();
    if (!referral) {
      throw new RuleViolationError(
        'kifid_referral_missing',
        'Er is voor deze klacht geen KiFiD-zaak vastgelegd; leg eerst de zaak vast.',
      );
    }
    await tx
      .updateTable('kifid_referrals')
      .set({ outcome_code: input.outcomeCode, outcome_on: input.decidedOn, outcome_recorded_at: now })
      .where('organisation_id', '=', context.organisationId)
      .where('complaint_id', '=', complaintId)
      .execute();
    await appendDossierEvent(tx, context.organisationId, complaintId, {
      type: 'complaint.kifid_outcome_recorded',
      actor: context.actor,
      occurredAt: now,
      data: {
        outcomeCode: input.outcomeCode,
        decidedOn: input.decidedOn,
        replacesEarlierOutcome: referral.outcome_code !== null,
      },
    });
    return {
      complaintId,
      caseNumber: referral.case_number,
      outcomeCode: input.outcomeCode,
      decidedOn: input.decidedOn,
      recordedAt: now,
    };
  });
}
