import type { Tx } from '../db/tenant.ts';
import { sha256Hex } from '../domain/event-chain.ts';
import { newId } from '../ids.ts';

/**
 * The file of a cancellation request that is not linked to a complaint: it has no dossier, so its
 * letters are kept with the request itself (migration 0008, docs/decisions/0005). Like every
 * document they are stored as sent, with their SHA-256, and never rendered again.
 */
export async function fileWithCancellationRequest(
  tx: Tx,
  organisationId: string,
  cancellationRequestId: string,
  file: { fileName: string; mediaType: string; content: Uint8Array },
  now: Date,
): Promise<{ documentId: string; sha256: string }> {
  const documentId = newId();
  const sha256 = sha256Hex(file.content);
  await tx
    .insertInto('documents')
    .values({
      organisation_id: organisationId,
      id: documentId,
      complaint_id: null,
      item_id: null,
      cancellation_request_id: cancellationRequestId,
      file_name: file.fileName,
      media_type: file.mediaType,
      size_bytes: file.content.length,
      sha256,
      content: file.content,
      created_at: now,
    })
    .execute();
  return { documentId, sha256 };
}

/** A document of the request: filed with it, or (once linked) in the dossier under its letter. */
export async function findCancellationDocument(
  tx: Tx,
  organisationId: string,
  cancellationRequestId: string,
  documentId: string,
) {
  return tx
    .selectFrom('documents as d')
    .innerJoin('letters as l', (j) =>
      j.onRef('l.organisation_id', '=', 'd.organisation_id').onRef('l.document_id', '=', 'd.id'),
    )
    .select(['d.id', 'd.file_name', 'd.media_type', 'd.sha256', 'd.content'])
    .where('d.organisation_id', '=', organisationId)
    .where('d.id', '=', documentId)
    .where('l.cancellation_request_id', '=', cancellationRequestId)
    .executeTakeFirst();
}

export async function listCancellationLetters(tx: Tx, organisationId: string, cancellationRequestId: string) {
  return tx
    .selectFrom('letters as l')
    .innerJoin('documents as d', (j) =>
      j.onRef('d.organisation_id', '=', 'l.organisation_id').onRef('d.id', '=', 'l.document_id'),
    )
    .select([
      'l.id',
      'l.letter_type',
      'l.delivery',
      'l.status',
      'l.issued_at',
      'l.recipient_email',
      'd.id as document_id',
      'd.file_name',
      'd.size_bytes',
      'd.sha256',
    ])
    .where('l.organisation_id', '=', organisationId)
    .where('l.cancellation_request_id', '=', cancellationRequestId)
    .orderBy('l.issued_at')
    .orderBy('l.id')
    .execute();
}
