import { displayFileName } from '../file-name.ts';
import type { JsonValue } from '../event-chain.ts';
import { eventTypeLabel, itemKindLabel } from './dossier-labels.ts';

/**
 * What a dossier export holds and where, decided from the dossier's metadata alone, so the ZIP can
 * be written one document at a time. Documents go in exactly as stored; texts that live in rows
 * (notes, messages, the complaint itself) go in as the stored text, UTF-8, nothing added.
 */
export interface ExportedEvent {
  sequence: number;
  id: string;
  type: string;
  actorKind: string;
  actorId: string | null;
  /** ISO 8601 with milliseconds, as the chain hashed it. */
  occurredAt: string;
  data: JsonValue;
  previousHash: string | null;
  hash: string;
}

export interface DossierExportSource {
  organisation: { id: string; name: string };
  complaint: {
    id: string;
    reference: string;
    receivedAt: Date;
    description: string;
    desiredOutcome: string | null;
  };
  chainHead: { sequence: number; hash: string | null };
  items: ReadonlyArray<{ id: string; kind: string; title: string; body: string | null; createdAt: Date }>;
  documents: ReadonlyArray<{
    /** A stored document, or the raw e-mail a message item was made from (kept with the mail). */
    origin: 'document' | 'mail';
    id: string;
    itemId: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    createdAt: Date;
    /** The content was blanked (anonymised): listed, but there is no file to put in. */
    removed: boolean;
  }>;
  events: readonly ExportedEvent[];
  /**
   * Cancellation requests linked to the complaint. A document filed with one before it was linked
   * (its confirmation, decision 0005) has no dossier item and no event: it is listed here instead.
   */
  cancellationRequests: ReadonlyArray<{
    id: string;
    reference: string;
    documents: ReadonlyArray<{
      id: string;
      fileName: string;
      mediaType: string;
      sizeBytes: number;
      sha256: string;
      createdAt: Date;
      removed: boolean;
    }>;
  }>;
}

export type ExportFileRole = 'index' | 'description' | 'document' | 'text' | 'events' | 'summary';

export interface PlannedFile {
  path: string;
  role: ExportFileRole;
  mediaType: string;
  modifiedAt: Date;
  itemId?: string;
  documentId?: string;
  cancellationRequestId?: string;
  /** Stored bytes fetched while writing, or bytes the export itself produces. */
  source:
    | { kind: 'document' | 'mail'; id: string; recordedSha256: string }
    | { kind: 'cancellation_document'; id: string; cancellationRequestId: string; recordedSha256: string }
    | { kind: 'bytes'; content: Uint8Array };
}

export interface IndexRow {
  number: number;
  at: Date;
  kind: 'item' | 'event' | 'cancellation';
  label: string;
  title: string;
  /** Paths inside the export (relative to its folder); empty for events. */
  files: string[];
  sequence: number | null;
}

export interface DossierExportPlan {
  folder: string;
  rows: IndexRow[];
  /** In ZIP order, without the index, events file and manifests (those come from the plan). */
  files: PlannedFile[];
  removedDocuments: RemovedDocument[];
}

/** A document listed without its content (anonymised); in a dossier item or with a cancellation. */
export interface RemovedDocument {
  documentId: string;
  itemId: string | null;
  cancellationRequestId?: string;
  sha256: string;
}

export const INDEX_PATH = '00-inhoudsopgave.pdf';
export const EVENTS_PATH = 'gebeurtenissen.json';
export const MANIFEST_JSON_PATH = 'manifest.json';
export const MANIFEST_TEXT_PATH = 'manifest.txt';

const encoder = new TextEncoder();

function pad(number: number): string {
  return String(number).padStart(3, '0');
}

function textFileName(title: string): string {
  const base = displayFileName(title, 'tekst')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'tekst'}.txt`;
}

/** A document a linked cancellation request kept itself, filed before the link (decision 0005). */
const CANCELLATION_LABEL = 'Opzegging (vóór koppeling)';

export function folderFor(reference: string): string {
  return displayFileName(reference, 'dossier').replace(/\s+/g, '-');
}

/** Items and events in time order; at the same moment the events first (registration before its files). */
export function planDossierExport(source: DossierExportSource): DossierExportPlan {
  const documentsByItem = Map.groupBy(source.documents, (d) => d.itemId);
  type CancellationDocument = DossierExportSource['cancellationRequests'][number]['documents'][number];
  type Entry =
    | { at: Date; kind: 'item'; item: DossierExportSource['items'][number] }
    | { at: Date; kind: 'event'; event: ExportedEvent }
    | {
        at: Date;
        kind: 'cancellation';
        request: { id: string; reference: string };
        document: CancellationDocument;
      };
  const entries: Entry[] = [
    ...source.items.map((item) => ({ at: item.createdAt, kind: 'item' as const, item })),
    ...source.events.map((event) => ({ at: new Date(event.occurredAt), kind: 'event' as const, event })),
    ...source.cancellationRequests.flatMap((request) =>
      request.documents.map((document) => ({
        at: document.createdAt,
        kind: 'cancellation' as const,
        request: { id: request.id, reference: request.reference },
        document,
      })),
    ),
  ];
  const KIND_ORDER = { event: 0, cancellation: 1, item: 2 } as const;
  const keyOf = (entry: Entry) =>
    entry.kind === 'item' ? entry.item.id : entry.kind === 'cancellation' ? entry.document.id : '';
  entries.sort((a, b) => {
    const byTime = a.at.getTime() - b.at.getTime();
    if (byTime !== 0) return byTime;
    if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
    if (a.kind === 'event' && b.kind === 'event') return a.event.sequence - b.event.sequence;
    return keyOf(a).localeCompare(keyOf(b));
  });

  const files: PlannedFile[] = [];
  const removedDocuments: DossierExportPlan['removedDocuments'] = [];
  files.push({
    path: 'teksten/000-klachtomschrijving.txt',
    role: 'description',
    mediaType: 'text/plain; charset=utf-8',
    modifiedAt: source.complaint.receivedAt,
    source: { kind: 'bytes', content: encoder.encode(source.complaint.description) },
  });
  if (source.complaint.desiredOutcome !== null) {
    files.push({
      path: 'teksten/000-gewenste-uitkomst.txt',
      role: 'description',
      mediaType: 'text/plain; charset=utf-8',
      modifiedAt: source.complaint.receivedAt,
      source: { kind: 'bytes', content: encoder.encode(source.complaint.desiredOutcome) },
    });
  }

  const rows: IndexRow[] = entries.map((entry, index) => {
    const number = index + 1;
    if (entry.kind === 'event') {
      return {
        number,
        at: entry.at,
        kind: 'event',
        label: eventTypeLabel(entry.event.type),
        title: `Gebeurtenis ${entry.event.sequence}`,
        files: [],
        sequence: entry.event.sequence,
      };
    }
    if (entry.kind === 'cancellation') {
      const { request, document } = entry;
      const title = `${request.reference}: ${displayFileName(document.fileName)}`;
      if (document.removed) {
        removedDocuments.push({
          documentId: document.id,
          itemId: null,
          cancellationRequestId: request.id,
          sha256: document.sha256,
        });
        return {
          number,
          at: entry.at,
          kind: 'cancellation',
          label: CANCELLATION_LABEL,
          title,
          files: [],
          sequence: null,
        };
      }
      const path = `documenten/${pad(number)}-${displayFileName(document.fileName)}`;
      files.push({
        path,
        role: 'document',
        mediaType: document.mediaType,
        modifiedAt: document.createdAt,
        documentId: document.id,
        cancellationRequestId: request.id,
        source: {
          kind: 'cancellation_document',
          id: document.id,
          cancellationRequestId: request.id,
          recordedSha256: document.sha256,
        },
      });
      return {
        number,
        at: entry.at,
        kind: 'cancellation',
        label: CANCELLATION_LABEL,
        title,
        files: [path],
        sequence: null,
      };
    }
    const { item } = entry;
    const paths: string[] = [];
    if (item.body !== null && item.body !== '') {
      const path = `teksten/${pad(number)}-${textFileName(item.title)}`;
      paths.push(path);
      files.push({
        path,
        role: 'text',
        mediaType: 'text/plain; charset=utf-8',
        modifiedAt: item.createdAt,
        itemId: item.id,
        source: { kind: 'bytes', content: encoder.encode(item.body) },
      });
    }
    (documentsByItem.get(item.id) ?? []).forEach((document, position) => {
      if (document.removed && document.origin === 'mail') return;
      if (document.removed && document.origin === 'document') {
        removedDocuments.push({ documentId: document.id, itemId: item.id, sha256: document.sha256 });
        return;
      }
      const suffix = position === 0 ? '' : `-${position + 1}`;
      const path = `documenten/${pad(number)}${suffix}-${displayFileName(document.fileName)}`;
      paths.push(path);
      files.push({
        path,
        role: 'document',
        mediaType: document.mediaType,
        modifiedAt: document.createdAt,
        itemId: item.id,
        ...(document.origin === 'document' ? { documentId: document.id } : {}),
        source: { kind: document.origin, id: document.id, recordedSha256: document.sha256 },
      });
    });
    return {
      number,
      at: entry.at,
      kind: 'item',
      label: itemKindLabel(item.kind),
      title: item.title,
      files: paths,
      sequence: null,
    };
  });

  return { folder: folderFor(source.complaint.reference), rows, files, removedDocuments };
}

/** The event log as the export carries it: everything the chain hashed, nothing else. */
export function eventsFileContent(source: DossierExportSource): Uint8Array {
  const body = {
    organisationId: source.organisation.id,
    complaintId: source.complaint.id,
    events: source.events,
  };
  return encoder.encode(`${JSON.stringify(body, null, 2)}\n`);
}
