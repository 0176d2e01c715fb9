import type { MigrationStatements } from '../migration-statements.ts';

/**
 * Frozen in time. Learning from complaints (R11):
 * - improvement actions with an owner and a due date, linked to the complaints that led to them;
 * - the outcome of a KiFiD case as a code and a date, so referred complaints can be counted (the
 *   free-text `outcome` of 0002 stays for what the ruling said in words);
 * - a log of every report export (who, when, which report, which filter, how many rows): the
 *   register holds names and addresses, so an export is a read of every dossier in it.
 */
const NEW_TENANT_TABLES = ['improvement_actions', 'improvement_action_complaints', 'report_exports'];

export const migration: MigrationStatements = {
  name: '0009-reports',
  statements: [
    `CREATE TABLE improvement_actions (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
       description text,
       root_cause text,
       owner_id uuid NOT NULL,
       due_date date NOT NULL,
       status text NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
       completed_at timestamptz,
       created_at timestamptz NOT NULL,
       created_by uuid,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, id),
       FOREIGN KEY (organisation_id, owner_id) REFERENCES users (organisation_id, id)
     )`,
    `CREATE INDEX improvement_actions_due_idx ON improvement_actions (organisation_id, status, due_date)`,

    `CREATE TABLE improvement_action_complaints (
       organisation_id uuid NOT NULL,
       action_id uuid NOT NULL,
       complaint_id uuid NOT NULL,
       linked_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, action_id, complaint_id),
       FOREIGN KEY (organisation_id, action_id) REFERENCES improvement_actions (organisation_id, id)
         ON DELETE CASCADE,
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id)
     )`,
    `CREATE INDEX improvement_action_complaints_complaint_idx
       ON improvement_action_complaints (organisation_id, complaint_id)`,

    `ALTER TABLE kifid_referrals
       ADD COLUMN outcome_code text CHECK (outcome_code IN
         ('toegewezen', 'deels_toegewezen', 'afgewezen', 'niet_ontvankelijk', 'schikking', 'ingetrokken')),
       ADD COLUMN outcome_on date,
       ADD COLUMN outcome_recorded_at timestamptz`,

    `CREATE TABLE report_exports (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       user_id uuid,
       actor_kind text NOT NULL,
       report text NOT NULL,
       format text NOT NULL,
       filters jsonb NOT NULL,
       row_count integer NOT NULL CHECK (row_count >= 0),
       exported_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, id)
     )`,
    `CREATE INDEX report_exports_time_idx ON report_exports (organisation_id, exported_at DESC)`,

    ...NEW_TENANT_TABLES.flatMap((table) => [
      `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
      `CREATE POLICY tenant_isolation ON ${table}
         USING (organisation_id = current_organisation_id())
         WITH CHECK (organisation_id = current_organisation_id())`,
    ]),
    `GRANT SELECT, INSERT, UPDATE, DELETE ON improvement_actions TO klachtwijzer_app`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON improvement_action_complaints TO klachtwijzer_app`,
    // The export log is a log: the application adds to it and reads it, never changes it.
    `GRANT SELECT, INSERT ON report_exports TO klachtwijzer_app`,
  ],
};
