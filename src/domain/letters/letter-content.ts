import type { LocalDate } from '../calendar/local-date.ts';
import type { DecisionLetterContent } from '../procedure/decision-letter.ts';

/**
 * What a letter says, field by field. Fields are nullable on purpose: a handler drafts a letter
 * piece by piece and the preview shows it before everything is filled in; `checkLetter` decides
 * whether it may be sent. Dates are calendar dates in Europe/Amsterdam.
 */

export interface LetterRecipient {
  /** "Dhr. J. de Vries", "Nationale Beroepsaansprakelijkheid N.V., t.a.v. afdeling Schade". */
  readonly name: string | null;
  /** Street, postal code and city, country: one line each, as they go on the envelope. */
  readonly addressLines: readonly string[];
}

export interface LetterSigner {
  readonly name: string | null;
  /** "Klachtencoördinator"; the letter reads fine without it. */
  readonly role: string | null;
}

/** The parts every letter has, whatever its type. */
export interface LetterCommon {
  /** Our reference: the complaint's (KL-2026-0042), or that of the cancellation request. */
  readonly reference: string | null;
  /** The recipient's own reference ("Uw kenmerk"), e.g. the insurer's claim number. */
  readonly yourReference?: string | null;
  readonly letterDate: LocalDate | null;
  /** Where the letter is written: "Amsterdam, 21 januari 2026". */
  readonly place: string | null;
  readonly recipient: LetterRecipient;
  /** "Geachte heer De Vries,"; when empty the template's salutation is used. */
  readonly salutation: string | null;
  readonly signer: LetterSigner;
}

/** A wall-clock time in Europe/Amsterdam, "HH:MM" (24 hours). */
export type ClockTime = string;

/** R2: the acknowledgment of receipt. */
export interface AcknowledgmentContent extends LetterCommon {
  readonly receivedDate: LocalDate | null;
  readonly complaintSummary: string | null;
  readonly investigationMethod: string | null;
  /** The actual date (in principle within one month), not "within a month". */
  readonly expectedContactDate: LocalDate | null;
  readonly handlerName: string | null;
  /** How the complainant reaches us about the complaint: e-mail, phone, address. */
  readonly contactDetails: string | null;
}

/** R6: the request for missing information. */
export interface InformationRequestContent extends LetterCommon {
  readonly missingInformation: readonly string[];
  readonly answerBy: LocalDate | null;
  readonly contactDetails: string | null;
  readonly receivedDate: LocalDate | null;
  /** What happens when the information does not come. */
  readonly consequence: string | null;
}

/** R7: the position comes later than the term. */
export interface DelayNoticeContent extends LetterCommon {
  readonly reason: string | null;
  readonly newDate: LocalDate | null;
  readonly contactDetails: string | null;
  readonly receivedDate: LocalDate | null;
  /** The date the position was due before this notice. */
  readonly originalDate: LocalDate | null;
}

/** The details of a personal conversation, shared by the invitation and its confirmation. */
export interface MeetingDetails {
  readonly meetingDate: LocalDate | null;
  readonly startTime: ClockTime | null;
  readonly endTime: ClockTime | null;
  readonly location: string | null;
  /** Who the complainant will speak with. */
  readonly handlerName: string | null;
  readonly contactDetails: string | null;
}

/** R7: the invitation to a personal conversation (an iCalendar event goes with it). */
export interface MeetingInvitationContent extends LetterCommon, MeetingDetails {
  readonly topic: string | null;
  readonly respondBy: LocalDate | null;
}

/** R7: the confirmation of the agreed conversation. */
export interface MeetingConfirmationContent extends LetterCommon, MeetingDetails {
  /** "U mag iemand meenemen", directions, parking. */
  readonly notes: string | null;
}

/** R8/R9: the written decision; its elements are the procedure's own `DecisionLetterContent`. */
export interface DecisionContent extends LetterCommon, DecisionLetterContent {}

/** R4: asking the involved employee for their side. */
export interface HearingRequestContent extends LetterCommon {
  readonly receivedDate: LocalDate | null;
  readonly complaintSummary: string | null;
  /** What we ask the employee to respond to. */
  readonly requestedComment: string | null;
  readonly respondBy: LocalDate | null;
  readonly handlerName: string | null;
}

/** R4: the written summary of the employee's reaction, for their signature. */
export interface HearingStatementContent extends LetterCommon {
  readonly reactionDate: LocalDate | null;
  readonly recordedBy: string | null;
  readonly reactionSummary: string | null;
  readonly complaintSummary: string | null;
  readonly signBy: LocalDate | null;
}

/** R5: informing the professional liability insurer, with an extract of the dossier. */
export interface InsurerNotificationContent extends LetterCommon {
  readonly policyNumber: string | null;
  readonly receivedDate: LocalDate | null;
  readonly handlerName: string | null;
  readonly complaintSummary: string | null;
  /** Why the complaint could lead to a liability claim. */
  readonly liabilityReason: string | null;
  /** The dossier so far: one line per document or event, with its date. */
  readonly dossierExtract: readonly string[];
  readonly contactDetails: string | null;
  /** "€ 12.500 (schatting klager)". */
  readonly claimAmount: string | null;
}

/** R5: the record of a consultation with the insurer, sent to them to confirm. */
export interface InsurerConsultationRecordContent extends LetterCommon {
  readonly consultationDate: LocalDate | null;
  readonly withWhom: string | null;
  readonly policyNumber: string | null;
  readonly agreed: string | null;
  readonly recordedBy: string | null;
  /** "telefonisch", "per e-mail", "op ons kantoor". */
  readonly consultationMode: string | null;
  readonly nextStep: string | null;
}

/** R10: confirmation of a cancellation request (opzegging). */
export interface CancellationConfirmationContent extends LetterCommon {
  readonly requestReceivedDate: LocalDate | null;
  /** The insurances cancelled, one per line: "Inboedelverzekering, polis 12345678". */
  readonly policies: readonly string[];
  readonly contactDetails: string | null;
  readonly effectiveDate: LocalDate | null;
  /** When the cancellation is linked to a complaint. */
  readonly complaintReference: string | null;
}

/** The content of each letter type. */
export interface LetterContentMap {
  acknowledgment: AcknowledgmentContent;
  information_request: InformationRequestContent;
  delay_notice: DelayNoticeContent;
  meeting_invitation: MeetingInvitationContent;
  meeting_confirmation: MeetingConfirmationContent;
  decision: DecisionContent;
  hearing_request: HearingRequestContent;
  hearing_statement: HearingStatementContent;
  insurer_notification: InsurerNotificationContent;
  insurer_consultation_record: InsurerConsultationRecordContent;
  cancellation_confirmation: CancellationConfirmationContent;
}

export type LetterContent<T extends keyof LetterContentMap = keyof LetterContentMap> = LetterContentMap[T];

/** The type-specific fields of a letter, without the common parts. */
export type LetterFieldName<T extends keyof LetterContentMap> = Exclude<
  keyof LetterContentMap[T],
  keyof LetterCommon
> &
  string;
