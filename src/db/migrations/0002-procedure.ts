import type { MigrationStatements } from '../migration-statements.ts';

/**
 * Frozen in time. The procedure engine's state: procedure versions (an organisation's own terms;
 * a complaint keeps the version it started under), organisation closing days, and one table per
 * kind of step, holding the free text that events only carry as a digest. The complaint row gets
 * the facts the rules need at a glance and the pre-computed clock dates the work queue sorts on.
 */
const SEED_TERMS = `{"acknowledgment":{"unit":"working-days","amount":3},"missingInformation":{"unit":"working-days","amount":10},"decision":{"unit":"months","amount":1},"hearingReaction":{"unit":"working-days","amount":5},"kifidWindow":{"unit":"months","amount":3},"kifidNoPosition":{"unit":"weeks","amount":8}}`;

const NEW_TENANT_TABLES = [
  'procedure_versions',
  'organisation_closing_days',
  'information_requests',
  'hearings',
  'insurer_consultations',
  'delay_notices',
  'meetings',
  'kifid_referrals',
  'clock_notices',
  'notifications',
];

export const migration: MigrationStatements = {
  name: '0002-procedure',
  statements: [
    `CREATE TABLE procedure_versions (
       organisation_id uuid NOT NULL REFERENCES organisations (id),
       version integer NOT NULL CHECK (version > 0),
       terms jsonb NOT NULL,
       require_consultation_per_step boolean NOT NULL DEFAULT true,
       effective_from timestamptz NOT NULL,
       created_at timestamptz NOT NULL,
       created_by uuid,
       PRIMARY KEY (organisation_id, version)
     )`,
    `INSERT INTO procedure_versions
       (organisation_id, version, terms, require_consultation_per_step, effective_from, created_at)
       SELECT id, 1, '${SEED_TERMS}'::jsonb, true, '1970-01-01T00:00:00Z', now() FROM organisations`,

    `CREATE TABLE organisation_closing_days (
       organisation_id uuid NOT NULL REFERENCES organisations (id),
       day date NOT NULL,
       name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
       created_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, day)
     )`,

    `ALTER TABLE complaints
       ADD COLUMN procedure_version integer NOT NULL DEFAULT 1,
       ADD COLUMN acknowledgment_sent_at timestamptz,
       ADD COLUMN information_not_needed_at timestamptz,
       ADD COLUMN liability_flagged_at timestamptz,
       ADD COLUMN insurer_notified_at timestamptz,
       ADD COLUMN decision_mode text CHECK (decision_mode IN ('meeting', 'letter')),
       ADD COLUMN decision_communicated_at timestamptz,
       ADD COLUMN withdrawn_at timestamptz,
       ADD COLUMN closed_at timestamptz,
       ADD COLUMN acknowledge_due date,
       ADD COLUMN decision_due date,
       ADD COLUMN decision_target date,
       ADD COLUMN next_clock_due date,
       ADD COLUMN clocks_provisional boolean NOT NULL DEFAULT false`,
    `ALTER TABLE complaints
       ADD CONSTRAINT complaints_procedure_version_fkey
       FOREIGN KEY (organisation_id, procedure_version) REFERENCES procedure_versions (organisation_id, version)`,
    `CREATE INDEX complaints_next_clock_idx ON complaints (organisation_id, next_clock_due, id)
       WHERE status NOT IN ('closed', 'withdrawn')`,
    // The deadline sweep looks across organisations for clocks ending soon.
    `CREATE INDEX complaints_open_next_clock_idx ON complaints (next_clock_due)
       WHERE status NOT IN ('closed', 'withdrawn')`,

    `CREATE TABLE information_requests (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       complaint_id uuid NOT NULL,
       sent_at timestamptz NOT NULL,
       what_is_missing text,
       answered_at timestamptz,
       closed_not_needed_at timestamptz,
       created_by uuid,
       PRIMARY KEY (organisation_id, id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id)
     )`,
    `CREATE INDEX information_requests_complaint_idx ON information_requests (organisation_id, complaint_id)`,

    `CREATE TABLE hearings (
       organisation_id uuid NOT NULL,
       complaint_id uuid NOT NULL,
       employee_id uuid NOT NULL,
       status text NOT NULL CHECK (status IN ('requested', 'statement_draft', 'signed', 'waived')),
       requested_at timestamptz,
       request_text text,
       statement_recorded_at timestamptz,
       statement_text text,
       signed_at timestamptz,
       waived_at timestamptz,
       waived_reason text,
       waived_by uuid,
       PRIMARY KEY (organisation_id, complaint_id, employee_id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id),
       FOREIGN KEY (organisation_id, employee_id) REFERENCES users (organisation_id, id)
     )`,
    `CREATE INDEX hearings_employee_idx ON hearings (organisation_id, employee_id, status)`,

    `CREATE TABLE insurer_consultations (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       complaint_id uuid NOT NULL,
       consulted_at timestamptz NOT NULL,
       with_whom text NOT NULL,
       agreed text NOT NULL,
       recorded_at timestamptz NOT NULL,
       recorded_by uuid,
       PRIMARY KEY (organisation_id, id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id)
     )`,
    `CREATE INDEX insurer_consultations_complaint_idx ON insurer_consultations (organisation_id, complaint_id)`,

    `CREATE TABLE delay_notices (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       complaint_id uuid NOT NULL,
       sent_at timestamptz NOT NULL,
       reason text NOT NULL,
       new_date date NOT NULL,
       created_by uuid,
       PRIMARY KEY (organisation_id, id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id)
     )`,
    `CREATE INDEX delay_notices_complaint_idx ON delay_notices (organisation_id, complaint_id)`,

    `CREATE TABLE meetings (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       complaint_id uuid NOT NULL,
       invited_at timestamptz NOT NULL,
       scheduled_for timestamptz NOT NULL,
       held_at timestamptz,
       minutes text,
       PRIMARY KEY (organisation_id, id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id)
     )`,
    `CREATE INDEX meetings_complaint_idx ON meetings (organisation_id, complaint_id)`,

    `CREATE TABLE kifid_referrals (
       organisation_id uuid NOT NULL,
       complaint_id uuid NOT NULL,
       case_number text NOT NULL,
       outcome text,
       recorded_at timestamptz NOT NULL,
       recorded_by uuid,
       PRIMARY KEY (organisation_id, complaint_id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id)
     )`,

    `CREATE TABLE clock_notices (
       organisation_id uuid NOT NULL,
       complaint_id uuid NOT NULL,
       clock_key text NOT NULL,
       kind text NOT NULL CHECK (kind IN ('warning', 'missed')),
       due_date date NOT NULL,
       noticed_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, complaint_id, clock_key, kind, due_date),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id)
     )`,

    `CREATE TABLE notifications (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       user_id uuid NOT NULL,
       complaint_id uuid,
       kind text NOT NULL,
       message text NOT NULL,
       created_at timestamptz NOT NULL,
       read_at timestamptz,
       PRIMARY KEY (organisation_id, id),
       FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id)
     )`,
    `CREATE INDEX notifications_user_idx ON notifications (organisation_id, user_id, created_at DESC)`,

    ...NEW_TENANT_TABLES.flatMap((table) => [
      `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
      `CREATE POLICY tenant_isolation ON ${table}
         USING (organisation_id = current_organisation_id())
         WITH CHECK (organisation_id = current_organisation_id())`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO klachtwijzer_app`,
    ]),
  ],
};
