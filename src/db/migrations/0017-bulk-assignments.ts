import type { MigrationStatements } from '../migration-statements.ts';

/**
 * Frozen in time. A coordinator reassigns several complaints at once: the request is stored with
 * one row per complaint, and a background job takes the same procedure step for each, recording
 * per complaint whether it went through or why not (a Dutch reason, for the coordinator, and the
 * step's refusal code). The rows are the job's progress; the step's own events are in each dossier.
 */
export const migration: MigrationStatements = {
  name: '0017-bulk-assignments',
  statements: [
    `CREATE TABLE bulk_assignments (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       requested_by uuid NOT NULL,
       handler_id uuid NOT NULL,
       idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 200),
       status text NOT NULL CHECK (status IN ('queued', 'running', 'finished')),
       total integer NOT NULL CHECK (total > 0),
       created_at timestamptz NOT NULL,
       finished_at timestamptz,
       PRIMARY KEY (organisation_id, id),
       FOREIGN KEY (organisation_id, requested_by) REFERENCES users (organisation_id, id),
       FOREIGN KEY (organisation_id, handler_id) REFERENCES users (organisation_id, id),
       CHECK ((status = 'finished') = (finished_at IS NOT NULL))
     )`,
    `CREATE UNIQUE INDEX bulk_assignments_idempotency_idx
       ON bulk_assignments (organisation_id, requested_by, idempotency_key)
       WHERE idempotency_key IS NOT NULL`,
    `CREATE INDEX bulk_assignments_unfinished_idx ON bulk_assignments (created_at) WHERE status <> 'finished'`,
    `CREATE TABLE bulk_assignment_items (
       organisation_id uuid NOT NULL,
       bulk_assignment_id uuid NOT NULL,
       position integer NOT NULL CHECK (position >= 0),
       complaint_id uuid NOT NULL,
       status text NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
       reason_code text,
       reason text,
       processed_at timestamptz,
       PRIMARY KEY (organisation_id, bulk_assignment_id, position),
       UNIQUE (organisation_id, bulk_assignment_id, complaint_id),
       FOREIGN KEY (organisation_id, bulk_assignment_id) REFERENCES bulk_assignments (organisation_id, id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id),
       CHECK ((status = 'pending') = (processed_at IS NULL)),
       CHECK ((status = 'failed') = (reason_code IS NOT NULL))
     )`,
    `CREATE INDEX bulk_assignment_items_complaint_idx ON bulk_assignment_items (organisation_id, complaint_id)`,
    `ALTER TABLE bulk_assignments ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON bulk_assignments
       USING (organisation_id = current_organisation_id())
       WITH CHECK (organisation_id = current_organisation_id())`,
    `ALTER TABLE bulk_assignment_items ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON bulk_assignment_items
       USING (organisation_id = current_organisation_id())
       WITH CHECK (organisation_id = current_organisation_id())`,
    `GRANT SELECT, INSERT, UPDATE ON bulk_assignments TO klachtwijzer_app`,
    `GRANT SELECT, INSERT, UPDATE ON bulk_assignment_items TO klachtwijzer_app`,
  ],
};
