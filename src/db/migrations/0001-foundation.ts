import type { MigrationStatements } from '../migration-statements.ts';

/**
 * Frozen in time: this file is the schema as it was first released. Never edit it; add a new
 * migration instead. Plain SQL that PostgreSQL 15 and PGlite (PostgreSQL 18) both accept, one
 * statement per entry because PGlite's extended protocol takes a single statement at a time.
 *
 * Tenant tables carry organisation_id first in every key, so an organisation is always a prefix
 * (index locality, and distribution by organisation on Citus later). Row-level security is the
 * second wall: the application runs tenant work as role klachtwijzer_app with app.organisation_id
 * set; the policies then hide every other organisation's rows even if a query forgets its filter.
 */
const TENANT_TABLES = [
  'users',
  'api_tokens',
  'disputes_bodies',
  'complainants',
  'reference_counters',
  'complaints',
  'complaint_involved_employees',
  'dossier_items',
  'documents',
  'dossier_events',
];

export const migration: MigrationStatements = {
  name: '0001-foundation',
  statements: [
    `DO $$
     BEGIN
       IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'klachtwijzer_app') THEN
         CREATE ROLE klachtwijzer_app NOLOGIN;
       END IF;
     EXCEPTION WHEN duplicate_object OR unique_violation THEN
       NULL;
     END $$`,
    `DO $$
     BEGIN
       EXECUTE format('GRANT klachtwijzer_app TO %I', current_user);
     EXCEPTION WHEN duplicate_object OR unique_violation THEN
       NULL;
     END $$`,
    `CREATE FUNCTION current_organisation_id() RETURNS uuid
       LANGUAGE sql STABLE
       AS $$ SELECT NULLIF(current_setting('app.organisation_id', true), '')::uuid $$`,

    `CREATE TABLE organisations (
       id uuid PRIMARY KEY,
       slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
       name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
       email text,
       phone text,
       street text,
       postal_code text,
       city text,
       website text,
       kvk_number text,
       afm_number text,
       kifid_affiliation_number text,
       liability_insurer_name text,
       liability_insurer_contact text,
       liability_insurer_email text,
       liability_insurer_phone text,
       liability_insurer_policy_number text,
       created_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL
     )`,

    `CREATE TABLE users (
       organisation_id uuid NOT NULL REFERENCES organisations (id),
       id uuid NOT NULL,
       email text NOT NULL,
       display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
       roles text[] NOT NULL CHECK (
         cardinality(roles) > 0
         AND roles <@ ARRAY['coordinator', 'handler', 'employee', 'auditor', 'admin']::text[]
       ),
       password_hash text,
       must_change_password boolean NOT NULL DEFAULT true,
       disabled_at timestamptz,
       created_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, id)
     )`,
    `CREATE UNIQUE INDEX users_email_key ON users (organisation_id, lower(email))`,

    `CREATE TABLE api_tokens (
       organisation_id uuid NOT NULL REFERENCES organisations (id),
       id uuid NOT NULL,
       user_id uuid NOT NULL,
       name text NOT NULL,
       secret_sha256 text NOT NULL,
       created_at timestamptz NOT NULL,
       last_used_at timestamptz,
       revoked_at timestamptz,
       PRIMARY KEY (organisation_id, id),
       FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id)
     )`,

    `CREATE TABLE disputes_bodies (
       organisation_id uuid NOT NULL PRIMARY KEY REFERENCES organisations (id),
       name text NOT NULL,
       postal_address text NOT NULL,
       postal_code_city text NOT NULL,
       phone text NOT NULL,
       email text NOT NULL,
       website text NOT NULL,
       confirmed_at timestamptz,
       updated_at timestamptz NOT NULL
     )`,

    `CREATE TABLE complainants (
       organisation_id uuid NOT NULL REFERENCES organisations (id),
       id uuid NOT NULL,
       name text NOT NULL,
       email text,
       phone text,
       street text,
       postal_code text,
       city text,
       country text,
       created_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, id)
     )`,
    `CREATE INDEX complainants_email_idx ON complainants (organisation_id, lower(email))`,

    `CREATE TABLE reference_counters (
       organisation_id uuid NOT NULL REFERENCES organisations (id),
       year integer NOT NULL CHECK (year BETWEEN 2000 AND 9999),
       last_number integer NOT NULL CHECK (last_number > 0),
       PRIMARY KEY (organisation_id, year)
     )`,

    `CREATE TABLE complaints (
       organisation_id uuid NOT NULL REFERENCES organisations (id),
       id uuid NOT NULL,
       reference text NOT NULL,
       reference_year integer NOT NULL,
       reference_number integer NOT NULL,
       channel text NOT NULL CHECK (channel IN ('web_form', 'email', 'letter', 'phone', 'visit', 'api')),
       received_at timestamptz NOT NULL,
       complainant_id uuid NOT NULL,
       product text,
       description text NOT NULL,
       desired_outcome text,
       status text NOT NULL CHECK (status IN (
         'received', 'acknowledged', 'in_investigation', 'decided', 'closed', 'withdrawn'
       )),
       handler_id uuid,
       category text,
       root_cause text,
       outcome text CHECK (outcome IN ('gegrond', 'deels_gegrond', 'ongegrond', 'ingetrokken')),
       liability_flag boolean NOT NULL DEFAULT false,
       last_event_sequence integer NOT NULL DEFAULT 0,
       last_event_hash text,
       created_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, id),
       UNIQUE (organisation_id, reference),
       UNIQUE (organisation_id, reference_year, reference_number),
       FOREIGN KEY (organisation_id, complainant_id) REFERENCES complainants (organisation_id, id),
       FOREIGN KEY (organisation_id, handler_id) REFERENCES users (organisation_id, id)
     )`,
    `CREATE INDEX complaints_status_received_idx ON complaints (organisation_id, status, received_at DESC, id)`,
    `CREATE INDEX complaints_received_idx ON complaints (organisation_id, received_at DESC, id)`,
    `CREATE INDEX complaints_complainant_idx ON complaints (organisation_id, complainant_id)`,

    `CREATE TABLE complaint_involved_employees (
       organisation_id uuid NOT NULL,
       complaint_id uuid NOT NULL,
       user_id uuid NOT NULL,
       added_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, complaint_id, user_id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id),
       FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id)
     )`,

    `CREATE TABLE dossier_items (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       complaint_id uuid NOT NULL,
       kind text NOT NULL CHECK (kind IN (
         'message_in', 'message_out', 'note', 'attachment', 'letter', 'statement',
         'insurer_correspondence', 'meeting', 'decision'
       )),
       title text NOT NULL,
       body text,
       author_id uuid,
       created_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id),
       FOREIGN KEY (organisation_id, author_id) REFERENCES users (organisation_id, id)
     )`,
    `CREATE INDEX dossier_items_complaint_idx ON dossier_items (organisation_id, complaint_id, created_at, id)`,

    `CREATE TABLE documents (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       complaint_id uuid NOT NULL,
       item_id uuid NOT NULL,
       file_name text NOT NULL,
       media_type text NOT NULL,
       size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
       sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
       content bytea,
       created_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id),
       FOREIGN KEY (organisation_id, item_id) REFERENCES dossier_items (organisation_id, id)
     )`,
    `CREATE INDEX documents_item_idx ON documents (organisation_id, item_id)`,

    `CREATE TABLE dossier_events (
       organisation_id uuid NOT NULL,
       complaint_id uuid NOT NULL,
       sequence integer NOT NULL CHECK (sequence > 0),
       id uuid NOT NULL,
       type text NOT NULL,
       actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'system', 'complainant', 'api')),
       actor_id uuid,
       occurred_at timestamptz NOT NULL,
       data jsonb NOT NULL,
       previous_hash text CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
       hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
       PRIMARY KEY (organisation_id, complaint_id, sequence),
       UNIQUE (organisation_id, id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id),
       CHECK ((sequence = 1) = (previous_hash IS NULL))
     )`,
    `CREATE FUNCTION refuse_dossier_event_change() RETURNS trigger
       LANGUAGE plpgsql
       AS $$
       BEGIN
         RAISE EXCEPTION 'dossier_events is append-only: % refused', TG_OP
           USING ERRCODE = 'insufficient_privilege';
       END
       $$`,
    `CREATE TRIGGER dossier_events_append_only
       BEFORE UPDATE OR DELETE ON dossier_events
       FOR EACH ROW EXECUTE FUNCTION refuse_dossier_event_change()`,
    `CREATE TRIGGER dossier_events_no_truncate
       BEFORE TRUNCATE ON dossier_events
       FOR EACH STATEMENT EXECUTE FUNCTION refuse_dossier_event_change()`,

    `CREATE TABLE chain_verifications (
       id uuid PRIMARY KEY,
       started_at timestamptz NOT NULL,
       finished_at timestamptz NOT NULL,
       complaints_checked integer NOT NULL,
       events_checked bigint NOT NULL,
       broken_count integer NOT NULL,
       first_broken jsonb
     )`,

    `ALTER TABLE organisations ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON organisations
       USING (id = current_organisation_id())
       WITH CHECK (id = current_organisation_id())`,
    ...TENANT_TABLES.flatMap((table) => [
      `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
      `CREATE POLICY tenant_isolation ON ${table}
         USING (organisation_id = current_organisation_id())
         WITH CHECK (organisation_id = current_organisation_id())`,
    ]),
    `GRANT SELECT, UPDATE ON organisations TO klachtwijzer_app`,
    ...TENANT_TABLES.filter((table) => table !== 'dossier_events').map(
      (table) => `GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO klachtwijzer_app`,
    ),
    `GRANT SELECT, INSERT ON dossier_events TO klachtwijzer_app`,
  ],
};
