import type { MigrationStatements } from '../migration-statements.ts';

/**
 * Frozen in time.
 *
 * - A hearing knows the request letter sent to the employee (R4), as it already knew the summary
 *   letter and the signed copy: the employee's own view finds their letters through the hearing's
 *   ids, never by comparing e-mail addresses (an address changes, and two accounts can look alike).
 *   Hearings started before this migration get the latest request letter of their complaint when
 *   that complaint heard no one else, or else the one sent to the employee's address as it is now:
 *   the only evidence there is for letters written before the link existed.
 * - A cancellation request that was never linked to a complaint has its own retention term
 *   (`retention_settings.cancellation_retention_years`, two years after it was handled when the
 *   organisation set nothing; docs/privacy.md says why), counted from when it was processed or
 *   withdrawn. A withdrawal had no moment of its own: it gets one, and requests withdrawn before
 *   this migration count from the latest moment they do have. Such a request is anonymised on its
 *   own (`anonymised_at`), and a legal hold can be placed on it as on a dossier: a hold names
 *   either a complaint or a cancellation request, never both.
 */
export const migration: MigrationStatements = {
  name: '0018-employee-and-cancellation-retention',
  statements: [
    `ALTER TABLE hearings ADD COLUMN request_letter_id uuid`,
    `ALTER TABLE hearings ADD CONSTRAINT hearings_request_letter_fkey
       FOREIGN KEY (organisation_id, request_letter_id) REFERENCES letters (organisation_id, id)`,
    `UPDATE hearings h SET request_letter_id = (
       SELECT l.id FROM letters l
       WHERE l.organisation_id = h.organisation_id AND l.complaint_id = h.complaint_id
         AND l.letter_type = 'hearing_request' AND l.recipient_kind = 'employee'
         AND (
           NOT EXISTS (SELECT 1 FROM hearings o
                       WHERE o.organisation_id = h.organisation_id AND o.complaint_id = h.complaint_id
                         AND o.employee_id <> h.employee_id AND o.requested_at IS NOT NULL)
           OR lower(l.recipient_email) = (SELECT lower(u.email) FROM users u
                                          WHERE u.organisation_id = h.organisation_id AND u.id = h.employee_id)
         )
       ORDER BY l.issued_at DESC, l.id DESC
       LIMIT 1)
     WHERE h.requested_at IS NOT NULL`,

    `ALTER TABLE retention_settings ADD COLUMN cancellation_retention_years integer NOT NULL DEFAULT 2
       CHECK (cancellation_retention_years BETWEEN 1 AND 30)`,
    `ALTER TABLE cancellation_requests
       ADD COLUMN withdrawn_at timestamptz,
       ADD COLUMN anonymised_at timestamptz`,
    `UPDATE cancellation_requests
       SET withdrawn_at = GREATEST(received_at, created_at, confirmed_at)
     WHERE status = 'withdrawn'`,
    // The nightly run looks per organisation for handled requests without a complaint.
    `CREATE INDEX cancellation_requests_retention_idx ON cancellation_requests (organisation_id, status)
       WHERE anonymised_at IS NULL AND complaint_id IS NULL AND status IN ('processed', 'withdrawn')`,

    `ALTER TABLE legal_holds ALTER COLUMN complaint_id DROP NOT NULL`,
    `ALTER TABLE legal_holds ADD COLUMN cancellation_request_id uuid`,
    `ALTER TABLE legal_holds ADD CONSTRAINT legal_holds_cancellation_request_fkey
       FOREIGN KEY (organisation_id, cancellation_request_id) REFERENCES cancellation_requests (organisation_id, id)`,
    `ALTER TABLE legal_holds ADD CONSTRAINT legal_holds_one_subject
       CHECK ((complaint_id IS NULL) <> (cancellation_request_id IS NULL))`,
    `CREATE INDEX legal_holds_cancellation_idx ON legal_holds (organisation_id, cancellation_request_id, placed_at)
       WHERE cancellation_request_id IS NOT NULL`,
  ],
};
