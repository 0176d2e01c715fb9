import type { LocalDate } from '../domain/calendar/local-date.ts';
import type { ProcedureTerms } from '../domain/calendar/procedure-terms.ts';
import type { ComplaintSnapshot } from '../domain/procedure/complaint-snapshot.ts';
import type { Tx } from '../db/tenant.ts';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';

const toDate = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

export interface ProcedureVersion {
  version: number;
  terms: ProcedureTerms;
  requireConsultationPerStep: boolean;
}

export async function findProcedureVersion(
  tx: Tx,
  organisationId: string,
  version?: number,
): Promise<ProcedureVersion | undefined> {
  let query = tx
    .selectFrom('procedure_versions')
    .select(['version', 'terms', 'require_consultation_per_step'])
    .where('organisation_id', '=', organisationId);
  query =
    version === undefined ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', version);
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return {
    version: row.version,
    terms: row.terms as ProcedureTerms,
    requireConsultationPerStep: row.require_consultation_per_step,
  };
}

export interface StoredProcedureVersion extends ProcedureVersion {
  effectiveFrom: Date;
}

export async function listProcedureVersions(
  tx: Tx,
  organisationId: string,
): Promise<StoredProcedureVersion[]> {
  const rows = await tx
    .selectFrom('procedure_versions')
    .select(['version', 'terms', 'require_consultation_per_step', 'effective_from'])
    .where('organisation_id', '=', organisationId)
    .orderBy('version')
    .execute();
  return rows.map((row) => ({
    version: row.version,
    terms: row.terms as ProcedureTerms,
    requireConsultationPerStep: row.require_consultation_per_step,
    effectiveFrom: new Date(row.effective_from),
  }));
}

export async function findClosingDays(
  tx: Tx,
  organisationId: string,
): Promise<Array<{ date: LocalDate; name: string }>> {
  const rows = await tx
    .selectFrom('organisation_closing_days')
    .select(['day', 'name'])
    .where('organisation_id', '=', organisationId)
    .orderBy('day')
    .execute();
  return rows.map((r) => ({ date: r.day as LocalDate, name: r.name }));
}

/**
 * Reads everything the procedure rules need about one complaint, locking the complaint row so the
 * decision taken on this snapshot cannot race another step on the same dossier. One statement, the
 * related rows as JSON arrays beside the complaint: every step, every registration and each
 * complaint the deadline sweep looks at reads a snapshot, and ten round trips per snapshot were
 * most of their time (docs/performance.md).
 */
export async function loadComplaintSnapshot(
  tx: Tx,
  organisationId: string,
  complaintId: string,
): Promise<ComplaintSnapshot | undefined> {
  const complaint = await tx
    .selectFrom('complaints as c')
    .selectAll('c')
    .select((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom('procedure_versions as v')
          .select(['v.version', 'v.terms', 'v.require_consultation_per_step'])
          .whereRef('v.organisation_id', '=', 'c.organisation_id')
          .whereRef('v.version', '=', 'c.procedure_version'),
      ).as('procedure'),
      jsonArrayFrom(
        eb
          .selectFrom('complaint_involved_employees as i')
          .select('i.user_id')
          .whereRef('i.organisation_id', '=', 'c.organisation_id')
          .whereRef('i.complaint_id', '=', 'c.id')
          .orderBy('i.user_id'),
      ).as('involved'),
      jsonArrayFrom(
        eb
          .selectFrom('information_requests as r')
          .select(['r.id', 'r.sent_at', 'r.answered_at', 'r.closed_not_needed_at'])
          .whereRef('r.organisation_id', '=', 'c.organisation_id')
          .whereRef('r.complaint_id', '=', 'c.id')
          .orderBy('r.sent_at'),
      ).as('requests'),
      jsonArrayFrom(
        eb
          .selectFrom('hearings as h')
          .select([
            'h.employee_id',
            'h.requested_at',
            'h.status',
            'h.statement_recorded_at',
            'h.signed_at',
            'h.waived_at',
            'h.waived_reason',
          ])
          .whereRef('h.organisation_id', '=', 'c.organisation_id')
          .whereRef('h.complaint_id', '=', 'c.id')
          .orderBy('h.employee_id'),
      ).as('hearings'),
      jsonArrayFrom(
        eb
          .selectFrom('insurer_consultations as k')
          .select(['k.consulted_at', 'k.with_whom', 'k.agreed'])
          .whereRef('k.organisation_id', '=', 'c.organisation_id')
          .whereRef('k.complaint_id', '=', 'c.id')
          .orderBy('k.consulted_at'),
      ).as('consultations'),
      jsonArrayFrom(
        eb
          .selectFrom('delay_notices as d')
          .select(['d.sent_at', 'd.reason', 'd.new_date'])
          .whereRef('d.organisation_id', '=', 'c.organisation_id')
          .whereRef('d.complaint_id', '=', 'c.id')
          .orderBy('d.sent_at'),
      ).as('delays'),
      jsonObjectFrom(
        eb
          .selectFrom('meetings as m')
          .select(['m.invited_at', 'm.scheduled_for'])
          .whereRef('m.organisation_id', '=', 'c.organisation_id')
          .whereRef('m.complaint_id', '=', 'c.id')
          .orderBy('m.invited_at', 'desc')
          .limit(1),
      ).as('meeting'),
      jsonObjectFrom(
        eb
          .selectFrom('kifid_referrals as f')
          .select(['f.recorded_at', 'f.case_number', 'f.outcome'])
          .whereRef('f.organisation_id', '=', 'c.organisation_id')
          .whereRef('f.complaint_id', '=', 'c.id'),
      ).as('referral'),
      eb
        .selectFrom('organisations as o')
        .select('o.kifid_affiliation_number')
        .whereRef('o.id', '=', 'c.organisation_id')
        .as('kifid_affiliation_number'),
    ])
    .where('c.organisation_id', '=', organisationId)
    .where('c.id', '=', complaintId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!complaint) return undefined;
  const { procedure, involved, requests, hearings, consultations, delays, meeting, referral } = complaint;
  if (!procedure)
    throw new Error(`procedure version ${complaint.procedure_version} missing for ${organisationId}`);

  return {
    status: complaint.status,
    receivedAt: new Date(complaint.received_at),
    procedure: { version: procedure.version, terms: procedure.terms as ProcedureTerms },
    handlerId: complaint.handler_id,
    involvedEmployeeIds: involved.map((i) => i.user_id),
    acknowledgmentSentAt: toDate(complaint.acknowledgment_sent_at),
    informationRequests: requests.map((r) => ({
      id: r.id,
      sentAt: new Date(r.sent_at),
      answeredAt: toDate(r.answered_at),
      closedAsNotNeededAt: toDate(r.closed_not_needed_at),
    })),
    informationNotNeededAt: toDate(complaint.information_not_needed_at),
    hearings: hearings.map((h) => ({
      employeeId: h.employee_id,
      requestedAt: toDate(h.requested_at),
      status: h.status,
      statementRecordedAt: toDate(h.statement_recorded_at),
      signedAt: toDate(h.signed_at),
      waivedAt: toDate(h.waived_at),
      waivedReason: h.waived_reason,
    })),
    liability: {
      flaggedAt: toDate(complaint.liability_flagged_at),
      insurerNotifiedAt: toDate(complaint.insurer_notified_at),
      consultations: consultations.map((c) => ({
        at: new Date(c.consulted_at),
        withWhom: c.with_whom,
        agreed: c.agreed,
      })),
      requireConsultationPerStep: procedure.require_consultation_per_step,
    },
    delayNotices: delays.map((d) => ({
      sentAt: new Date(d.sent_at),
      reason: d.reason,
      newDate: d.new_date as LocalDate,
    })),
    meeting: meeting
      ? { invitedAt: new Date(meeting.invited_at), scheduledFor: new Date(meeting.scheduled_for) }
      : null,
    decision:
      complaint.decision_mode && complaint.decision_communicated_at
        ? { mode: complaint.decision_mode, communicatedAt: new Date(complaint.decision_communicated_at) }
        : null,
    // Reclassified as not a complaint ends the procedure the way a withdrawal does.
    withdrawnAt: toDate(complaint.withdrawn_at ?? complaint.reclassified_at),
    closedAt: toDate(complaint.closed_at),
    category: complaint.category,
    rootCause: complaint.root_cause,
    outcome: complaint.outcome,
    organisation: { kifidAffiliationNumber: complaint.kifid_affiliation_number ?? null },
    kifidReferral: referral
      ? {
          recordedAt: new Date(referral.recorded_at),
          caseNumber: referral.case_number,
          outcome: referral.outcome,
        }
      : null,
  };
}
