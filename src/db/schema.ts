import type { ColumnType, Generated, Selectable } from 'kysely';

/** Row types as the database holds them; see migrations for constraints. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** `date` columns are read as 'YYYY-MM-DD' text on both engines (see database.ts). */
type DateColumn = ColumnType<string, string, string>;

export type Role = 'coordinator' | 'handler' | 'employee' | 'auditor' | 'admin';
export type Channel = 'web_form' | 'email' | 'letter' | 'phone' | 'visit' | 'api';
export type ComplaintStatus =
  'received' | 'acknowledged' | 'in_investigation' | 'decided' | 'closed' | 'withdrawn' | 'reclassified';
export type Outcome = 'gegrond' | 'deels_gegrond' | 'ongegrond' | 'ingetrokken';
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
export type ActorKind = 'user' | 'system' | 'complainant' | 'api';

export interface OrganisationsTable {
  id: string;
  slug: string;
  name: string;
  email: string | null;
  phone: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  website: string | null;
  kvk_number: string | null;
  afm_number: string | null;
  kifid_affiliation_number: string | null;
  liability_insurer_name: string | null;
  liability_insurer_contact: string | null;
  liability_insurer_email: string | null;
  liability_insurer_phone: string | null;
  liability_insurer_policy_number: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  auto_acknowledgment: Generated<'draft' | 'send'>;
  letter_language: Generated<'nl' | 'en'>;
  logo: Uint8Array | null;
  signer_name: string | null;
  signer_title: string | null;
}

export interface UsersTable {
  organisation_id: string;
  id: string;
  email: string;
  display_name: string;
  roles: Role[];
  password_hash: string | null;
  must_change_password: Generated<boolean>;
  disabled_at: Timestamp | null;
  created_at: Timestamp;
  password_changed_at: Timestamp | null;
  failed_login_count: Generated<number>;
  lockout_count: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  /** Sealed with the stored-secrets key (AES-256-GCM); the TOTP seed must be given back to verify. */
  totp_secret_encrypted: string | null;
  totp_pending_secret_encrypted: string | null;
  totp_enabled_at: Timestamp | null;
  /** The last 30-second step a code was accepted for: a code is never accepted twice. */
  totp_last_step: ColumnType<
    string | number | bigint | null,
    string | number | bigint | null,
    string | number | bigint | null
  >;
}

export interface ApiTokensTable {
  organisation_id: string;
  id: string;
  user_id: string;
  name: string;
  secret_sha256: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface DisputesBodiesTable {
  organisation_id: string;
  name: string;
  postal_address: string;
  postal_code_city: string;
  phone: string;
  email: string;
  website: string;
  confirmed_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface ComplainantsTable {
  organisation_id: string;
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  country: string | null;
  created_at: Timestamp;
}

export interface ReferenceCountersTable {
  organisation_id: string;
  series: Generated<'KL' | 'OP'>;
  year: number;
  last_number: number;
}

export interface ComplaintsTable {
  organisation_id: string;
  id: string;
  reference: string;
  reference_year: number;
  reference_number: number;
  channel: Channel;
  received_at: Timestamp;
  complainant_id: string;
  product: string | null;
  description: string;
  desired_outcome: string | null;
  status: ComplaintStatus;
  handler_id: string | null;
  category: string | null;
  root_cause: string | null;
  outcome: Outcome | null;
  liability_flag: Generated<boolean>;
  last_event_sequence: Generated<number>;
  last_event_hash: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  procedure_version: Generated<number>;
  acknowledgment_sent_at: Timestamp | null;
  information_not_needed_at: Timestamp | null;
  liability_flagged_at: Timestamp | null;
  insurer_notified_at: Timestamp | null;
  decision_mode: 'meeting' | 'letter' | null;
  decision_communicated_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
  closed_at: Timestamp | null;
  /** Dates (YYYY-MM-DD) as text: pre-computed clocks for sorting and sweeping. */
  acknowledge_due: DateColumn | null;
  decision_due: DateColumn | null;
  decision_target: DateColumn | null;
  next_clock_due: DateColumn | null;
  clocks_provisional: Generated<boolean>;
  reclassified_at: Timestamp | null;
  reclassified_as: IntakeKind | null;
  /** How the complainant would like to hear our position, as chosen in the portal. */
  decision_preference: 'meeting' | 'letter' | null;
  decision_preference_at: Timestamp | null;
  /** Set when the retention term ended and the dossier's personal data was removed. */
  anonymised_at: Timestamp | null;
  /** Until this moment no clock of the complaint can start a warning or be missed (migration 0011). */
  clocks_quiet_until: Timestamp | null;
}

export interface ComplaintInvolvedEmployeesTable {
  organisation_id: string;
  complaint_id: string;
  user_id: string;
  added_at: Timestamp;
}

export interface DossierItemsTable {
  organisation_id: string;
  id: string;
  complaint_id: string;
  kind: DossierItemKind;
  title: string;
  body: string | null;
  author_id: string | null;
  created_at: Timestamp;
}

export interface DocumentsTable {
  organisation_id: string;
  id: string;
  /** Null only for a document filed against a cancellation request without a dossier (0008). */
  complaint_id: string | null;
  item_id: string | null;
  cancellation_request_id: ColumnType<string | null, string | null | undefined, never>;
  file_name: string;
  media_type: string;
  size_bytes: ColumnType<string, number | bigint | string, never>;
  sha256: string;
  content: Uint8Array | null;
  created_at: Timestamp;
}

export interface DossierEventsTable {
  organisation_id: string;
  complaint_id: string;
  sequence: number;
  id: string;
  type: string;
  actor_kind: ActorKind;
  actor_id: string | null;
  occurred_at: Timestamp;
  data: ColumnType<unknown, string, never>;
  previous_hash: string | null;
  hash: string;
}

export interface ChainVerificationsTable {
  id: string;
  started_at: Timestamp;
  finished_at: Timestamp;
  complaints_checked: number;
  events_checked: ColumnType<string, number | bigint, never>;
  broken_count: number;
  first_broken: ColumnType<unknown, string | null, never>;
}

/** Installation-wide (docs/decisions/0016): one row per rate limit and hashed key. */
export interface RateLimitHitsTable {
  scope: string;
  key: Buffer;
  hits: ColumnType<string[], string[], string[]>;
  window_ms: number;
  expires_at: Timestamp;
}

/** Installation-wide: each proof-of-work nonce counts once, for the form it was bound to. */
export interface ProofOfWorkUsesTable {
  nonce: string;
  form_id: string;
  expires_at: Timestamp;
}

/** The public form between its pages (migration 0019); gone 30 minutes after the last page. */
export interface PublicFormDraftsTable {
  organisation_id: string;
  form_id: string;
  reviewed: ColumnType<unknown, string | null, string | null>;
  pow_verified: boolean;
  reference: string | null;
  expires_at: Timestamp;
}

export interface PublicFormDraftFilesTable {
  organisation_id: string;
  form_id: string;
  id: string;
  position: number;
  file_name: string;
  content: Uint8Array;
  size: number;
  sha256: string;
}

export interface ProcedureVersionsTable {
  organisation_id: string;
  version: number;
  terms: ColumnType<unknown, string, string>;
  require_consultation_per_step: boolean;
  effective_from: Timestamp;
  created_at: Timestamp;
  created_by: string | null;
}

export interface OrganisationClosingDaysTable {
  organisation_id: string;
  day: DateColumn;
  name: string;
  created_at: Timestamp;
}

export interface InformationRequestsTable {
  organisation_id: string;
  id: string;
  complaint_id: string;
  sent_at: Timestamp;
  what_is_missing: string | null;
  answered_at: Timestamp | null;
  closed_not_needed_at: Timestamp | null;
  created_by: string | null;
}

export interface HearingsTable {
  organisation_id: string;
  complaint_id: string;
  employee_id: string;
  status: 'requested' | 'statement_draft' | 'signed' | 'waived';
  requested_at: Timestamp | null;
  request_text: string | null;
  statement_recorded_at: Timestamp | null;
  statement_text: string | null;
  signed_at: Timestamp | null;
  waived_at: Timestamp | null;
  waived_reason: string | null;
  waived_by: string | null;
  /** The summary letter put to the employee for signature; the signed copy in the dossier (0008). */
  statement_letter_id: ColumnType<string | null, string | null | undefined, string | null>;
  signed_document_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The request letter sent to the employee (0018). */
  request_letter_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface InsurerConsultationsTable {
  organisation_id: string;
  id: string;
  complaint_id: string;
  consulted_at: Timestamp;
  with_whom: string;
  agreed: string;
  recorded_at: Timestamp;
  recorded_by: string | null;
}

export interface DelayNoticesTable {
  organisation_id: string;
  id: string;
  complaint_id: string;
  sent_at: Timestamp;
  reason: string;
  new_date: DateColumn;
  created_by: string | null;
}

export interface MeetingsTable {
  organisation_id: string;
  id: string;
  complaint_id: string;
  invited_at: Timestamp;
  scheduled_for: Timestamp;
  held_at: Timestamp | null;
  minutes: string | null;
  /** When the agreed time was confirmed to the complainant (0008). */
  confirmed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface KifidReferralsTable {
  organisation_id: string;
  complaint_id: string;
  case_number: string;
  outcome: string | null;
  recorded_at: Timestamp;
  recorded_by: string | null;
  outcome_code: KifidOutcomeCode | null;
  outcome_on: DateColumn | null;
  outcome_recorded_at: Timestamp | null;
}

export interface ClockNoticesTable {
  organisation_id: string;
  complaint_id: string;
  clock_key: string;
  kind: 'warning' | 'missed';
  due_date: DateColumn;
  noticed_at: Timestamp;
}

export interface NotificationsTable {
  organisation_id: string;
  id: string;
  user_id: string;
  complaint_id: string | null;
  kind: string;
  message: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

/** What an arrival turned out to be; only a complaint runs the procedure. */
export type IntakeKind = 'question' | 'claim' | 'cancellation' | 'other';
export type IntakeClassification = 'unclassified' | 'complaint' | IntakeKind;

export interface IdempotencyKeysTable {
  organisation_id: string;
  key: string;
  request_sha256: string;
  lease: string;
  state: 'in_progress' | 'done';
  locked_until: Timestamp;
  response_status: number | null;
  response_body: ColumnType<unknown, string | null, string | null>;
  created_at: Timestamp;
}

export interface MailboxesTable {
  organisation_id: string;
  id: string;
  name: string;
  host: string;
  port: number;
  secure: boolean;
  username: string;
  password_encrypted: string;
  folder: Generated<string>;
  our_addresses: Generated<string[]>;
  enabled: Generated<boolean>;
  last_uid_validity: ColumnType<
    string | null,
    string | number | bigint | null,
    string | number | bigint | null
  >;
  last_seen_uid: ColumnType<string, string | number | bigint | undefined, string | number | bigint>;
  last_polled_at: Timestamp | null;
  last_error: string | null;
  last_error_at: Timestamp | null;
  created_at: Timestamp;
}

export type MailClassification =
  'complaint_candidate' | 'reply' | 'auto_reply' | 'bounce' | 'own_mail' | 'unparseable' | 'oversized';

export interface MailMessagesTable {
  organisation_id: string;
  id: string;
  mailbox_id: string;
  uid_validity: ColumnType<string, string | number | bigint, never>;
  uid: ColumnType<string, string | number | bigint, never>;
  message_key: string;
  internal_date: Timestamp;
  size_bytes: number;
  raw: Uint8Array;
  from_address: string | null;
  subject: string | null;
  classification: MailClassification;
  status: 'processed' | 'quarantined';
  quarantine_reason: string | null;
  complaint_id: string | null;
  intake_item_id: string | null;
  bounced_message_id: string | null;
  created_at: Timestamp;
}

export interface IntakeItemsTable {
  organisation_id: string;
  id: string;
  channel: Channel;
  received_at: Timestamp;
  kind: IntakeClassification;
  proposed_kind: Exclude<IntakeClassification, 'unclassified'> | null;
  proposal_reason: string | null;
  status: 'new' | 'opened' | 'done';
  sender_name: string | null;
  sender_email: string | null;
  subject: string | null;
  body_text: string | null;
  mail_message_id: string | null;
  complaint_id: string | null;
  cancellation_request_id: string | null;
  triaged_by: string | null;
  triaged_at: Timestamp | null;
  created_at: Timestamp;
}

export interface IntakeClassificationsTable {
  organisation_id: string;
  id: string;
  intake_item_id: string;
  from_kind: IntakeClassification;
  to_kind: IntakeClassification;
  reason: string;
  classified_by: string | null;
  classified_at: Timestamp;
}

export interface CancellationRequestsTable {
  organisation_id: string;
  id: string;
  reference: string;
  channel: Channel;
  received_at: Timestamp;
  customer_name: string;
  customer_email: string | null;
  policies: string;
  effective_date: DateColumn | null;
  status: 'received' | 'confirmed' | 'processed' | 'withdrawn';
  complaint_id: string | null;
  intake_item_id: string | null;
  confirmed_at: Timestamp | null;
  processed_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
  /** When the customer withdrew it, and when an unlinked request was anonymised (0018). */
  withdrawn_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  anonymised_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface SmtpSettingsTable {
  organisation_id: string;
  host: string;
  port: number;
  secure: boolean;
  username: string | null;
  password_encrypted: string | null;
  from_address: string;
  from_name: string;
  reply_to: string | null;
  last_error: string | null;
  last_error_at: Timestamp | null;
  last_success_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface LetterTemplatesTable {
  organisation_id: string;
  letter_type: string;
  language: 'nl' | 'en';
  blocks: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface LettersTable {
  organisation_id: string;
  id: string;
  complaint_id: string | null;
  cancellation_request_id: string | null;
  letter_type: string;
  language: 'nl' | 'en';
  recipient_kind: 'complainant' | 'employee' | 'insurer' | 'customer';
  recipient_name: string;
  recipient_email: string | null;
  delivery: 'email' | 'post';
  status: 'sent' | 'posted' | 'undeliverable';
  content: ColumnType<unknown, string, string>;
  document_id: string;
  pdf_sha256: string;
  message_id: string | null;
  issued_at: Timestamp;
  issued_by: string | null;
  posted_on: DateColumn | null;
  undeliverable_at: Timestamp | null;
}

export interface OutboxTable {
  organisation_id: string;
  id: string;
  letter_id: string | null;
  complaint_id: string | null;
  message_id: string;
  recipient: string;
  subject: string;
  text_body: string;
  attachments: ColumnType<unknown, string, string>;
  automatic: Generated<boolean>;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  locked_until: Timestamp | null;
  last_error: string | null;
  sent_at: Timestamp | null;
  created_at: Timestamp;
}

export interface DossierReadsTable {
  organisation_id: string;
  id: string;
  complaint_id: string;
  user_id: string | null;
  actor_kind: ActorKind;
  what: string;
  read_at: Timestamp;
}

export type SessionStage = 'active' | 'totp' | 'change_password' | 'enrol_totp';

export interface SessionsTable {
  organisation_id: string;
  id: string;
  secret_sha256: string;
  user_id: string;
  stage: SessionStage;
  second_factor_at: Timestamp | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  client_address: string | null;
  /** How the sign-in began (0015). */
  sign_in_method: Generated<SignInMethod>;
  /** Coarse browser and system from the User-Agent at sign-in (0020), never the header itself. */
  client_summary: string | null;
  /** The identity provider's session id (`sid`) after single sign-on (0020). */
  sso_sid: string | null;
}

export type SignInMethod = 'password' | 'sso';

export type UserTokenPurpose = 'invitation' | 'password_reset';

export interface UserTokensTable {
  organisation_id: string;
  id: string;
  user_id: string;
  purpose: UserTokenPurpose;
  secret_sha256: string;
  created_at: Timestamp;
  created_by: string | null;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface RecoveryCodesTable {
  organisation_id: string;
  user_id: string;
  code_sha256: string;
  created_at: Timestamp;
  used_at: Timestamp | null;
}

export interface SecurityEventsTable {
  organisation_id: string;
  id: string;
  user_id: string | null;
  type: string;
  occurred_at: Timestamp;
  actor_id: string | null;
  client_address: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface PortalTokensTable {
  organisation_id: string;
  id: string;
  complaint_id: string;
  secret_sha256: string;
  created_at: Timestamp;
  first_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** `code`: opened with a link already used once; only the one-time code pages are open to it. */
export type PortalSessionStage = 'code' | 'active';

export interface PortalSessionsTable {
  organisation_id: string;
  id: string;
  token_id: string;
  complaint_id: string;
  secret_sha256: string;
  stage: PortalSessionStage;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
}

export interface PortalCodesTable {
  organisation_id: string;
  id: string;
  session_id: string;
  complaint_id: string;
  code_hmac: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  attempts: Generated<number>;
  used_at: Timestamp | null;
}

export interface RetentionSettingsTable {
  organisation_id: string;
  retention_years: number;
  /** Years an unlinked cancellation request is kept after it was handled (0018). */
  cancellation_retention_years: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export type LegalHoldReason = 'kifid_case' | 'court_case' | 'liability_claim';

export interface LegalHoldsTable {
  organisation_id: string;
  id: string;
  /** A hold names a complaint or, since 0018, a cancellation request without one. */
  complaint_id: string | null;
  cancellation_request_id: ColumnType<string | null, string | null | undefined, never>;
  reason: LegalHoldReason;
  explanation: string;
  placed_by: string;
  placed_at: Timestamp;
  lifted_by: string | null;
  lifted_at: Timestamp | null;
  lift_explanation: string | null;
}

export interface AccessExportsTable {
  organisation_id: string;
  id: string;
  requested_by: string;
  requested_at: Timestamp;
  subject_kind: 'email' | 'name';
  /** A digest of the normalised e-mail or name asked for: the record itself holds no personal data. */
  subject_sha256: string;
  complaint_ids: string[];
  file_count: number;
  flagged_count: number;
  zip_sha256: string;
}

/** One tsvector per complaint, written only by the triggers of migration 0014. */
export interface ComplaintSearchTable {
  organisation_id: string;
  complaint_id: string;
  document: string;
}

export interface SavedViewsTable {
  organisation_id: string;
  id: string;
  user_id: string;
  name: string;
  /** The work-queue filters as the saved-view schema allows them. */
  filters: ColumnType<unknown, string, never>;
  created_at: Timestamp;
}

/** A coordinator's reassignment of several complaints at once (migration 0017). */
export interface BulkAssignmentsTable {
  organisation_id: string;
  id: string;
  requested_by: string;
  handler_id: string;
  idempotency_key: string | null;
  status: 'queued' | 'running' | 'finished';
  total: number;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface BulkAssignmentItemsTable {
  organisation_id: string;
  bulk_assignment_id: string;
  position: number;
  complaint_id: string;
  status: 'pending' | 'done' | 'failed';
  /** The refusal or error code of the step; only for a failed item. */
  reason_code: string | null;
  /** Why, in Dutch, for the coordinator. */
  reason: string | null;
  processed_at: Timestamp | null;
}

export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  disputes_bodies: DisputesBodiesTable;
  complainants: ComplainantsTable;
  reference_counters: ReferenceCountersTable;
  complaints: ComplaintsTable;
  complaint_involved_employees: ComplaintInvolvedEmployeesTable;
  dossier_items: DossierItemsTable;
  documents: DocumentsTable;
  dossier_events: DossierEventsTable;
  chain_verifications: ChainVerificationsTable;
  rate_limit_hits: RateLimitHitsTable;
  proof_of_work_uses: ProofOfWorkUsesTable;
  public_form_drafts: PublicFormDraftsTable;
  public_form_draft_files: PublicFormDraftFilesTable;
  procedure_versions: ProcedureVersionsTable;
  organisation_closing_days: OrganisationClosingDaysTable;
  information_requests: InformationRequestsTable;
  hearings: HearingsTable;
  insurer_consultations: InsurerConsultationsTable;
  delay_notices: DelayNoticesTable;
  meetings: MeetingsTable;
  kifid_referrals: KifidReferralsTable;
  clock_notices: ClockNoticesTable;
  notifications: NotificationsTable;
  idempotency_keys: IdempotencyKeysTable;
  mailboxes: MailboxesTable;
  mail_messages: MailMessagesTable;
  intake_items: IntakeItemsTable;
  intake_classifications: IntakeClassificationsTable;
  cancellation_requests: CancellationRequestsTable;
  smtp_settings: SmtpSettingsTable;
  letter_templates: LetterTemplatesTable;
  letters: LettersTable;
  outbox: OutboxTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  recovery_codes: RecoveryCodesTable;
  security_events: SecurityEventsTable;
  dossier_reads: DossierReadsTable;
  portal_tokens: PortalTokensTable;
  portal_sessions: PortalSessionsTable;
  portal_codes: PortalCodesTable;
  export_records: ExportRecordsTable;
  letter_template_changes: LetterTemplateChangesTable;
  acknowledgment_tasks: AcknowledgmentTasksTable;
  improvement_actions: ImprovementActionsTable;
  improvement_action_complaints: ImprovementActionComplaintsTable;
  report_exports: ReportExportsTable;
  retention_settings: RetentionSettingsTable;
  legal_holds: LegalHoldsTable;
  access_exports: AccessExportsTable;
  complaint_search: ComplaintSearchTable;
  saved_views: SavedViewsTable;
  sso_settings: SsoSettingsTable;
  sso_requests: SsoRequestsTable;
  user_identities: UserIdentitiesTable;
  sso_logout_tokens: SsoLogoutTokensTable;
  bulk_assignments: BulkAssignmentsTable;
  bulk_assignment_items: BulkAssignmentItemsTable;
}

export type ComplaintRow = Selectable<ComplaintsTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type UserRow = Selectable<UsersTable>;
export type DossierEventRow = Selectable<DossierEventsTable>;

export interface ExportRecordsTable {
  organisation_id: string;
  id: string;
  kind: 'dossier' | 'afm_klachtenuitvraag';
  complaint_id: string | null;
  year: number | null;
  user_id: string | null;
  actor_kind: ActorKind;
  exported_at: Timestamp;
  chain_sequence: number | null;
  chain_hash: string | null;
  sha256: string;
  row_count: number;
}

/** Who changed which letter template (0012): append-only, outside any dossier. */
export interface LetterTemplateChangesTable {
  organisation_id: string;
  id: string;
  letter_type: string;
  language: 'nl' | 'en';
  change: 'saved' | 'reset';
  template: ColumnType<unknown, string | null, never>;
  template_sha256: string | null;
  changed_by: string | null;
  changed_at: Timestamp;
}

export type AcknowledgmentTaskOutcome =
  'sent' | 'ready' | 'incomplete' | 'automatic_arrival' | 'no_email' | 'not_needed' | 'failed';

/** The acknowledgment each registered complaint waits for (0012): sent automatically or handed to a person. */
export interface AcknowledgmentTasksTable {
  organisation_id: string;
  complaint_id: string;
  created_at: Timestamp;
  attempts: Generated<number>;
  last_error: string | null;
  /** Since when it waits for a handler to be assigned (a person was told once). */
  waiting_since: Timestamp | null;
  settled_at: Timestamp | null;
  outcome: AcknowledgmentTaskOutcome | null;
}

/** How a KiFiD case ended, as KiFiD words it: the claim awarded, partly awarded, rejected, etc. */
export type KifidOutcomeCode =
  'toegewezen' | 'deels_toegewezen' | 'afgewezen' | 'niet_ontvankelijk' | 'schikking' | 'ingetrokken';

export interface ImprovementActionsTable {
  organisation_id: string;
  id: string;
  title: string;
  description: string | null;
  root_cause: string | null;
  owner_id: string;
  due_date: DateColumn;
  status: 'open' | 'done' | 'cancelled';
  completed_at: Timestamp | null;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
}

export interface ImprovementActionComplaintsTable {
  organisation_id: string;
  action_id: string;
  complaint_id: string;
  linked_at: Timestamp;
}

export interface ReportExportsTable {
  organisation_id: string;
  id: string;
  user_id: string | null;
  actor_kind: ActorKind;
  report: string;
  format: string;
  filters: ColumnType<unknown, string, never>;
  row_count: number;
  exported_at: Timestamp;
}

/** The organisation's OpenID Connect identity provider (0015); the client secret sealed. */
export interface SsoSettingsTable {
  organisation_id: string;
  enabled: boolean;
  issuer: string;
  client_id: string;
  client_secret_encrypted: string | null;
  allowed_email_domain: string | null;
  /** Whether the provider's own multi-factor sign-in (amr "mfa" or the acr below) replaces our TOTP. */
  trust_idp_mfa: boolean;
  mfa_acr: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** An authorization request on its way through the identity provider (0015): single use, ten minutes. */
export interface SsoRequestsTable {
  organisation_id: string;
  id: string;
  state_sha256: string;
  browser_sha256: string;
  nonce: string;
  code_verifier_encrypted: string;
  issuer: string;
  redirect_uri: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** A user's account at the identity provider (0015), by issuer and subject. */
export interface UserIdentitiesTable {
  organisation_id: string;
  user_id: string;
  issuer: string;
  subject: string;
  linked_at: Timestamp;
  last_used_at: Timestamp | null;
}

/** The `jti` of an accepted back-channel logout token (0020): each is accepted once. */
export interface SsoLogoutTokensTable {
  organisation_id: string;
  jti_sha256: string;
  expires_at: Timestamp;
}
