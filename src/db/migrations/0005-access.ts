import type { MigrationStatements } from '../migration-statements.ts';

/**
 * Frozen in time. Every read of a dossier is recorded (who, when, what), so the coordinator can see
 * who looked at a complaint — a dossier holds personal and financial data and statements about
 * employees.
 */
export const migration: MigrationStatements = {
  name: '0005-access',
  statements: [
    `CREATE TABLE dossier_reads (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       complaint_id uuid NOT NULL,
       user_id uuid,
       actor_kind text NOT NULL,
       what text NOT NULL,
       read_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id)
     )`,
    `CREATE INDEX dossier_reads_complaint_idx ON dossier_reads (organisation_id, complaint_id, read_at DESC)`,
    `ALTER TABLE dossier_reads ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON dossier_reads
       USING (organisation_id = current_organisation_id())
       WITH CHECK (organisation_id = current_organisation_id())`,
    `GRANT SELECT, INSERT ON dossier_reads TO klachtwijzer_app`,
  ],
};
