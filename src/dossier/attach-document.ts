import type { Actor } from '../auth/access-context.ts';
import type { DossierItemKind } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';
import { sha256Hex } from '../domain/event-chain.ts';
import { newId } from '../ids.ts';
import { insertDocument, insertDossierItem, type DossierItemRow } from './dossier.repository.ts';
import { appendDossierEvent } from './event-log.repository.ts';

export interface DocumentToAttach {
  /** Already cleaned with displayFileName: a display name, never a path. */
  fileName: string;
  mediaType: string;
  content: Uint8Array;
  title: string;
  kind?: DossierItemKind;
}

export interface AttachedDocument {
  item: DossierItemRow;
  documentId: string;
  sha256: string;
}

/** Stores a file with its dossier item and event, in the caller's transaction: all or nothing. */
export async function attachDocument(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  actor: Actor,
  authorId: string | null,
  file: DocumentToAttach,
  now: Date,
): Promise<AttachedDocument> {
  const sha256 = sha256Hex(file.content);
  const item = await insertDossierItem(tx, {
    organisation_id: organisationId,
    id: newId(),
    complaint_id: complaintId,
    kind: file.kind ?? 'attachment',
    title: file.title,
    body: null,
    author_id: authorId,
    created_at: now,
  });
  const documentId = newId();
  await insertDocument(tx, {
    organisation_id: organisationId,
    id: documentId,
    complaint_id: complaintId,
    item_id: item.id,
    file_name: file.fileName,
    media_type: file.mediaType,
    size_bytes: file.content.length,
    sha256,
    content: file.content,
    created_at: now,
  });
  await appendDossierEvent(tx, organisationId, complaintId, {
    type: 'dossier.attachment_added',
    actor,
    occurredAt: now,
    data: { itemId: item.id, documentId, sha256, sizeBytes: file.content.length, mediaType: file.mediaType },
  });
  return { item, documentId, sha256 };
}
