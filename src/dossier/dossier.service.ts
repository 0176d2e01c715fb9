import { requireRole, type AccessContext } from '../auth/access-context.ts';
import type { ComplaintDeps } from '../complaints/complaint.service.ts';
import { withTenant } from '../db/tenant.ts';
import type { DossierEventRow } from '../db/schema.ts';
import { sha256Hex } from '../domain/event-chain.ts';
import { displayFileName } from '../domain/file-name.ts';
import { detectMediaType } from '../domain/media-type.ts';
import { NotFoundError, PayloadTooLargeError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { normaliseLine, normaliseText } from '../text.ts';
import { requireDossierAccess } from '../auth/complaint-access.ts';
import { attachDocument } from './attach-document.ts';
import { appendDossierEvent, listDossierEvents } from './event-log.repository.ts';
import {
  findDocumentWithContent,
  insertDossierItem,
  listDocumentsOfComplaint,
  listDossierItems,
  type DocumentMetaRow,
  type DossierItemRow,
} from './dossier.repository.ts';

const READERS = ['coordinator', 'handler', 'auditor'] as const;
const WRITERS = ['coordinator', 'handler'] as const;

export interface DossierItemView {
  id: string;
  kind: DossierItemRow['kind'];
  title: string;
  body: string | null;
  authorId: string | null;
  createdAt: Date;
  documents: Array<{ id: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string }>;
}

export async function addNote(
  deps: ComplaintDeps,
  context: AccessContext,
  complaintId: string,
  input: { title?: string; text: string },
): Promise<DossierItemView> {
  requireRole(context, WRITERS);
  const text = normaliseText(input.text);
  if (text === '')
    throw new ValidationError('De notitie is leeg.', [{ field: '/text', message: 'De notitie is leeg.' }]);
  const title = normaliseLine(input.title ?? '') || 'Notitie';
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    await requireDossierAccess(tx, context, complaintId, null);
    const item = await insertDossierItem(tx, {
      organisation_id: context.organisationId,
      id: newId(),
      complaint_id: complaintId,
      kind: 'note',
      title,
      body: text,
      author_id: context.userId,
      created_at: now,
    });
    await appendDossierEvent(tx, context.organisationId, complaintId, {
      type: 'dossier.note_added',
      actor: context.actor,
      occurredAt: now,
      data: { itemId: item.id, contentSha256: sha256Hex(`${title}\n${text}`) },
    });
    return toItemView(item, []);
  });
}

export async function addAttachment(
  deps: ComplaintDeps & { maxAttachmentBytes: number },
  context: AccessContext,
  complaintId: string,
  input: { fileName: string; content: Uint8Array; title?: string },
): Promise<DossierItemView> {
  requireRole(context, WRITERS);
  if (input.content.length > deps.maxAttachmentBytes) {
    throw new PayloadTooLargeError(
      `De bijlage is groter dan ${Math.floor(deps.maxAttachmentBytes / (1024 * 1024))} MB.`,
      deps.maxAttachmentBytes,
    );
  }
  if (input.content.length === 0) {
    throw new ValidationError('De bijlage is leeg.', [{ field: '/content', message: 'De bijlage is leeg.' }]);
  }
  const fileName = displayFileName(input.fileName);
  const mediaType = detectMediaType(input.content);
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    await requireDossierAccess(tx, context, complaintId, null);
    const attached = await attachDocument(
      tx,
      context.organisationId,
      complaintId,
      context.actor,
      context.userId,
      { fileName, mediaType, content: input.content, title: normaliseLine(input.title ?? '') || fileName },
      now,
    );
    return toItemView(attached.item, [
      {
        organisation_id: context.organisationId,
        id: attached.documentId,
        complaint_id: complaintId,
        item_id: attached.item.id,
        file_name: fileName,
        media_type: mediaType,
        size_bytes: String(input.content.length),
        sha256: attached.sha256,
        created_at: now,
      },
    ]);
  });
}

function toItemView(item: DossierItemRow, documents: readonly DocumentMetaRow[]): DossierItemView {
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    body: item.body,
    authorId: item.author_id,
    createdAt: new Date(item.created_at),
    documents: documents.map((d) => ({
      id: d.id,
      fileName: d.file_name,
      mediaType: d.media_type,
      sizeBytes: Number(d.size_bytes),
      sha256: d.sha256,
    })),
  };
}

export async function listItems(
  deps: ComplaintDeps,
  context: AccessContext,
  complaintId: string,
): Promise<DossierItemView[]> {
  requireRole(context, READERS);
  return withTenant(deps.db, context.organisationId, async (tx) => {
    await requireDossierAccess(tx, context, complaintId, { what: 'items', at: deps.clock.now() });
    const items = await listDossierItems(tx, context.organisationId, complaintId);
    const documents = Map.groupBy(
      await listDocumentsOfComplaint(tx, context.organisationId, complaintId),
      (d) => d.item_id,
    );
    return items.map((item) => toItemView(item, documents.get(item.id) ?? []));
  });
}

export async function listEvents(
  deps: ComplaintDeps,
  context: AccessContext,
  complaintId: string,
): Promise<DossierEventRow[]> {
  requireRole(context, READERS);
  return withTenant(deps.db, context.organisationId, async (tx) => {
    await requireDossierAccess(tx, context, complaintId, { what: 'events', at: deps.clock.now() });
    return listDossierEvents(tx, context.organisationId, complaintId);
  });
}

export async function getDocument(
  deps: ComplaintDeps,
  context: AccessContext,
  complaintId: string,
  documentId: string,
): Promise<{ fileName: string; mediaType: string; sha256: string; content: Uint8Array }> {
  requireRole(context, READERS);
  const row = await withTenant(deps.db, context.organisationId, async (tx) => {
    await requireDossierAccess(tx, context, complaintId, {
      what: `document:${documentId}`,
      at: deps.clock.now(),
    });
    const found = await findDocumentWithContent(tx, context.organisationId, complaintId, documentId);
    // Thrown inside the transaction, so a document of another dossier is not recorded as read.
    if (!found?.content) throw new NotFoundError('Het document');
    return { ...found, content: found.content };
  });
  return { fileName: row.file_name, mediaType: row.media_type, sha256: row.sha256, content: row.content };
}

export interface DossierReadView {
  userId: string | null;
  actorKind: string;
  what: string;
  readAt: Date;
}

/** Who looked at this dossier, newest first; for the coordinator (and the auditor). */
export async function listDossierReads(
  deps: ComplaintDeps,
  context: AccessContext,
  complaintId: string,
): Promise<DossierReadView[]> {
  requireRole(context, ['coordinator', 'auditor']);
  return withTenant(deps.db, context.organisationId, async (tx) => {
    await requireDossierAccess(tx, context, complaintId, null);
    const rows = await tx
      .selectFrom('dossier_reads')
      .select(['user_id', 'actor_kind', 'what', 'read_at'])
      .where('organisation_id', '=', context.organisationId)
      .where('complaint_id', '=', complaintId)
      .orderBy('read_at', 'desc')
      .orderBy('id', 'desc')
      .limit(500)
      .execute();
    return rows.map((r) => ({
      userId: r.user_id,
      actorKind: r.actor_kind,
      what: r.what,
      readAt: new Date(r.read_at),
    }));
  });
}
