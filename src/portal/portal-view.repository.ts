import type { ComplaintStatus } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';
import { newId } from '../ids.ts';

/**
 * Every read the portal makes about a dossier, and nothing wider. Each query is pinned to the one
 * complaint of the session. Letters are read through the `letters` table and only when addressed to
 * the complainant and stored as a letter: notes, hearing statements, insurer correspondence, letters
 * to employees or the insurer and anything staff attached are never selected at all.
 */
export interface PortalComplaintRow {
  reference: string;
  status: ComplaintStatus;
  description: string;
  product: string | null;
  desiredOutcome: string | null;
  decisionPreference: 'meeting' | 'letter' | null;
  complainantEmail: string | null;
  handlerId: string | null;
  decisionGiven: boolean;
}

export async function findPortalComplaint(
  tx: Tx,
  organisationId: string,
  complaintId: string,
): Promise<PortalComplaintRow | undefined> {
  const row = await tx
    .selectFrom('complaints as c')
    .innerJoin('complainants as p', (join) =>
      join.onRef('p.organisation_id', '=', 'c.organisation_id').onRef('p.id', '=', 'c.complainant_id'),
    )
    .select([
      'c.reference',
      'c.status',
      'c.description',
      'c.product',
      'c.desired_outcome',
      'c.decision_preference',
      'c.handler_id',
      'c.decision_communicated_at',
      'p.email',
    ])
    .where('c.organisation_id', '=', organisationId)
    .where('c.id', '=', complaintId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    reference: row.reference,
    status: row.status,
    description: row.description,
    product: row.product,
    desiredOutcome: row.desired_outcome,
    decisionPreference: row.decision_preference,
    complainantEmail: row.email,
    handlerId: row.handler_id,
    decisionGiven: row.decision_communicated_at !== null,
  };
}

export interface LetterToComplainantRow {
  letterId: string;
  letterType: string;
  issuedAt: Date;
  delivery: 'email' | 'post';
  documentId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

function lettersToComplainant(tx: Tx, organisationId: string, complaintId: string) {
  return tx
    .selectFrom('letters as l')
    .innerJoin('documents as d', (join) =>
      join.onRef('d.organisation_id', '=', 'l.organisation_id').onRef('d.id', '=', 'l.document_id'),
    )
    .innerJoin('dossier_items as i', (join) =>
      join.onRef('i.organisation_id', '=', 'd.organisation_id').onRef('i.id', '=', 'd.item_id'),
    )
    .where('l.organisation_id', '=', organisationId)
    .where('l.complaint_id', '=', complaintId)
    .where('d.complaint_id', '=', complaintId)
    .where('i.complaint_id', '=', complaintId)
    .where('l.recipient_kind', '=', 'complainant')
    .where('l.status', 'in', ['sent', 'posted', 'undeliverable'])
    .where('i.kind', '=', 'letter');
}

export async function listLettersToComplainant(
  tx: Tx,
  organisationId: string,
  complaintId: string,
): Promise<LetterToComplainantRow[]> {
  const rows = await lettersToComplainant(tx, organisationId, complaintId)
    .select([
      'l.id',
      'l.letter_type',
      'l.issued_at',
      'l.delivery',
      'd.id as document_id',
      'd.file_name',
      'd.media_type',
      'd.size_bytes',
    ])
    .where('d.content', 'is not', null)
    .orderBy('l.issued_at')
    .orderBy('l.id')
    .execute();
  return rows.map((r) => ({
    letterId: r.id,
    letterType: r.letter_type,
    issuedAt: new Date(r.issued_at),
    delivery: r.delivery,
    documentId: r.document_id,
    fileName: r.file_name,
    mediaType: r.media_type,
    sizeBytes: Number(r.size_bytes),
  }));
}

export async function findLetterDocumentForComplainant(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  documentId: string,
): Promise<{ fileName: string; mediaType: string; sha256: string; content: Uint8Array } | undefined> {
  const row = await lettersToComplainant(tx, organisationId, complaintId)
    .select(['d.file_name', 'd.media_type', 'd.sha256', 'd.content'])
    .where('d.id', '=', documentId)
    .executeTakeFirst();
  if (!row?.content) return undefined;
  return { fileName: row.file_name, mediaType: row.media_type, sha256: row.sha256, content: row.content };
}

export interface OpenInformationRequestRow {
  sentAt: Date;
  whatIsMissing: string | null;
}

export async function listOpenInformationRequests(
  tx: Tx,
  organisationId: string,
  complaintId: string,
): Promise<OpenInformationRequestRow[]> {
  const rows = await tx
    .selectFrom('information_requests')
    .select(['sent_at', 'what_is_missing'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .where('answered_at', 'is', null)
    .where('closed_not_needed_at', 'is', null)
    .orderBy('sent_at')
    .execute();
  return rows.map((r) => ({ sentAt: new Date(r.sent_at), whatIsMissing: r.what_is_missing }));
}

export interface PortalSubmissionRow {
  at: Date;
  text: string | null;
  fileNames: string[];
}

/**
 * What the complainant sent through the portal, found through the portal's own dossier events (which
 * name the items by id): a message that reached the dossier another way is not theirs to see here.
 */
export async function listPortalSubmissions(
  tx: Tx,
  organisationId: string,
  complaintId: string,
): Promise<PortalSubmissionRow[]> {
  const events = await tx
    .selectFrom('dossier_events')
    .select(['occurred_at', 'data'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .where('type', '=', 'portal.message_received')
    .where('actor_kind', '=', 'complainant')
    .orderBy('sequence')
    .execute();
  const submissions = events.map((event) => {
    const data = (event.data ?? {}) as { messageItemId?: unknown; attachmentItemIds?: unknown };
    return {
      at: new Date(event.occurred_at),
      messageItemId: typeof data.messageItemId === 'string' ? data.messageItemId : null,
      attachmentItemIds: Array.isArray(data.attachmentItemIds)
        ? data.attachmentItemIds.filter((id): id is string => typeof id === 'string')
        : [],
    };
  });
  const itemIds = submissions.flatMap((s) => [
    ...(s.messageItemId ? [s.messageItemId] : []),
    ...s.attachmentItemIds,
  ]);
  if (itemIds.length === 0) return [];
  const [items, documents] = await Promise.all([
    tx
      .selectFrom('dossier_items')
      .select(['id', 'body'])
      .where('organisation_id', '=', organisationId)
      .where('complaint_id', '=', complaintId)
      .where('kind', '=', 'message_in')
      .where('id', 'in', itemIds)
      .execute(),
    tx
      .selectFrom('documents')
      .select(['item_id', 'file_name'])
      .where('organisation_id', '=', organisationId)
      .where('complaint_id', '=', complaintId)
      .where('item_id', 'in', itemIds)
      .execute(),
  ]);
  const bodies = new Map(items.map((i) => [i.id, i.body]));
  const fileNames = new Map(documents.map((d) => [d.item_id, d.file_name]));
  return submissions.map((s) => ({
    at: s.at,
    text: s.messageItemId ? (bodies.get(s.messageItemId) ?? null) : null,
    fileNames: s.attachmentItemIds
      .filter((id) => bodies.has(id))
      .map((id) => fileNames.get(id))
      .filter((name): name is string => name !== undefined),
  }));
}

export async function recordPortalRead(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  what: string,
  at: Date,
): Promise<void> {
  await tx
    .insertInto('dossier_reads')
    .values({
      organisation_id: organisationId,
      id: newId(),
      complaint_id: complaintId,
      user_id: null,
      actor_kind: 'complainant',
      what,
      read_at: at,
    })
    .execute();
}
