import type { Insertable, Selectable } from 'kysely';
import type { DocumentsTable, DossierItemsTable } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';

export type DossierItemRow = Selectable<DossierItemsTable>;
/** A document in a dossier (documents of a cancellation request without a dossier are elsewhere). */
export type DocumentMetaRow = Omit<Selectable<DocumentsTable>, 'content' | 'cancellation_request_id'>;

export async function insertDossierItem(tx: Tx, row: Insertable<DossierItemsTable>): Promise<DossierItemRow> {
  return tx.insertInto('dossier_items').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertDocument(tx: Tx, row: Insertable<DocumentsTable>): Promise<void> {
  await tx.insertInto('documents').values(row).execute();
}

export async function listDossierItems(
  tx: Tx,
  organisationId: string,
  complaintId: string,
): Promise<DossierItemRow[]> {
  return tx
    .selectFrom('dossier_items')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

const DOCUMENT_META = [
  'organisation_id',
  'id',
  'complaint_id',
  'item_id',
  'file_name',
  'media_type',
  'size_bytes',
  'sha256',
  'created_at',
] as const;

export async function listDocumentsOfComplaint(
  tx: Tx,
  organisationId: string,
  complaintId: string,
): Promise<DocumentMetaRow[]> {
  return tx
    .selectFrom('documents')
    .select(DOCUMENT_META)
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findDocumentWithContent(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  documentId: string,
): Promise<Selectable<DocumentsTable> | undefined> {
  return tx
    .selectFrom('documents')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .where('id', '=', documentId)
    .executeTakeFirst();
}
