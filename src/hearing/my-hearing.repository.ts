import { sql, type Selectable } from 'kysely';
import type { DocumentsTable, HearingsTable } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';

export type OwnHearingRow = Selectable<HearingsTable> & { reference: string };

/**
 * The employee's own hearings. Like every query of the involved employee's own view here, it is
 * keyed on the employee's id as well as the organisation: nothing here can reach a hearing, reaction
 * or letter of someone else.
 */
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

/** What an own document is to the employee: the request, the summary to sign, the signed copy. */
export const OWN_DOCUMENT_KINDS = [
  'hearing_request',
  'hearing_statement',
  'hearing_statement_signed',
] as const;
export type OwnDocumentKind = (typeof OWN_DOCUMENT_KINDS)[number];

export interface OwnDocumentRow {
  complaint_id: string;
  kind: OwnDocumentKind;
  document_id: string;
  file_name: string;
  media_type: string;
  size_bytes: string;
  created_at: Date | string;
}

/**
 * The documents of the employee's own hearings, found through the hearing's own links (the request
 * letter, the summary letter in force, the signed copy): ids from the hearing row that names this
 * employee, so an address that changed or looks like another's cannot add or hide a letter.
 */
function ownDocuments(tx: Tx, organisationId: string, employeeId: string) {
  const hearings = tx
    .selectFrom('hearings as h')
    .where('h.organisation_id', '=', organisationId)
    .where('h.employee_id', '=', employeeId)
    .where('h.requested_at', 'is not', null);
  const letter = (column: 'h.request_letter_id' | 'h.statement_letter_id', kind: OwnDocumentKind) =>
    hearings
      .innerJoin('letters as l', (join) =>
        join.onRef('l.organisation_id', '=', 'h.organisation_id').onRef('l.id', '=', column),
      )
      .select(['h.complaint_id', sql<OwnDocumentKind>`${sql.lit(kind)}::text`.as('kind'), 'l.document_id']);
  const signed = hearings
    .where('h.signed_document_id', 'is not', null)
    .select([
      'h.complaint_id',
      sql<OwnDocumentKind>`${sql.lit('hearing_statement_signed')}::text`.as('kind'),
      'h.signed_document_id as document_id',
    ])
    .$narrowType<{ document_id: string }>();
  const own = letter('h.request_letter_id', 'hearing_request')
    .unionAll(letter('h.statement_letter_id', 'hearing_statement'))
    .unionAll(signed);
  return tx.selectFrom(own.as('o')).innerJoin('documents as d', (join) =>
    join
      .on('d.organisation_id', '=', organisationId)
      .onRef('d.id', '=', 'o.document_id')
      // Every hearing document is filed in the hearing's own dossier.
      .onRef('d.complaint_id', '=', 'o.complaint_id'),
  );
}

/** The documents of these hearings of the employee, oldest first. */
export async function listOwnHearingDocuments(
  tx: Tx,
  organisationId: string,
  employeeId: string,
  complaintIds: readonly string[],
): Promise<OwnDocumentRow[]> {
  if (complaintIds.length === 0) return [];
  return ownDocuments(tx, organisationId, employeeId)
    .select([
      'o.complaint_id',
      'o.kind',
      'o.document_id',
      'd.file_name',
      'd.media_type',
      'd.size_bytes',
      'd.created_at',
    ])
    .where('o.complaint_id', 'in', complaintIds)
    .orderBy('d.created_at')
    .orderBy('d.id')
    .execute();
}

/** One document, only when it is one of this employee's hearing documents of this complaint. */
export async function findOwnHearingDocument(
  tx: Tx,
  organisationId: string,
  employeeId: string,
  complaintId: string,
  documentId: string,
): Promise<Selectable<DocumentsTable> | undefined> {
  return ownDocuments(tx, organisationId, employeeId)
    .selectAll('d')
    .where('o.complaint_id', '=', complaintId)
    .where('o.document_id', '=', documentId)
    .executeTakeFirst();
}
