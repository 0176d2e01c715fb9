import { sql, type Selectable } from 'kysely';
import type { DocumentsTable, HearingsTable } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';

/**
 * The SQL of the involved employee's own view. Every query is keyed on the employee as well as the
 * organisation: nothing here can reach a hearing, reaction or letter of someone else.
 */
export const HEARING_LETTER_TYPES = ['hearing_request', 'hearing_statement'] as const;

/**
 * Addresses compare without case: the caller passes the account's address lowercased, and a letter
 * keeps the address as the account spelled it when it was written.
 */
const recipientEmailIs = (employeeEmail: string) =>
  sql<boolean>`lower(l.recipient_email) = ${employeeEmail.toLowerCase()}`;

export type OwnHearingRow = Selectable<HearingsTable> & { reference: string };

export async function listOwnHearings(
  tx: Tx,
  organisationId: string,
  employeeId: string,
  complaintId?: string,
): Promise<OwnHearingRow[]> {
  let query = tx
    .selectFrom('hearings as h')
    .innerJoin('complaints as c', (join) =>
      join.onRef('c.organisation_id', '=', 'h.organisation_id').onRef('c.id', '=', 'h.complaint_id'),
    )
    .selectAll('h')
    .select('c.reference')
    .where('h.organisation_id', '=', organisationId)
    .where('h.employee_id', '=', employeeId)
    // A hearing waived before it was ever asked for is no request to this employee.
    .where('h.requested_at', 'is not', null);
  if (complaintId) query = query.where('h.complaint_id', '=', complaintId);
  return query.orderBy('h.requested_at', 'desc').orderBy('h.complaint_id').execute();
}

export interface OwnReactionRow {
  id: string;
  complaint_id: string;
  body: string | null;
  created_at: Date | string;
}

/** The employee's own written reactions: dossier items of kind statement that they wrote. */
export async function listOwnReactions(
  tx: Tx,
  organisationId: string,
  employeeId: string,
  complaintIds: readonly string[],
): Promise<OwnReactionRow[]> {
  if (complaintIds.length === 0) return [];
  return tx
    .selectFrom('dossier_items')
    .select(['id', 'complaint_id', 'body', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', 'in', complaintIds)
    .where('kind', '=', 'statement')
    .where('author_id', '=', employeeId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export interface OwnLetterRow {
  complaint_id: string | null;
  letter_type: string;
  issued_at: Date | string;
  document_id: string;
  file_name: string;
  media_type: string;
  size_bytes: string;
}

/** Letters addressed to this employee about their hearing (the request, the statement to sign). */
export async function listOwnHearingLetters(
  tx: Tx,
  organisationId: string,
  employeeEmail: string,
  complaintIds: readonly string[],
): Promise<OwnLetterRow[]> {
  if (complaintIds.length === 0) return [];
  return tx
    .selectFrom('letters as l')
    .innerJoin('documents as d', (join) =>
      join.onRef('d.organisation_id', '=', 'l.organisation_id').onRef('d.id', '=', 'l.document_id'),
    )
    .select([
      'l.complaint_id',
      'l.letter_type',
      'l.issued_at',
      'l.document_id',
      'd.file_name',
      'd.media_type',
      'd.size_bytes',
    ])
    .where('l.organisation_id', '=', organisationId)
    .where('l.complaint_id', 'in', complaintIds)
    .where('l.recipient_kind', '=', 'employee')
    .where(recipientEmailIs(employeeEmail))
    .where('l.letter_type', 'in', HEARING_LETTER_TYPES)
    .orderBy('l.issued_at')
    .execute();
}

/** One document, only when it is a hearing letter to this employee. */
export async function findOwnHearingDocument(
  tx: Tx,
  organisationId: string,
  employeeEmail: string,
  complaintId: string,
  documentId: string,
): Promise<Selectable<DocumentsTable> | undefined> {
  return tx
    .selectFrom('documents as d')
    .innerJoin('letters as l', (join) =>
      join.onRef('l.organisation_id', '=', 'd.organisation_id').onRef('l.document_id', '=', 'd.id'),
    )
    .selectAll('d')
    .where('d.organisation_id', '=', organisationId)
    .where('d.complaint_id', '=', complaintId)
    .where('d.id', '=', documentId)
    .where('l.recipient_kind', '=', 'employee')
    .where(recipientEmailIs(employeeEmail))
    .where('l.letter_type', 'in', HEARING_LETTER_TYPES)
    .executeTakeFirst();
}
