import type { MigrationStatements } from '../migration-statements.ts';

/**
 * The request letter of a hearing started before the link existed, read from the hash-chained event
 * log by ids alone: starting a hearing appends `complaint.hearing_started` (with the employee's id)
 * and, in the same transaction and at the same moment, `letter.issued` (with the letter's id and
 * type). The letter belongs to the nearest hearing start before it; the latest such letter is the
 * one in force. A letter address is not used: it may have changed, or belong to someone else now.
 */
export const REQUEST_LETTER_FROM_EVENTS = `
  SELECT (li.data ->> 'letterId')::uuid
  FROM dossier_events li
  JOIN dossier_events hs
    ON hs.organisation_id = li.organisation_id AND hs.complaint_id = li.complaint_id
   AND hs.type = 'complaint.hearing_started' AND hs.sequence < li.sequence
   AND hs.occurred_at = li.occurred_at
   AND hs.data ->> 'employeeId' = h.employee_id::text
  WHERE li.organisation_id = h.organisation_id AND li.complaint_id = h.complaint_id
    AND li.type = 'letter.issued' AND li.data ->> 'letterType' = 'hearing_request'
    AND NOT EXISTS (
      SELECT 1 FROM dossier_events x
      WHERE x.organisation_id = li.organisation_id AND x.complaint_id = li.complaint_id
        AND x.type = 'complaint.hearing_started' AND x.sequence > hs.sequence AND x.sequence < li.sequence)
    AND EXISTS (SELECT 1 FROM letters l
                WHERE l.organisation_id = li.organisation_id AND l.id::text = li.data ->> 'letterId')
  ORDER BY li.sequence DESC
  LIMIT 1`;

/**
 * Frozen in time.
 *
 * - A hearing knows the request letter sent to the employee (R4), as it already knew the summary
 *   letter and the signed copy: the employee's own view finds their letters through the hearing's
 *   ids, never by comparing e-mail addresses (an address changes, and two accounts can look alike).
 *   Hearings started before this migration get their request letter from the event log, by ids.
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
    `UPDATE hearings h SET request_letter_id = (${REQUEST_LETTER_FROM_EVENTS})
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
