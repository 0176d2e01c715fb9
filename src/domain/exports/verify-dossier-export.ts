import { verifyChain, type JsonValue } from '../event-chain.ts';
import { MANIFEST_FORMAT, type DossierManifest } from './dossier-manifest.ts';
import type { ExportedEvent } from './dossier-export-plan.ts';

/**
 * Checks an unpacked dossier export against its own manifest and event chain. Pure: the caller
 * reads the ZIP and hands over each file's digest and size (and the two JSON files' bytes).
 * Problems come in a fixed order (the manifest's files first, in its order), so "the first
 * mismatch" is well defined.
 */
export type ExportProblemKind =
  | 'manifest_unreadable'
  | 'file_missing'
  | 'sha256_mismatch'
  | 'size_mismatch'
  | 'file_unlisted'
  | 'events_unreadable'
  | 'chain_broken'
  | 'chain_head_mismatch'
  | 'document_not_in_export'
  | 'document_digest_differs'
  | 'item_not_in_export';

export interface ExportProblem {
  kind: ExportProblemKind;
  /** The file concerned, relative to the export's folder. */
  path: string | null;
  message: string;
}

export interface ExportVerification {
  ok: boolean;
  reference: string | null;
  filesChecked: number;
  eventsChecked: number;
  chainHead: { sequence: number; hash: string | null } | null;
  problems: ExportProblem[];
}

export interface ExportedFileDigest {
  sha256: string;
  sizeBytes: number;
}

function parseJson(bytes: Uint8Array | undefined): unknown {
  if (bytes === undefined) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

function isManifest(value: unknown): value is DossierManifest {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<DossierManifest>;
  return (
    m.format === MANIFEST_FORMAT &&
    m.version === 1 &&
    Array.isArray(m.files) &&
    Array.isArray(m.items) &&
    Array.isArray(m.removedDocuments) &&
    typeof m.chainHead === 'object' &&
    typeof m.eventsFile === 'string' &&
    typeof m.complaint === 'object' &&
    typeof m.organisation === 'object'
  );
}

function strings(value: JsonValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Ids of items and documents an event names in its data (the dossier's own conventions). */
function referencesOf(data: JsonValue): {
  itemIds: string[];
  documents: Array<{ id: string; sha256: string | null }>;
} {
  const itemIds: string[] = [];
  const documents: Array<{ id: string; sha256: string | null }> = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { itemIds, documents };
  itemIds.push(...strings(data.itemId), ...strings(data.messageItemId), ...strings(data.attachmentItemIds));
  const recorded = data.sha256 ?? data.pdfSha256;
  const sha = typeof recorded === 'string' ? recorded : null;
  if (typeof data.documentId === 'string') documents.push({ id: data.documentId, sha256: sha });
  for (const id of strings(data.documentIds)) documents.push({ id, sha256: null });
  return { itemIds, documents };
}

export function verifyDossierExport(input: {
  manifestBytes: Uint8Array | undefined;
  /** Every file in the export's folder except manifest.json, by relative path. */
  files: ReadonlyMap<string, ExportedFileDigest>;
  eventsBytes: Uint8Array | undefined;
}): ExportVerification {
  const problems: ExportProblem[] = [];
  const manifest = parseJson(input.manifestBytes);
  if (!isManifest(manifest)) {
    return {
      ok: false,
      reference: null,
      filesChecked: 0,
      eventsChecked: 0,
      chainHead: null,
      problems: [
        {
          kind: 'manifest_unreadable',
          path: 'manifest.json',
          message: 'manifest.json ontbreekt of is geen manifest van een dossierexport.',
        },
      ],
    };
  }

  const listed = new Set<string>();
  for (const file of manifest.files) {
    listed.add(file.path);
    const actual = input.files.get(file.path);
    if (actual === undefined) {
      problems.push({ kind: 'file_missing', path: file.path, message: `${file.path} ontbreekt.` });
    } else if (actual.sha256 !== file.sha256) {
      problems.push({
        kind: 'sha256_mismatch',
        path: file.path,
        message: `${file.path}: SHA-256 ${actual.sha256} wijkt af van het manifest (${file.sha256}).`,
      });
    } else if (actual.sizeBytes !== file.sizeBytes) {
      problems.push({
        kind: 'size_mismatch',
        path: file.path,
        message: `${file.path}: ${actual.sizeBytes} bytes, het manifest noemt ${file.sizeBytes}.`,
      });
    }
  }
  for (const path of [...input.files.keys()].toSorted()) {
    if (!listed.has(path)) {
      problems.push({ kind: 'file_unlisted', path, message: `${path} staat niet in het manifest.` });
    }
  }

  const eventsFile = parseJson(input.eventsBytes) as
    { organisationId?: unknown; complaintId?: unknown; events?: unknown } | undefined;
  let eventsChecked = 0;
  if (
    eventsFile === undefined ||
    typeof eventsFile.organisationId !== 'string' ||
    typeof eventsFile.complaintId !== 'string' ||
    !Array.isArray(eventsFile.events)
  ) {
    problems.push({
      kind: 'events_unreadable',
      path: manifest.eventsFile,
      message: `${manifest.eventsFile} ontbreekt of is onleesbaar.`,
    });
  } else {
    const { organisationId, complaintId } = eventsFile as { organisationId: string; complaintId: string };
    const events = eventsFile.events as ExportedEvent[];
    eventsChecked = events.length;
    const chain = events.map((event) => ({
      organisationId,
      complaintId,
      sequence: event.sequence,
      id: event.id,
      type: event.type,
      actorKind: event.actorKind,
      actorId: event.actorId,
      occurredAt: new Date(event.occurredAt),
      data: event.data,
      previousHash: event.previousHash,
      hash: event.hash,
    }));
    const broken =
      complaintId === manifest.complaint.id
        ? verifyChain(complaintId, chain, {
            lastSequence: manifest.chainHead.sequence,
            lastHash: manifest.chainHead.hash,
          })
        : { sequence: 0, reason: 'foreign_event' as const };
    if (broken?.reason === 'head_mismatch') {
      problems.push({
        kind: 'chain_head_mismatch',
        path: manifest.eventsFile,
        message: `De gebeurtenissen eindigen niet bij de kop uit het manifest (volgnummer ${manifest.chainHead.sequence}).`,
      });
    } else if (broken) {
      problems.push({
        kind: 'chain_broken',
        path: manifest.eventsFile,
        message: `De hashketen is verbroken bij gebeurtenis ${broken.sequence} (${broken.reason}).`,
      });
    }

    const documents = new Map<string, string>();
    for (const file of manifest.files) if (file.documentId) documents.set(file.documentId, file.sha256);
    for (const removed of manifest.removedDocuments) documents.set(removed.documentId, removed.sha256);
    const items = new Set(manifest.items.map((item) => item.id));
    // Documents a linked cancellation request kept before the link have no event to name them; the
    // manifest's own list of them must still be matched by files. (Exports made before linked
    // cancellations were carried have no such list.) A request later moved to another complaint is
    // that complaint's now, so the link events are not checked against this list.
    for (const request of manifest.cancellationRequests ?? []) {
      for (const documentId of request.documentIds) {
        if (!documents.has(documentId)) {
          problems.push({
            kind: 'document_not_in_export',
            path: null,
            message: `Opzegging ${request.reference} noemt document ${documentId}, dat niet in de export zit.`,
          });
        }
      }
    }
    for (const event of events) {
      const references = referencesOf(event.data);
      for (const document of references.documents) {
        const listedSha = documents.get(document.id);
        if (listedSha === undefined) {
          problems.push({
            kind: 'document_not_in_export',
            path: null,
            message: `Gebeurtenis ${event.sequence} noemt document ${document.id}, dat niet in de export zit.`,
          });
        } else if (document.sha256 !== null && document.sha256 !== listedSha) {
          problems.push({
            kind: 'document_digest_differs',
            path: manifest.files.find((f) => f.documentId === document.id)?.path ?? null,
            message: `Document ${document.id}: het manifest noemt een andere SHA-256 dan gebeurtenis ${event.sequence}.`,
          });
        }
      }
      for (const itemId of references.itemIds) {
        if (!items.has(itemId)) {
          problems.push({
            kind: 'item_not_in_export',
            path: null,
            message: `Gebeurtenis ${event.sequence} noemt dossieronderdeel ${itemId}, dat niet in de export zit.`,
          });
        }
      }
    }
  }

  return {
    ok: problems.length === 0,
    reference: manifest.complaint.reference,
    filesChecked: manifest.files.length,
    eventsChecked,
    chainHead: manifest.chainHead,
    problems,
  };
}
