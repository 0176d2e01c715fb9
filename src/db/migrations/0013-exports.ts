import type { MigrationStatements } from '../migration-statements.ts';

/**
 * Frozen in time. Every export that leaves the building (a dossier ZIP for KiFiD, a court or an
 * auditor; the AFM klachtenuitvraag) is recorded: who, when, what, and the SHA-256 of what was
 * handed out (the dossier's manifest.json, the CSV), so the firm can later show which export a body
 * received and that it came from here. Append-only: the application role may not change a record.
 */
export const migration: MigrationStatements = {
  name: '0013-exports',
  statements: [
    `CREATE TABLE export_records (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       kind text NOT NULL CHECK (kind IN ('dossier', 'afm_klachtenuitvraag')),
       complaint_id uuid,
       year integer CHECK (year BETWEEN 2000 AND 2999),
       user_id uuid,
       actor_kind text NOT NULL,
       exported_at timestamptz NOT NULL,
       chain_sequence integer,
       chain_hash text CHECK (chain_hash ~ '^[0-9a-f]{64}$'),
       sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
       row_count integer NOT NULL CHECK (row_count >= 0),
       PRIMARY KEY (organisation_id, id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id),
       CHECK ((kind = 'dossier') = (complaint_id IS NOT NULL)),
       CHECK ((kind = 'afm_klachtenuitvraag') = (year IS NOT NULL))
     )`,
    `CREATE INDEX export_records_time_idx ON export_records (organisation_id, exported_at DESC)`,
    `CREATE INDEX export_records_complaint_idx ON export_records (organisation_id, complaint_id)`,
    `ALTER TABLE export_records ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON export_records
       USING (organisation_id = current_organisation_id())
       WITH CHECK (organisation_id = current_organisation_id())`,
    `GRANT SELECT, INSERT ON export_records TO klachtwijzer_app`,
  ],
};
