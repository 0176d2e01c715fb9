/**
 * The shapes of the API as GET /api/v1/openapi.json describes them (written by hand from the route
 * schemas; field names and nullability follow the server exactly).
 */

export type Role = 'coordinator' | 'handler' | 'employee' | 'auditor' | 'admin';

export type Channel = 'web_form' | 'email' | 'letter' | 'phone' | 'visit' | 'api';

export type ComplaintStatus =
  'received' | 'acknowledged' | 'in_investigation' | 'decided' | 'closed' | 'withdrawn' | 'reclassified';

export const COMPLAINT_STATUSES: readonly ComplaintStatus[] = [
  'received',
  'acknowledged',
  'in_investigation',
  'decided',
  'closed',
  'withdrawn',
  'reclassified',
];

export const OPEN_STATUSES: readonly ComplaintStatus[] = [
  'received',
  'acknowledged',
  'in_investigation',
  'decided',
];

export const CHANNELS: readonly Channel[] = ['web_form', 'email', 'letter', 'phone', 'visit', 'api'];

export type Outcome = 'gegrond' | 'deels_gegrond' | 'ongegrond' | 'ingetrokken';

export const OUTCOMES: readonly Outcome[] = ['gegrond', 'deels_gegrond', 'ongegrond', 'ingetrokken'];

export interface PersonRef {
  id: string;
  name: string;
}

export interface Complaint {
  id: string;
  reference: string;
  channel: string;
  receivedAt: string;
  status: ComplaintStatus;
  product: string | null;
  description: string;
  desiredOutcome: string | null;
  complainant: {
    id: string;
    name: string;
    email: string | null;
    phone: string | null;
    street: string | null;
    postalCode: string | null;
    city: string | null;
    country: string | null;
  };
  handler: PersonRef | null;
  involvedEmployees: PersonRef[];
  category: string | null;
  rootCause: string | null;
  outcome: string | null;
  liabilityFlag: boolean;
  eventHead: { sequence: number; hash: string | null };
  createdAt: string;
  updatedAt: string;
}

export interface ComplaintListItem {
  id: string;
  reference: string;
  channel: string;
  receivedAt: string;
  status: ComplaintStatus;
  handlerId: string | null;
  liabilityFlag: boolean;
  product: string | null;
  category: string | null;
  complainantName: string;
  /** YYYY-MM-DD: the nearest clock that still asks something of us (open or missed). */
  nextClockDue: string | null;
  /** The clock behind nextClockDue when the server can name it from the row. */
  nextClockKind: 'acknowledgment' | 'decision' | null;
  /** The traffic light, decided by the server with the organisation's working days. */
  nextClockUrgency: ClockUrgency;
  acknowledgeDue: string | null;
  decisionTarget: string | null;
}

export type ClockUrgency = 'on_track' | 'due_soon' | 'missed' | 'none';

export interface ComplaintPage {
  items: ComplaintListItem[];
  nextCursor: string | null;
}

/** The work-queue filters; a saved view stores exactly these. */
export interface ComplaintFilters {
  status?: readonly ComplaintStatus[];
  channel?: Channel;
  /** A handler's id, or `none` for the unassigned ones. */
  handlerId?: string;
  category?: string;
  liabilityFlag?: boolean;
  overdue?: boolean;
  /** Dutch full-text search (websearch syntax). */
  q?: string;
}

export interface ComplaintListQuery extends ComplaintFilters {
  cursor?: string;
  limit?: number;
  sort?: 'received' | 'deadline';
}

export interface SavedView {
  id: string;
  name: string;
  filters: ComplaintFilters;
  createdAt: string;
}

export type ClockKind =
  | 'acknowledgment'
  | 'missing_information'
  | 'decision'
  | 'delay_notice'
  | 'hearing_reaction'
  | 'insurer_notification'
  | 'kifid_no_position'
  | 'kifid_window';

export type ClockState = 'open' | 'met_on_time' | 'met_late' | 'missed' | 'not_applicable' | 'elapsed';

export interface Clock {
  kind: ClockKind;
  subjectId: string | null;
  informative: boolean;
  /** YYYY-MM-DD, Europe/Amsterdam. */
  dueDate: string | null;
  dueAt: string | null;
  originalDueDate: string | null;
  state: ClockState;
  metAt: string | null;
  metBy: string | null;
  /** How the date was found, in plain Dutch (from the server; letters and exports use it). */
  explanation: string;
  /** The same in the language the app asked for (`lang`), rendered by the server's domain. */
  explanationText: string;
  provisional: boolean;
}

export interface Refusal {
  code: string;
  /** Dutch, from the server. */
  message: string;
  /** The same in the language the app asked for (`lang`). */
  text: string;
  details?: Record<string, string>;
}

export type ActionName =
  | 'acknowledge'
  | 'assign_handler'
  | 'request_information'
  | 'register_information_received'
  | 'close_information_not_needed'
  | 'start_hearing'
  | 'record_hearing_statement'
  | 'sign_hearing_statement'
  | 'waive_hearing'
  | 'flag_liability'
  | 'notify_insurer'
  | 'record_insurer_consultation'
  | 'send_delay_notice'
  | 'plan_meeting'
  | 'confirm_meeting'
  | 'record_meeting'
  | 'send_decision_letter'
  | 'close'
  | 'withdraw'
  | 'reclassify'
  | 'record_kifid_referral';

export interface ActionAvailability<A extends string = string> {
  /** A step (ActionName) or another permission the server reports, such as add_note. */
  action: A;
  allowed: boolean;
  refusals: Refusal[];
}

export type Substate = 'awaiting_information' | 'hearing' | 'awaiting_insurer';

export interface ProcedureState {
  /** The language of explanationText and refusal text. */
  language: 'nl' | 'en';
  complaint: Complaint;
  substates: Substate[];
  clocks: Clock[];
  actions: ActionAvailability[];
}

export interface DisputesBodyBlock {
  name: string | null;
  postalAddress: string | null;
  postalCodeCity: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  affiliationNumber: string | null;
  term: string | null;
}

export interface DecisionLetter {
  receivedDate: string | null;
  complaintSummary: string | null;
  investigationResults: string | null;
  judgment: string | null;
  followUpActions: string | null;
  furtherContact: string | null;
  disputesBody: DisputesBodyBlock | null;
}

export type ReclassifyKind = 'question' | 'claim' | 'cancellation' | 'other';

/** The body each step takes; the path names the step. */
export interface ActionBodies {
  acknowledge: Record<string, never>;
  assign_handler: { handlerId: string };
  request_information: { whatIsMissing: string };
  register_information_received: { requestId?: string };
  close_information_not_needed: Record<string, never>;
  start_hearing: { employeeId: string; requestText: string };
  record_hearing_statement: { employeeId: string; statementText: string };
  sign_hearing_statement: { employeeId: string };
  waive_hearing: { employeeId: string; reason: string };
  flag_liability: Record<string, never>;
  notify_insurer: Record<string, never>;
  record_insurer_consultation: { at: string; withWhom: string; agreed: string };
  send_delay_notice: { reason: string; newDate: string };
  plan_meeting: { scheduledFor: string };
  confirm_meeting: { scheduledFor?: string };
  record_meeting: { heldAt: string; minutes: string };
  send_decision_letter: { letter: DecisionLetter };
  close: { category?: string | null; rootCause?: string | null; outcome?: Outcome | null };
  withdraw: Record<string, never>;
  reclassify: { kind: ReclassifyKind; reason: string };
  record_kifid_referral: { caseNumber: string; outcome?: string | null };
}

export interface DossierDocument {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

export type DossierItemKind =
  | 'message_in'
  | 'message_out'
  | 'note'
  | 'attachment'
  | 'letter'
  | 'statement'
  | 'insurer_correspondence'
  | 'meeting'
  | 'decision';

export interface DossierItem {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  authorId: string | null;
  createdAt: string;
  documents: DossierDocument[];
}

export interface DossierEvent {
  id: string;
  sequence: number;
  type: string;
  actor: { kind: string; id: string | null };
  occurredAt: string;
  data: unknown;
  previousHash: string | null;
  hash: string;
}

export type IntakeKind = 'complaint' | 'question' | 'claim' | 'cancellation' | 'other';

export const INTAKE_KINDS: readonly IntakeKind[] = [
  'complaint',
  'question',
  'claim',
  'cancellation',
  'other',
];

export interface IntakeItem {
  id: string;
  channel: string;
  receivedAt: string;
  kind: string;
  proposedKind: string | null;
  proposalReason: string | null;
  status: string;
  senderName: string | null;
  senderEmail: string | null;
  subject: string | null;
  preview: string | null;
  complaintId: string | null;
  cancellationRequestId: string | null;
  acknowledgeBy: string;
  history: Array<{ from: string; to: string; reason: string; at: string; by: string | null }>;
}

export interface Cancellation {
  id: string;
  reference: string;
  channel: string;
  receivedAt: string;
  customerName: string;
  customerEmail: string | null;
  policies: string;
  effectiveDate: string | null;
  status: string;
  complaintId: string | null;
  confirmedAt: string | null;
  processedAt: string | null;
}

export interface ComplianceGap {
  code: string;
  message: string;
}

export interface LiabilityInsurer {
  name: string | null;
  contact: string | null;
  email: string | null;
  phone: string | null;
  policyNumber: string | null;
}

export interface DisputesBody {
  name: string;
  postalAddress: string;
  postalCodeCity: string;
  phone: string;
  email: string;
  website: string;
  confirmedAt: string | null;
}

export interface Organisation {
  id: string;
  slug: string;
  name: string;
  email: string | null;
  phone: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  website: string | null;
  kvkNumber: string | null;
  afmNumber: string | null;
  kifidAffiliationNumber: string | null;
  liabilityInsurer: LiabilityInsurer;
  disputesBody: DisputesBody;
  complianceGaps: ComplianceGap[];
  autoAcknowledgment: AutoAcknowledgment;
}

export interface OrganisationChange {
  name?: string;
  email?: string | null;
  phone?: string | null;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  website?: string | null;
  kvkNumber?: string | null;
  afmNumber?: string | null;
  kifidAffiliationNumber?: string | null;
  liabilityInsurer?: Partial<LiabilityInsurer>;
  autoAcknowledgment?: AutoAcknowledgment;
}

export type DisputesBodyChange = Omit<DisputesBody, 'confirmedAt'>;

export type TermUnit = 'working-days' | 'months' | 'weeks';

export interface Term {
  unit: TermUnit;
  amount: number;
}

export interface ProcedureTerms {
  acknowledgment: Term;
  missingInformation: Term;
  decision: Term;
  hearingReaction: Term;
  kifidWindow: Term;
  kifidNoPosition: Term;
}

export const TERM_KEYS: ReadonlyArray<keyof ProcedureTerms> = [
  'acknowledgment',
  'missingInformation',
  'decision',
  'hearingReaction',
  'kifidNoPosition',
  'kifidWindow',
];

export interface ProcedureVersion {
  version: number;
  effectiveFrom: string;
  terms: ProcedureTerms;
  requireConsultationPerStep: boolean;
}

export interface ProcedureSettings {
  current: ProcedureVersion;
  versions: ProcedureVersion[];
  closingDays: Array<{ date: string; name: string }>;
}

export interface Mailbox {
  id: string;
  name: string;
  host: string;
  port: number;
  secure: boolean;
  username: string;
  folder: string;
  ourAddresses: string[];
  enabled: boolean;
  lastPolledAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

export interface NewMailbox {
  name: string;
  host: string;
  port: number;
  secure: boolean;
  username: string;
  password: string;
  folder?: string;
  ourAddresses: string[];
}

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  username: string | null;
  hasPassword: boolean;
  fromAddress: string;
  fromName: string;
  replyTo: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  lastSuccessAt: string | null;
}

export interface SmtpChange {
  host: string;
  port: number;
  secure: boolean;
  username: string | null;
  password?: string | null;
  fromAddress: string;
  fromName: string;
  replyTo: string | null;
}

export interface ConnectionTest {
  ok: boolean;
  message: string;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  createdAt: string;
}

export interface NewUser {
  email: string;
  displayName: string;
  roles: Role[];
}

export interface Notification {
  id: string;
  complaintId: string | null;
  kind: string;
  message: string;
  createdAt: string;
  read: boolean;
}

/** RFC 9457 problem document with the product's extensions. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: Array<{ field: string; message: string }>;
  refusals?: Refusal[];
  [extension: string]: unknown;
}

/** send: a complete complaint from a person gets its acknowledgment at once; draft: staff are told it is ready. */
export type AutoAcknowledgment = 'draft' | 'send';
