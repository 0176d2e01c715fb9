import type { LocalDate } from '../calendar/local-date.ts';
import type { ProcedureTerms } from '../calendar/procedure-terms.ts';
import type { ComplaintStatus, DecisionMode } from './complaint-state.ts';

/** R11: how a closed complaint ended. */
export const OUTCOMES = ['gegrond', 'deels_gegrond', 'ongegrond', 'ingetrokken'] as const;

export type Outcome = (typeof OUTCOMES)[number];

/** The procedure version the complaint started under; its terms never change afterwards. */
export interface ComplaintProcedure {
  readonly version: number;
  readonly terms: ProcedureTerms;
}

export interface InsurerConsultation {
  readonly at: Date;
  readonly withWhom: string;
  readonly agreed: string;
}

export interface LiabilitySnapshot {
  /** When the complaint was marked as a possible liability claim; null when it is not. */
  readonly flaggedAt: Date | null;
  /** When the insurer was informed, if that was recorded apart from a consultation. */
  readonly insurerNotifiedAt: Date | null;
  readonly consultations: readonly InsurerConsultation[];
  /**
   * Organisation setting: whether every later step towards the complainant needs a consultation
   * of its own (true, the seed's "alle verdere stappen") or one consultation after the flag covers all.
   */
  readonly requireConsultationPerStep: boolean;
}

export const HEARING_STATUSES = ['requested', 'statement_draft', 'signed', 'waived'] as const;

export type HearingStatus = (typeof HEARING_STATUSES)[number];

/** Wederhoor of one involved employee (R4). */
export interface HearingSnapshot {
  readonly employeeId: string;
  /** Null when the coordinator waived the hearing before anyone was asked. */
  readonly requestedAt: Date | null;
  readonly status: HearingStatus;
  /** When the summary of the employee's reaction was written down: the reaction came in. */
  readonly statementRecordedAt: Date | null;
  readonly signedAt: Date | null;
  readonly waivedAt: Date | null;
  readonly waivedReason: string | null;
}

export interface InformationRequestSnapshot {
  readonly id: string;
  readonly sentAt: Date;
  readonly answeredAt: Date | null;
  /** Closed without an answer because the information turned out not to be needed. */
  readonly closedAsNotNeededAt: Date | null;
}

export interface DelayNoticeSnapshot {
  readonly sentAt: Date;
  readonly reason: string;
  readonly newDate: LocalDate;
}

export interface MeetingPlanSnapshot {
  /** When the invitation went out: a step towards the complainant. */
  readonly invitedAt: Date;
  readonly scheduledFor: Date;
  /** When the agreed time was confirmed to the complainant: also a step towards them. */
  readonly confirmedAt?: Date | null;
}

export interface DecisionSnapshot {
  readonly mode: DecisionMode;
  /** When the position reached the complainant: the meeting was held or the letter sent. */
  readonly communicatedAt: Date;
}

export interface KifidReferralSnapshot {
  readonly recordedAt: Date;
  readonly caseNumber: string;
  readonly outcome: string | null;
}

export interface OrganisationSnapshot {
  readonly kifidAffiliationNumber: string | null;
}

/**
 * Everything the procedure rules need to know about one complaint, as plain data. A service builds
 * it from the database (complaint row, involved employees, dossier events) and hands it over; the
 * domain never fetches anything itself.
 */
export interface ComplaintSnapshot {
  readonly status: ComplaintStatus;
  readonly receivedAt: Date;
  readonly procedure: ComplaintProcedure;
  readonly handlerId: string | null;
  readonly involvedEmployeeIds: readonly string[];
  readonly acknowledgmentSentAt: Date | null;
  readonly informationRequests: readonly InformationRequestSnapshot[];
  /** When the handler decided that no information is missing (meets the 10-working-day clock). */
  readonly informationNotNeededAt: Date | null;
  readonly hearings: readonly HearingSnapshot[];
  readonly liability: LiabilitySnapshot;
  readonly delayNotices: readonly DelayNoticeSnapshot[];
  readonly meeting: MeetingPlanSnapshot | null;
  readonly decision: DecisionSnapshot | null;
  /**
   * When the complaint left the procedure without a position: withdrawn by the complainant, or
   * reclassified as not a complaint. From then on no clock of ours runs.
   */
  readonly withdrawnAt: Date | null;
  readonly closedAt: Date | null;
  readonly category: string | null;
  readonly rootCause: string | null;
  readonly outcome: Outcome | null;
  readonly organisation: OrganisationSnapshot;
  readonly kifidReferral: KifidReferralSnapshot | null;
}
