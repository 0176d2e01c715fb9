import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';

/** What the anonymisation test reads back from the database around a run. */

/** Counts reports are made of; anonymisation must leave every one of them as it was. */
export async function reportFigures(db: Kysely<Database>, organisationId: string) {
  const { rows } = await sql<Record<string, unknown>>`
    SELECT status, channel, product, category, root_cause, outcome, reference,
           received_at, closed_at, withdrawn_at, acknowledgment_sent_at, decision_communicated_at,
           acknowledge_due, decision_due, decision_target, liability_flag, handler_id
    FROM complaints WHERE organisation_id = ${organisationId} ORDER BY reference`.execute(db);
  const grouped = await sql<{ category: string | null; outcome: string | null; n: string }>`
    SELECT category, outcome, count(*)::text AS n FROM complaints
    WHERE organisation_id = ${organisationId} GROUP BY category, outcome ORDER BY category, outcome`.execute(
    db,
  );
  return { rows, grouped: grouped.rows };
}

/**
 * The places added after the first policy (migrations 0008–0014), read directly, so the scan's
 * "nothing found" is backed by rows that are known to have held the person before.
 */
export async function laterPaths(db: Kysely<Database>, organisationId: string, complaintId: string) {
  const cancellationLetters = await sql<{
    content: string;
    recipient_name: string;
    document_content: Uint8Array | null;
    file_name: string;
  }>`
    SELECT l.content::text AS content, l.recipient_name, d.content AS document_content, d.file_name
    FROM letters l
    JOIN cancellation_requests r ON r.organisation_id = l.organisation_id AND r.id = l.cancellation_request_id
    JOIN documents d ON d.organisation_id = l.organisation_id AND d.id = l.document_id
    WHERE l.organisation_id = ${organisationId} AND r.complaint_id = ${complaintId}
      AND l.complaint_id IS NULL AND d.complaint_id IS NULL`.execute(db);
  const statements = await sql<{
    content: string;
    letter_pdf: Uint8Array | null;
    signed_pdf: Uint8Array | null;
  }>`
    SELECT l.content::text AS content, ld.content AS letter_pdf, sd.content AS signed_pdf
    FROM hearings h
    JOIN letters l ON l.organisation_id = h.organisation_id AND l.id = h.statement_letter_id
    JOIN documents ld ON ld.organisation_id = l.organisation_id AND ld.id = l.document_id
    JOIN documents sd ON sd.organisation_id = h.organisation_id AND sd.id = h.signed_document_id
    WHERE h.organisation_id = ${organisationId} AND h.complaint_id = ${complaintId}`.execute(db);
  const task = await sql<{ last_error: string | null }>`
    SELECT last_error FROM acknowledgment_tasks
    WHERE organisation_id = ${organisationId} AND complaint_id = ${complaintId}`.execute(db);
  const actions = await sql<{ title: string; description: string | null }>`
    SELECT a.title, a.description FROM improvement_action_complaints j
    JOIN improvement_actions a ON a.organisation_id = j.organisation_id AND a.id = j.action_id
    WHERE j.organisation_id = ${organisationId} AND j.complaint_id = ${complaintId}`.execute(db);
  const exports = await sql<{ row: string }>`
    SELECT e::text AS row FROM export_records e
    WHERE organisation_id = ${organisationId} AND complaint_id = ${complaintId}`.execute(db);
  return {
    cancellationLetters: cancellationLetters.rows,
    statements: statements.rows,
    taskError: task.rows[0]?.last_error,
    actions: actions.rows,
    exports: exports.rows.map((r) => r.row),
  };
}

/** A dossier's rows in every table that holds something of it, as text, to prove "untouched". */
export async function dossierFingerprint(db: Kysely<Database>, organisationId: string, complaintId: string) {
  const tables = [
    'complaints',
    'dossier_items',
    'documents',
    'dossier_events',
    'letters',
    'outbox',
    'legal_holds',
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const column = table === 'complaints' ? 'id' : 'complaint_id';
    const { rows } = await sql<{ row: string }>`
      SELECT t::text AS row FROM ${sql.table(table)} t
      WHERE organisation_id = ${organisationId} AND ${sql.ref(column)} = ${complaintId} ORDER BY 1`.execute(
      db,
    );
    parts.push(`${table}: ${rows.map((r) => r.row).join('\n')}`);
  }
  const complainant = await sql<{ row: string }>`
    SELECT p::text AS row FROM complainants p JOIN complaints c
      ON c.organisation_id = p.organisation_id AND c.complainant_id = p.id
    WHERE c.organisation_id = ${organisationId} AND c.id = ${complaintId}`.execute(db);
  parts.push(`complainant: ${complainant.rows[0]?.row}`);
  return parts.join('\n');
}
