import type { MigrationStatements } from '../migration-statements.ts';

/**
 * Frozen in time. Privacy (AVG/GDPR): each organisation's retention term (no row means the default
 * of five years after the dossier ended), legal holds that suspend it, the mark on a dossier that it
 * was anonymised, and the record of every right-of-access export.
 *
 * A hold is never deleted and an export record never changed: the application role may lift a hold
 * (an UPDATE that records who, when and why) but not remove it, and may only add export records.
 */
const NEW_TENANT_TABLES = ['retention_settings', 'legal_holds', 'access_exports'];

export const migration: MigrationStatements = {
  name: '0010-privacy',
  statements: [
    `CREATE TABLE retention_settings (
       organisation_id uuid NOT NULL PRIMARY KEY REFERENCES organisations (id),
       retention_years integer NOT NULL CHECK (retention_years BETWEEN 1 AND 30),
       updated_at timestamptz NOT NULL,
       updated_by uuid
     )`,

    `ALTER TABLE complaints ADD COLUMN anonymised_at timestamptz`,
    // The daily run looks per organisation for ended dossiers not yet anonymised.
    `CREATE INDEX complaints_retention_idx ON complaints (organisation_id, status)
       WHERE anonymised_at IS NULL AND status IN ('closed', 'withdrawn', 'reclassified')`,

    `CREATE TABLE legal_holds (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       complaint_id uuid NOT NULL,
       reason text NOT NULL CHECK (reason IN ('kifid_case', 'court_case', 'liability_claim')),
       explanation text NOT NULL,
       placed_by uuid NOT NULL,
       placed_at timestamptz NOT NULL,
       lifted_by uuid,
       lifted_at timestamptz,
       lift_explanation text,
       PRIMARY KEY (organisation_id, id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id),
       FOREIGN KEY (organisation_id, placed_by) REFERENCES users (organisation_id, id),
       FOREIGN KEY (organisation_id, lifted_by) REFERENCES users (organisation_id, id),
       CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
     )`,
    `CREATE INDEX legal_holds_complaint_idx ON legal_holds (organisation_id, complaint_id, placed_at)`,

    `CREATE TABLE access_exports (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       requested_by uuid NOT NULL,
       requested_at timestamptz NOT NULL,
       subject_kind text NOT NULL CHECK (subject_kind IN ('email', 'name')),
       subject_sha256 text NOT NULL CHECK (subject_sha256 ~ '^[0-9a-f]{64}$'),
       complaint_ids uuid[] NOT NULL,
       file_count integer NOT NULL CHECK (file_count >= 0),
       flagged_count integer NOT NULL CHECK (flagged_count >= 0),
       zip_sha256 text NOT NULL CHECK (zip_sha256 ~ '^[0-9a-f]{64}$'),
       PRIMARY KEY (organisation_id, id),
       FOREIGN KEY (organisation_id, requested_by) REFERENCES users (organisation_id, id)
     )`,

    ...NEW_TENANT_TABLES.flatMap((table) => [
      `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
      `CREATE POLICY tenant_isolation ON ${table}
         USING (organisation_id = current_organisation_id())
         WITH CHECK (organisation_id = current_organisation_id())`,
    ]),
    `GRANT SELECT, INSERT, UPDATE ON retention_settings TO klachtwijzer_app`,
    `GRANT SELECT, INSERT, UPDATE ON legal_holds TO klachtwijzer_app`,
    `GRANT SELECT, INSERT ON access_exports TO klachtwijzer_app`,
  ],
};
