import type { MigrationStatements } from '../migration-statements.ts';

/**
 * Frozen in time. Where letters are filed (docs/decisions/0005-cancellation-documents.md):
 *
 * - A document belongs to exactly one file: a complaint's dossier (with its dossier item) or a
 *   cancellation request that is not linked to a complaint and so has no dossier. The confirmation
 *   of such a cancellation (R10) is kept there, as sent, with its SHA-256 like every letter.
 * - A hearing knows the summary letter put to the employee for signature and the signed copy that
 *   went into the dossier (R4).
 * - A planned meeting knows when it was confirmed to the complainant (R7).
 */
export const migration: MigrationStatements = {
  name: '0008-letter-filing',
  statements: [
    `ALTER TABLE documents ALTER COLUMN complaint_id DROP NOT NULL`,
    `ALTER TABLE documents ALTER COLUMN item_id DROP NOT NULL`,
    `ALTER TABLE documents ADD COLUMN cancellation_request_id uuid`,
    `ALTER TABLE documents ADD CONSTRAINT documents_cancellation_request_fkey
       FOREIGN KEY (organisation_id, cancellation_request_id) REFERENCES cancellation_requests (organisation_id, id)`,
    `ALTER TABLE documents ADD CONSTRAINT documents_filed_once CHECK (
       (complaint_id IS NOT NULL AND item_id IS NOT NULL AND cancellation_request_id IS NULL)
       OR (complaint_id IS NULL AND item_id IS NULL AND cancellation_request_id IS NOT NULL)
     )`,
    `CREATE INDEX documents_cancellation_idx ON documents (organisation_id, cancellation_request_id)
       WHERE cancellation_request_id IS NOT NULL`,
    `CREATE INDEX letters_cancellation_idx ON letters (organisation_id, cancellation_request_id, issued_at)
       WHERE cancellation_request_id IS NOT NULL`,

    `ALTER TABLE hearings
       ADD COLUMN statement_letter_id uuid,
       ADD COLUMN signed_document_id uuid`,
    `ALTER TABLE hearings ADD CONSTRAINT hearings_statement_letter_fkey
       FOREIGN KEY (organisation_id, statement_letter_id) REFERENCES letters (organisation_id, id)`,
    `ALTER TABLE hearings ADD CONSTRAINT hearings_signed_document_fkey
       FOREIGN KEY (organisation_id, signed_document_id) REFERENCES documents (organisation_id, id)`,

    `ALTER TABLE meetings ADD COLUMN confirmed_at timestamptz`,
  ],
};
