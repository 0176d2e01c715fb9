import type { LocalDate } from '../domain/calendar/local-date.ts';
import type { ProcedureTerms } from '../domain/calendar/procedure-terms.ts';
import type { ComplaintSnapshot } from '../domain/procedure/complaint-snapshot.ts';
import type { Selectable } from 'kysely';
import type { Database } from '../db/schema.ts';
import { postedSentAt } from '../domain/letters/posted-date.ts';

/**
 * The pure assembly of a complaint snapshot from its rows. The procedure steps read the rows of one
 * complaint in one statement (snapshot.repository.ts), the reports read them per table for many
 * complaints at once, and a registration has them in memory: all three build the snapshot here, so
 * the clocks cannot depend on how the rows were read.
 */

const toDate = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

export interface ProcedureVersion {
  version: number;
  terms: ProcedureTerms;
  requireConsultationPerStep: boolean;
}

type Row<T extends keyof Database> = Selectable<Database[T]>;

/**
 * A row as the driver gives it (moments as Date) or as JSON gives it (moments as ISO text, with
 * their offset): the one-statement read carries the related rows as JSON arrays.
 */
export type Loose<T> = {
  [K in keyof T]: T[K] extends Date ? Date | string : T[K] extends Date | null ? Date | string | null : T[K];
};

/** The complaint columns the procedure rules look at. */
export type SnapshotComplaintColumns = Pick<
  Row<'complaints'>,
  | 'status'
  | 'received_at'
  | 'handler_id'
  | 'acknowledgment_sent_at'
  | 'information_not_needed_at'
  | 'liability_flagged_at'
  | 'insurer_notified_at'
  | 'decision_mode'
  | 'decision_communicated_at'
  | 'withdrawn_at'
  | 'reclassified_at'
  | 'closed_at'
  | 'category'
  | 'root_cause'
  | 'outcome'
>;

/** The rows a snapshot is made of; reports load them for many complaints at once. */
export interface SnapshotRows {
  complaint: SnapshotComplaintColumns;
  procedure: ProcedureVersion;
  involved: ReadonlyArray<Pick<Row<'complaint_involved_employees'>, 'user_id'>>;
  requests: ReadonlyArray<
    Loose<Pick<Row<'information_requests'>, 'id' | 'sent_at' | 'answered_at' | 'closed_not_needed_at'>>
  >;
  hearings: ReadonlyArray<
    Loose<
      Pick<
        Row<'hearings'>,
        | 'employee_id'
        | 'requested_at'
        | 'status'
        | 'statement_recorded_at'
        | 'signed_at'
        | 'waived_at'
        | 'waived_reason'
      >
    >
  >;
  consultations: ReadonlyArray<
    Loose<Pick<Row<'insurer_consultations'>, 'consulted_at' | 'with_whom' | 'agreed'>>
  >;
  delays: ReadonlyArray<Loose<Pick<Row<'delay_notices'>, 'sent_at' | 'reason' | 'new_date'>>>;
  meeting: Loose<Pick<Row<'meetings'>, 'invited_at' | 'scheduled_for' | 'confirmed_at'>> | undefined;
  referral: Loose<Pick<Row<'kifid_referrals'>, 'recorded_at' | 'case_number' | 'outcome'>> | undefined;
  organisation: Pick<Row<'organisations'>, 'kifid_affiliation_number'>;
}

/** When a letter counts as sent: its step's moment, or the day it was posted (see sentMomentFrom). */
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
 * The posted letters of one complaint as a SentMoment. A step's letter is issued in the step's
 * transaction, so the step's moment (acknowledgment sent, information requested, decision
 * communicated, ...) is the letter's `issued_at`. When a printed letter was marked as posted later,
 * the clocks count the posted day instead: this maps each such moment to its posted moment and
 * leaves every other moment alone.
 */
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
