import type { ColumnType, Generated, Selectable } from 'kysely';

/** Row types as the database holds them; see migrations for constraints. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type Role = 'coordinator' | 'handler' | 'employee' | 'auditor' | 'admin';
export type Channel = 'web_form' | 'email' | 'letter' | 'phone' | 'visit' | 'api';
export type ComplaintStatus =
  'received' | 'acknowledged' | 'in_investigation' | 'decided' | 'closed' | 'withdrawn';
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
  complaint_id: string;
  item_id: string;
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
}

export type ComplaintRow = Selectable<ComplaintsTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type UserRow = Selectable<UsersTable>;
export type DossierEventRow = Selectable<DossierEventsTable>;
