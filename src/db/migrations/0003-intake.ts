import type { MigrationStatements } from '../migration-statements.ts';

/**
 * Frozen in time. Intake on every channel: the intake queue (everything that arrives, to be
 * classified), mailboxes and the messages read from them (raw bytes kept as evidence, unique per
 * mailbox+UIDVALIDITY+UID and per Message-ID), cancellation requests with their own reference series,
 * idempotency keys for the API, and complaints that turned out not to be complaints ("reclassified").
 */
const NEW_TENANT_TABLES = [
  'idempotency_keys',
  'mailboxes',
  'mail_messages',
  'intake_items',
  'intake_classifications',
  'cancellation_requests',
];

export const migration: MigrationStatements = {
  name: '0003-intake',
  statements: [
    `ALTER TABLE reference_counters ADD COLUMN series text NOT NULL DEFAULT 'KL' CHECK (series IN ('KL', 'OP'))`,
    `ALTER TABLE reference_counters DROP CONSTRAINT reference_counters_pkey`,
    `ALTER TABLE reference_counters ADD PRIMARY KEY (organisation_id, series, year)`,

    `ALTER TABLE complaints DROP CONSTRAINT complaints_status_check`,
    `ALTER TABLE complaints ADD CONSTRAINT complaints_status_check CHECK (status IN (
       'received', 'acknowledged', 'in_investigation', 'decided', 'closed', 'withdrawn', 'reclassified'
     ))`,
    `ALTER TABLE complaints
       ADD COLUMN reclassified_at timestamptz,
       ADD COLUMN reclassified_as text CHECK (reclassified_as IN ('question', 'claim', 'cancellation', 'other'))`,

    `CREATE TABLE idempotency_keys (
       organisation_id uuid NOT NULL REFERENCES organisations (id),
       key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
       request_sha256 text NOT NULL,
       lease uuid NOT NULL,
       state text NOT NULL CHECK (state IN ('in_progress', 'done')),
       locked_until timestamptz NOT NULL,
       response_status integer,
       response_body jsonb,
       created_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, key)
     )`,

    `CREATE TABLE mailboxes (
       organisation_id uuid NOT NULL REFERENCES organisations (id),
       id uuid NOT NULL,
       name text NOT NULL,
       host text NOT NULL,
       port integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
       secure boolean NOT NULL,
       username text NOT NULL,
       password_encrypted text NOT NULL,
       folder text NOT NULL DEFAULT 'INBOX',
       our_addresses text[] NOT NULL DEFAULT '{}',
       enabled boolean NOT NULL DEFAULT true,
       last_uid_validity bigint,
       last_seen_uid bigint NOT NULL DEFAULT 0,
       last_polled_at timestamptz,
       last_error text,
       last_error_at timestamptz,
       created_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, id)
     )`,

    `CREATE TABLE mail_messages (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       mailbox_id uuid NOT NULL,
       uid_validity bigint NOT NULL,
       uid bigint NOT NULL,
       message_key text NOT NULL,
       internal_date timestamptz NOT NULL,
       size_bytes integer NOT NULL,
       raw bytea NOT NULL,
       from_address text,
       subject text,
       classification text NOT NULL CHECK (classification IN (
         'complaint_candidate', 'reply', 'auto_reply', 'bounce', 'own_mail', 'unparseable', 'oversized'
       )),
       status text NOT NULL CHECK (status IN ('processed', 'quarantined')),
       quarantine_reason text,
       complaint_id uuid,
       intake_item_id uuid,
       bounced_message_id text,
       created_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, id),
       UNIQUE (organisation_id, mailbox_id, uid_validity, uid),
       UNIQUE (organisation_id, message_key),
       FOREIGN KEY (organisation_id, mailbox_id) REFERENCES mailboxes (organisation_id, id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id)
     )`,
    `CREATE INDEX mail_messages_status_idx ON mail_messages (organisation_id, status, created_at)`,

    `CREATE TABLE intake_items (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       channel text NOT NULL CHECK (channel IN ('web_form', 'email', 'letter', 'phone', 'visit', 'api')),
       received_at timestamptz NOT NULL,
       kind text NOT NULL CHECK (kind IN ('unclassified', 'complaint', 'question', 'claim', 'cancellation', 'other')),
       proposed_kind text CHECK (proposed_kind IN ('complaint', 'question', 'claim', 'cancellation', 'other')),
       proposal_reason text,
       status text NOT NULL CHECK (status IN ('new', 'opened', 'done')),
       sender_name text,
       sender_email text,
       subject text,
       body_text text,
       mail_message_id uuid,
       complaint_id uuid,
       cancellation_request_id uuid,
       triaged_by uuid,
       triaged_at timestamptz,
       created_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, id),
       FOREIGN KEY (organisation_id, mail_message_id) REFERENCES mail_messages (organisation_id, id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id)
     )`,
    `CREATE INDEX intake_items_queue_idx ON intake_items (organisation_id, status, received_at, id)`,

    `CREATE TABLE intake_classifications (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       intake_item_id uuid NOT NULL,
       from_kind text NOT NULL,
       to_kind text NOT NULL,
       reason text NOT NULL,
       classified_by uuid,
       classified_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, id),
       FOREIGN KEY (organisation_id, intake_item_id) REFERENCES intake_items (organisation_id, id)
     )`,
    `CREATE INDEX intake_classifications_item_idx ON intake_classifications (organisation_id, intake_item_id)`,

    `CREATE TABLE cancellation_requests (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       reference text NOT NULL,
       channel text NOT NULL,
       received_at timestamptz NOT NULL,
       customer_name text NOT NULL,
       customer_email text,
       policies text NOT NULL,
       effective_date date,
       status text NOT NULL CHECK (status IN ('received', 'confirmed', 'processed', 'withdrawn')),
       complaint_id uuid,
       intake_item_id uuid,
       confirmed_at timestamptz,
       processed_at timestamptz,
       created_by uuid,
       created_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, id),
       UNIQUE (organisation_id, reference),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id),
       FOREIGN KEY (organisation_id, intake_item_id) REFERENCES intake_items (organisation_id, id)
     )`,
    `CREATE INDEX cancellation_requests_status_idx ON cancellation_requests (organisation_id, status, received_at)`,

    ...NEW_TENANT_TABLES.flatMap((table) => [
      `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
      `CREATE POLICY tenant_isolation ON ${table}
         USING (organisation_id = current_organisation_id())
         WITH CHECK (organisation_id = current_organisation_id())`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO klachtwijzer_app`,
    ]),
  ],
};
