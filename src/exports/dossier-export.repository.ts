import { sql, type Insertable } from 'kysely';
import type { ExportRecordsTable } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';
import type { JsonValue } from '../domain/event-chain.ts';
import type { DossierExportSource } from '../domain/exports/dossier-export-plan.ts';
import { letterheadFromOrganisation, type Letterhead } from '../letters/render/letterhead.ts';

export interface DossierExportHeader {
  letterhead: Letterhead;
  reference: string;
  complainantName: string;
  channel: string;
  product: string | null;
  status: string;
  outcome: string | null;
  handlerName: string | null;
  receivedAt: Date;
}

/**
 * One consistent picture of a dossier without any file content: the complaint row is locked FOR
 * SHARE first, so no event can be appended (appendDossierEvent takes FOR NO KEY UPDATE) while the
 * items, documents and events are read, and the head read here is the head of the events read here.
 */
export async function loadDossierExportSource(
  tx: Tx,
  organisationId: string,
  complaintId: string,
): Promise<{ source: DossierExportSource; header: DossierExportHeader } | undefined> {
  const complaint = await tx
    .selectFrom('complaints')
    .select([
      'id',
      'reference',
      'received_at',
      'description',
      'desired_outcome',
      'last_event_sequence',
      'last_event_hash',
      'complainant_id',
      'channel',
      'product',
      'status',
      'outcome',
      'handler_id',
    ])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', complaintId)
    .forShare()
    .executeTakeFirst();
  if (!complaint) return undefined;

  const organisation = await tx
    .selectFrom('organisations')
    .select([
      'id',
      'name',
      'street',
      'postal_code',
      'city',
      'phone',
      'email',
      'website',
      'kvk_number',
      'afm_number',
      'logo',
    ])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const complainant = await tx
    .selectFrom('complainants')
    .select('name')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', complaint.complainant_id)
    .executeTakeFirst();
  const handler =
    complaint.handler_id === null
      ? undefined
      : await tx
          .selectFrom('users')
          .select('display_name')
          .where('organisation_id', '=', organisationId)
          .where('id', '=', complaint.handler_id)
          .executeTakeFirst();

  const items = await tx
    .selectFrom('dossier_items')
    .select(['id', 'kind', 'title', 'body', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const documents = await tx
    .selectFrom('documents')
    .select([
      'id',
      'item_id',
      'file_name',
      'media_type',
      'size_bytes',
      'sha256',
      'created_at',
      sql<boolean>`content IS NULL`.as('removed'),
    ])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const events = await tx
    .selectFrom('dossier_events')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .orderBy('sequence')
    .execute();

  // A complaint opened from an e-mail keeps that e-mail in the mail store, not among the documents;
  // it belongs in the export as received. Its digest is taken in SQL, so no bytes are read here.
  const mailByItem = new Map<string, string>();
  for (const event of events) {
    const data = event.data as { itemId?: unknown; mailMessageId?: unknown } | null;
    if (
      event.type === 'dossier.message_received' &&
      typeof data?.itemId === 'string' &&
      typeof data.mailMessageId === 'string'
    ) {
      mailByItem.set(data.mailMessageId, data.itemId);
    }
  }
  const mails =
    mailByItem.size === 0
      ? []
      : await tx
          .selectFrom('mail_messages')
          .select([
            'id',
            'internal_date',
            sql<string>`octet_length(raw)`.as('size_bytes'),
            sql<string>`encode(sha256(raw), 'hex')`.as('sha256'),
          ])
          .where('organisation_id', '=', organisationId)
          .where('id', 'in', [...mailByItem.keys()])
          .execute();
  const documentDigests = new Set(documents.map((d) => d.sha256));
  const cancellationRequests = await loadLinkedCancellations(tx, organisationId, complaintId);

  const source: DossierExportSource = {
    organisation: { id: organisation.id, name: organisation.name },
    complaint: {
      id: complaint.id,
      reference: complaint.reference,
      receivedAt: new Date(complaint.received_at),
      description: complaint.description,
      desiredOutcome: complaint.desired_outcome,
    },
    chainHead: { sequence: complaint.last_event_sequence, hash: complaint.last_event_hash },
    items: items.map((item) => ({
      id: item.id,
      kind: item.kind,
      title: item.title,
      body: item.body,
      createdAt: new Date(item.created_at),
    })),
    documents: [
      ...documents.map((d) => ({
        origin: 'document' as const,
        id: d.id,
        // A document in a complaint's dossier always has its item (a CHECK of migration 0008).
        itemId: d.item_id ?? '',
        fileName: d.file_name,
        mediaType: d.media_type,
        sizeBytes: Number(d.size_bytes),
        sha256: d.sha256,
        createdAt: new Date(d.created_at),
        removed: d.removed,
      })),
      // The same e-mail stored as a document too (replies keep their .eml) goes in once.
      ...mails
        .filter((m) => !documentDigests.has(m.sha256))
        .map((m) => ({
          origin: 'mail' as const,
          id: m.id,
          itemId: mailByItem.get(m.id)!,
          fileName: 'oorspronkelijk-bericht.eml',
          mediaType: 'message/rfc822',
          sizeBytes: Number(m.size_bytes),
          sha256: m.sha256,
          createdAt: new Date(m.internal_date),
          removed: false,
        })),
    ],
    cancellationRequests,
    events: events.map((event) => ({
      sequence: event.sequence,
      id: event.id,
      type: event.type,
      actorKind: event.actor_kind,
      actorId: event.actor_id,
      occurredAt: new Date(event.occurred_at).toISOString(),
      data: event.data as JsonValue,
      previousHash: event.previous_hash,
      hash: event.hash,
    })),
  };
  return {
    source,
    header: {
      letterhead: letterheadFromOrganisation(organisation),
      reference: complaint.reference,
      complainantName: complainant?.name ?? '',
      channel: complaint.channel,
      product: complaint.product,
      status: complaint.status,
      outcome: complaint.outcome,
      handlerName: handler?.display_name ?? null,
      receivedAt: new Date(complaint.received_at),
    },
  };
}

/**
 * The cancellation requests linked to the complaint, each with the documents it kept itself: those
 * filed before the link (decision 0005), which carry no complaint id, no item and no event. A link
 * appends a dossier event, so the complaint row locked FOR SHARE keeps this list steady too.
 */
async function loadLinkedCancellations(
  tx: Tx,
  organisationId: string,
  complaintId: string,
): Promise<DossierExportSource['cancellationRequests']> {
  const requests = await tx
    .selectFrom('cancellation_requests')
    .select(['id', 'reference'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .orderBy('received_at')
    .orderBy('id')
    .execute();
  if (requests.length === 0) return [];
  const documents = await tx
    .selectFrom('documents')
    .select([
      'id',
      'cancellation_request_id',
      'file_name',
      'media_type',
      'size_bytes',
      'sha256',
      'created_at',
      sql<boolean>`content IS NULL`.as('removed'),
    ])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', 'is', null)
    .where(
      'cancellation_request_id',
      'in',
      requests.map((r) => r.id),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return requests.map((request) => ({
    id: request.id,
    reference: request.reference,
    documents: documents
      .filter((d) => d.cancellation_request_id === request.id)
      .map((d) => ({
        id: d.id,
        fileName: d.file_name,
        mediaType: d.media_type,
        sizeBytes: Number(d.size_bytes),
        sha256: d.sha256,
        createdAt: new Date(d.created_at),
        removed: d.removed,
      })),
  }));
}

export async function findUserName(tx: Tx, organisationId: string, userId: string): Promise<string | null> {
  const row = await tx
    .selectFrom('users')
    .select('display_name')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.display_name ?? null;
}

/** One file's bytes at a time: the export never holds more than the largest document. */
export async function readStoredContent(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  source:
    | { kind: 'document' | 'mail'; id: string }
    | { kind: 'cancellation_document'; id: string; cancellationRequestId: string },
): Promise<Uint8Array | null> {
  if (source.kind === 'cancellation_document') {
    // Only while the request is still linked to this complaint.
    const row = await tx
      .selectFrom('documents as d')
      .innerJoin('cancellation_requests as r', (join) =>
        join
          .onRef('r.organisation_id', '=', 'd.organisation_id')
          .onRef('r.id', '=', 'd.cancellation_request_id'),
      )
      .select('d.content')
      .where('d.organisation_id', '=', organisationId)
      .where('d.id', '=', source.id)
      .where('d.cancellation_request_id', '=', source.cancellationRequestId)
      .where('r.complaint_id', '=', complaintId)
      .executeTakeFirst();
    return row?.content ?? null;
  }
  if (source.kind === 'document') {
    const row = await tx
      .selectFrom('documents')
      .select('content')
      .where('organisation_id', '=', organisationId)
      .where('complaint_id', '=', complaintId)
      .where('id', '=', source.id)
      .executeTakeFirst();
    return row?.content ?? null;
  }
  const row = await tx
    .selectFrom('mail_messages')
    .select('raw')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', source.id)
    .executeTakeFirst();
  return row?.raw ?? null;
}

export async function insertExportRecord(tx: Tx, row: Insertable<ExportRecordsTable>): Promise<void> {
  await tx.insertInto('export_records').values(row).execute();
}
