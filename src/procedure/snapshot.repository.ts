import type { LocalDate } from '../domain/calendar/local-date.ts';
import type { ProcedureTerms } from '../domain/calendar/procedure-terms.ts';
import type { ComplaintSnapshot } from '../domain/procedure/complaint-snapshot.ts';
import type { Selectable } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';
import { postedSentAt } from '../domain/letters/posted-date.ts';

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
 * decision taken on this snapshot cannot race another step on the same dossier.
 */
export async function loadComplaintSnapshot(
  tx: Tx,
  organisationId: string,
  complaintId: string,
): Promise<ComplaintSnapshot | undefined> {
  const complaint = await tx
    .selectFrom('complaints')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', complaintId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!complaint) return undefined;

  const [procedure, involved, requests, hearings, consultations, delays, meeting, referral, organisation] =
    await Promise.all([
      findProcedureVersion(tx, organisationId, complaint.procedure_version),
      tx
        .selectFrom('complaint_involved_employees')
        .select('user_id')
        .where('organisation_id', '=', organisationId)
        .where('complaint_id', '=', complaintId)
        .orderBy('user_id')
        .execute(),
      tx
        .selectFrom('information_requests')
        .select(['id', 'sent_at', 'answered_at', 'closed_not_needed_at'])
        .where('organisation_id', '=', organisationId)
        .where('complaint_id', '=', complaintId)
        .orderBy('sent_at')
        .execute(),
      tx
        .selectFrom('hearings')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('complaint_id', '=', complaintId)
        .orderBy('employee_id')
        .execute(),
      tx
        .selectFrom('insurer_consultations')
        .select(['consulted_at', 'with_whom', 'agreed'])
        .where('organisation_id', '=', organisationId)
        .where('complaint_id', '=', complaintId)
        .orderBy('consulted_at')
        .execute(),
      tx
        .selectFrom('delay_notices')
        .select(['sent_at', 'reason', 'new_date'])
        .where('organisation_id', '=', organisationId)
        .where('complaint_id', '=', complaintId)
        .orderBy('sent_at')
        .execute(),
      tx
        .selectFrom('meetings')
        .select(['invited_at', 'scheduled_for', 'confirmed_at'])
        .where('organisation_id', '=', organisationId)
        .where('complaint_id', '=', complaintId)
        .orderBy('invited_at', 'desc')
        .limit(1)
        .executeTakeFirst(),
      tx
        .selectFrom('kifid_referrals')
        .select(['recorded_at', 'case_number', 'outcome'])
        .where('organisation_id', '=', organisationId)
        .where('complaint_id', '=', complaintId)
        .executeTakeFirst(),
      tx
        .selectFrom('organisations')
        .select('kifid_affiliation_number')
        .where('id', '=', organisationId)
        .executeTakeFirstOrThrow(),
    ]);
  if (!procedure)
    throw new Error(`procedure version ${complaint.procedure_version} missing for ${organisationId}`);
  const sent = await postedLetterDates(tx, organisationId, complaintId);

  return snapshotFromRows(
    {
      complaint,
      procedure,
      involved,
      requests,
      hearings,
      consultations,
      delays,
      meeting,
      referral,
      organisation,
    },
    sent,
  );
}

type Row<T extends keyof Database> = Selectable<Database[T]>;

/** The rows a snapshot is made of; reports load them for many complaints at once. */
export interface SnapshotRows {
  complaint: Row<'complaints'>;
  procedure: ProcedureVersion;
  involved: ReadonlyArray<Pick<Row<'complaint_involved_employees'>, 'user_id'>>;
  requests: ReadonlyArray<
    Pick<Row<'information_requests'>, 'id' | 'sent_at' | 'answered_at' | 'closed_not_needed_at'>
  >;
  hearings: ReadonlyArray<Row<'hearings'>>;
  consultations: ReadonlyArray<Pick<Row<'insurer_consultations'>, 'consulted_at' | 'with_whom' | 'agreed'>>;
  delays: ReadonlyArray<Pick<Row<'delay_notices'>, 'sent_at' | 'reason' | 'new_date'>>;
  meeting: Pick<Row<'meetings'>, 'invited_at' | 'scheduled_for' | 'confirmed_at'> | undefined;
  referral: Pick<Row<'kifid_referrals'>, 'recorded_at' | 'case_number' | 'outcome'> | undefined;
  organisation: Pick<Row<'organisations'>, 'kifid_affiliation_number'>;
}

/** When a letter counts as sent: its step's moment, or the day it was posted (see postedLetterDates). */
export type SentMoment = <T extends Date | null>(letterType: string, at: T) => T;

const AS_RECORDED: SentMoment = (_letterType, at) => at;

export function snapshotFromRows(rows: SnapshotRows, sent: SentMoment = AS_RECORDED): ComplaintSnapshot {
  const { complaint, procedure, involved, requests, hearings, consultations, delays } = rows;
  const { meeting, referral, organisation } = rows;
  return {
    status: complaint.status,
    receivedAt: new Date(complaint.received_at),
    procedure: { version: procedure.version, terms: procedure.terms },
    handlerId: complaint.handler_id,
    involvedEmployeeIds: involved.map((i) => i.user_id),
    acknowledgmentSentAt: sent('acknowledgment', toDate(complaint.acknowledgment_sent_at)),
    informationRequests: requests.map((r) => ({
      id: r.id,
      sentAt: sent('information_request', new Date(r.sent_at)),
      answeredAt: toDate(r.answered_at),
      closedAsNotNeededAt: toDate(r.closed_not_needed_at),
    })),
    informationNotNeededAt: toDate(complaint.information_not_needed_at),
    hearings: hearings.map((h) => ({
      employeeId: h.employee_id,
      requestedAt: sent('hearing_request', toDate(h.requested_at)),
      status: h.status,
      statementRecordedAt: toDate(h.statement_recorded_at),
      signedAt: toDate(h.signed_at),
      waivedAt: toDate(h.waived_at),
      waivedReason: h.waived_reason,
    })),
    liability: {
      flaggedAt: toDate(complaint.liability_flagged_at),
      insurerNotifiedAt: sent('insurer_notification', toDate(complaint.insurer_notified_at)),
      consultations: consultations.map((c) => ({
        at: new Date(c.consulted_at),
        withWhom: c.with_whom,
        agreed: c.agreed,
      })),
      requireConsultationPerStep: procedure.requireConsultationPerStep,
    },
    delayNotices: delays.map((d) => ({
      sentAt: sent('delay_notice', new Date(d.sent_at)),
      reason: d.reason,
      newDate: d.new_date as LocalDate,
    })),
    meeting: meeting
      ? {
          invitedAt: sent('meeting_invitation', new Date(meeting.invited_at)),
          scheduledFor: new Date(meeting.scheduled_for),
          confirmedAt: toDate(meeting.confirmed_at),
        }
      : null,
    decision:
      complaint.decision_mode && complaint.decision_communicated_at
        ? {
            mode: complaint.decision_mode,
            communicatedAt:
              complaint.decision_mode === 'letter'
                ? sent('decision', new Date(complaint.decision_communicated_at))
                : new Date(complaint.decision_communicated_at),
          }
        : null,
    // Reclassified as not a complaint ends the procedure the way a withdrawal does.
    withdrawnAt: toDate(complaint.withdrawn_at ?? complaint.reclassified_at),
    closedAt: toDate(complaint.closed_at),
    category: complaint.category,
    rootCause: complaint.root_cause,
    outcome: complaint.outcome,
    organisation: { kifidAffiliationNumber: organisation.kifid_affiliation_number },
    kifidReferral: referral
      ? {
          recordedAt: new Date(referral.recorded_at),
          caseNumber: referral.case_number,
          outcome: referral.outcome,
        }
      : null,
  };
}

/**
 * A step's letter is issued in the step's transaction, so the step's moment (acknowledgment sent,
 * information requested, decision communicated, ...) is the letter's `issued_at`. When a printed
 * letter was marked as posted later, the clocks count the posted day instead: this maps each such
 * moment to its posted moment and leaves every other moment alone.
 */
async function postedLetterDates(tx: Tx, organisationId: string, complaintId: string): Promise<SentMoment> {
  const rows = await tx
    .selectFrom('letters')
    .select(['letter_type', 'issued_at', 'posted_on'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .where('posted_on', 'is not', null)
    .execute();
  return sentMomentFrom(rows);
}

/** The posted letters of one complaint as a SentMoment (reports build it for many at once). */
export function sentMomentFrom(
  rows: ReadonlyArray<{ letter_type: string; issued_at: Date | string; posted_on: string | null }>,
): SentMoment {
  const posted = new Map(
    rows
      .filter((row) => row.posted_on !== null)
      .map((row) => {
        const issuedAt = new Date(row.issued_at);
        return [
          `${row.letter_type}@${issuedAt.getTime()}`,
          postedSentAt(issuedAt, row.posted_on as LocalDate),
        ] as const;
      }),
  );
  return <T extends Date | null>(letterType: string, at: T): T =>
    at === null ? at : ((posted.get(`${letterType}@${at.getTime()}`) ?? at) as T);
}
