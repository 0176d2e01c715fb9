import { sql } from 'kysely';
import type { Scope, Scopes } from './anonymise.repository.ts';

/**
 * The rows of a cancellation request that was never linked to a complaint, table by table, for the
 * same catalog-driven anonymisation a dossier gets (TABLE_POLICIES says what happens to each
 * column). Every table a dossier reaches is named here too, null where such a request never has
 * rows, so a new table cannot be left out unnoticed (a test compares the two lists). Only requests
 * without a complaint come here: a linked one, with its letters and intake mail, goes with the
 * dossier (DOSSIER_SCOPES).
 */
const intakeItems: Scope = (organisationId, cancellationId) =>
  sql`complaint_id IS NULL AND (cancellation_request_id = ${cancellationId} OR id IN (
    SELECT intake_item_id FROM cancellation_requests
    WHERE organisation_id = ${organisationId} AND id = ${cancellationId} AND intake_item_id IS NOT NULL))`;

const intakeItemIds = (organisationId: string, cancellationId: string) =>
  sql`(SELECT id FROM intake_items
       WHERE organisation_id = ${organisationId} AND ${intakeItems(organisationId, cancellationId)})`;

const ownLetters: Scope = (_organisationId, cancellationId) =>
  sql`cancellation_request_id = ${cancellationId}`;

export const CANCELLATION_SCOPES: Scopes = {
  complaints: null,
  complainants: null,
  complaint_involved_employees: null,
  dossier_items: null,
  // Filed with the request itself (decision 0005): no complaint, no dossier item.
  documents: (_organisationId, cancellationId) =>
    sql`complaint_id IS NULL AND cancellation_request_id = ${cancellationId}`,
  dossier_events: null,
  information_requests: null,
  hearings: null,
  insurer_consultations: null,
  delay_notices: null,
  meetings: null,
  kifid_referrals: null,
  clock_notices: null,
  notifications: null,
  idempotency_keys: null,
  mail_messages: (organisationId, cancellationId) =>
    sql`complaint_id IS NULL AND (
      intake_item_id IN ${intakeItemIds(organisationId, cancellationId)}
      OR id IN (SELECT mail_message_id FROM intake_items
                WHERE organisation_id = ${organisationId} AND mail_message_id IS NOT NULL
                  AND ${intakeItems(organisationId, cancellationId)}))`,
  intake_items: intakeItems,
  intake_classifications: (organisationId, cancellationId) =>
    sql`intake_item_id IN ${intakeItemIds(organisationId, cancellationId)}`,
  cancellation_requests: (_organisationId, cancellationId) =>
    sql`id = ${cancellationId} AND complaint_id IS NULL`,
  letters: ownLetters,
  outbox: (organisationId, cancellationId) =>
    sql`letter_id IN (SELECT id FROM letters
                      WHERE organisation_id = ${organisationId} AND ${ownLetters(organisationId, cancellationId)})`,
  dossier_reads: null,
  portal_codes: null,
  portal_sessions: null,
  portal_tokens: null,
  legal_holds: (_organisationId, cancellationId) => sql`cancellation_request_id = ${cancellationId}`,
  acknowledgment_tasks: null,
  improvement_action_complaints: null,
  export_records: null,
  complaint_search: null,
};
