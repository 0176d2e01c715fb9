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
  ],
};
