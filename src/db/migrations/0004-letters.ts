import type { MigrationStatements } from '../migration-statements.ts';

/**
 * Frozen in time. Letters and outgoing mail: each organisation's SMTP settings and letter templates,
 * the letters themselves (the PDF as sent lives in documents, with its SHA-256, never regenerated),
 * and the transactional outbox from which a job sends mail at least once, always with the same
 * Message-ID.
 */
const NEW_TENANT_TABLES = ['smtp_settings', 'letter_templates', 'letters', 'outbox'];

export const migration: MigrationStatements = {
  name: '0004-letters',
  statements: [
    `ALTER TABLE organisations
       ADD COLUMN auto_acknowledgment text NOT NULL DEFAULT 'draft' CHECK (auto_acknowledgment IN ('draft', 'send')),
       ADD COLUMN letter_language text NOT NULL DEFAULT 'nl' CHECK (letter_language IN ('nl', 'en')),
       ADD COLUMN logo bytea,
       ADD COLUMN signer_name text,
       ADD COLUMN signer_title text`,

    `CREATE TABLE smtp_settings (
       organisation_id uuid NOT NULL PRIMARY KEY REFERENCES organisations (id),
       host text NOT NULL,
       port integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
       secure boolean NOT NULL,
       username text,
       password_encrypted text,
       from_address text NOT NULL,
       from_name text NOT NULL,
       reply_to text,
       last_error text,
       last_error_at timestamptz,
       last_success_at timestamptz,
       updated_at timestamptz NOT NULL
     )`,

    `CREATE TABLE letter_templates (
       organisation_id uuid NOT NULL REFERENCES organisations (id),
       letter_type text NOT NULL,
       language text NOT NULL CHECK (language IN ('nl', 'en')),
       blocks jsonb NOT NULL,
       updated_at timestamptz NOT NULL,
       updated_by uuid,
       PRIMARY KEY (organisation_id, letter_type, language)
     )`,

    `CREATE TABLE letters (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       complaint_id uuid,
       cancellation_request_id uuid,
       letter_type text NOT NULL,
       language text NOT NULL CHECK (language IN ('nl', 'en')),
       recipient_kind text NOT NULL CHECK (recipient_kind IN ('complainant', 'employee', 'insurer', 'customer')),
       recipient_name text NOT NULL,
       recipient_email text,
       delivery text NOT NULL CHECK (delivery IN ('email', 'post')),
       status text NOT NULL CHECK (status IN ('sent', 'posted', 'undeliverable')),
       content jsonb NOT NULL,
       document_id uuid NOT NULL,
       pdf_sha256 text NOT NULL CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$'),
       message_id text,
       issued_at timestamptz NOT NULL,
       issued_by uuid,
       posted_on date,
       undeliverable_at timestamptz,
       PRIMARY KEY (organisation_id, id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id),
       FOREIGN KEY (organisation_id, cancellation_request_id) REFERENCES cancellation_requests (organisation_id, id),
       FOREIGN KEY (organisation_id, document_id) REFERENCES documents (organisation_id, id)
     )`,
    `CREATE INDEX letters_complaint_idx ON letters (organisation_id, complaint_id, issued_at)`,

    `CREATE TABLE outbox (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       letter_id uuid,
       complaint_id uuid,
       message_id text NOT NULL,
       recipient text NOT NULL,
       subject text NOT NULL,
       text_body text NOT NULL,
       attachments jsonb NOT NULL DEFAULT '[]',
       automatic boolean NOT NULL DEFAULT false,
       status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
       attempts integer NOT NULL DEFAULT 0,
       next_attempt_at timestamptz NOT NULL,
       locked_until timestamptz,
       last_error text,
       sent_at timestamptz,
       created_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, id),
       UNIQUE (organisation_id, message_id),
       FOREIGN KEY (organisation_id, letter_id) REFERENCES letters (organisation_id, id)
     )`,
    // The sender looks across organisations for what is due.
    `CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status IN ('pending', 'sending')`,

    ...NEW_TENANT_TABLES.flatMap((table) => [
      `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
      `CREATE POLICY tenant_isolation ON ${table}
         USING (organisation_id = current_organisation_id())
         WITH CHECK (organisation_id = current_organisation_id())`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO klachtwijzer_app`,
    ]),
  ],
};
