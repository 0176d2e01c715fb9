import type { MigrationStatements } from '../migration-statements.ts';

/**
 * Frozen in time. Who changed which letter template, when, and to what: an organisation's letters
 * are its word to complainants, so every saved edit and every return to the default is kept,
 * outside any dossier (a template belongs to no complaint). Templates hold no personal data, so the
 * text itself is kept, with its SHA-256. Append-only: the application may read and add, never
 * change or remove.
 */
export const migration: MigrationStatements = {
  name: '0012-letter-templates',
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
  ],
};
