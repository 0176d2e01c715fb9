import type { MigrationStatements } from '../migration-statements.ts';

/**
 * Frozen in time. Letters edited and sent without a person: the history of template changes, and
 * the acknowledgment task every registered complaint leaves for the automatic acknowledgment.
 *
 * Who changed which letter template, when, and to what: an organisation's letters
 * are its word to complainants, so every saved edit and every return to the default is kept,
 * outside any dossier (a template belongs to no complaint). Templates hold no personal data, so the
 * text itself is kept, with its SHA-256. Append-only: the application may read and add, never
 * change or remove.
 */
export const migration: MigrationStatements = {
  name: '0012-letter-workflow',
  statements: [
    `CREATE TABLE letter_template_changes (
       organisation_id uuid NOT NULL REFERENCES organisations (id),
       id uuid NOT NULL,
       letter_type text NOT NULL,
       language text NOT NULL CHECK (language IN ('nl', 'en')),
       change text NOT NULL CHECK (change IN ('saved', 'reset')),
       template jsonb,
       template_sha256 text CHECK (template_sha256 ~ '^[0-9a-f]{64}$'),
       changed_by uuid,
       changed_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, id),
       CHECK ((change = 'saved') = (template IS NOT NULL AND template_sha256 IS NOT NULL))
     )`,
    `CREATE INDEX letter_template_changes_idx
       ON letter_template_changes (organisation_id, letter_type, language, changed_at)`,
    `ALTER TABLE letter_template_changes ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON letter_template_changes
       USING (organisation_id = current_organisation_id())
       WITH CHECK (organisation_id = current_organisation_id())`,
    `GRANT SELECT, INSERT ON letter_template_changes TO klachtwijzer_app`,

    // Written in the registration's transaction, settled by a job (outbox pattern): the automatic
    // acknowledgment (or the notice to a person) cannot be lost, and the registration never waits
    // for a PDF while it holds the organisation's reference-number lock.
    `CREATE TABLE acknowledgment_tasks (
       organisation_id uuid NOT NULL REFERENCES organisations (id),
       complaint_id uuid NOT NULL,
       created_at timestamptz NOT NULL,
       attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
       last_error text,
       waiting_since timestamptz,
       settled_at timestamptz,
       outcome text CHECK (outcome IN (
         'sent', 'ready', 'incomplete', 'automatic_arrival', 'no_email', 'not_needed', 'failed'
       )),
       PRIMARY KEY (organisation_id, complaint_id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id),
       CHECK ((settled_at IS NULL) = (outcome IS NULL))
     )`,
    `CREATE INDEX acknowledgment_tasks_open_idx ON acknowledgment_tasks (created_at) WHERE settled_at IS NULL`,
    `ALTER TABLE acknowledgment_tasks ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON acknowledgment_tasks
       USING (organisation_id = current_organisation_id())
       WITH CHECK (organisation_id = current_organisation_id())`,
    `GRANT SELECT, INSERT, UPDATE ON acknowledgment_tasks TO klachtwijzer_app`,
  ],
};
