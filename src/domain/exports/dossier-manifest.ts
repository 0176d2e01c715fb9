import type {
  DossierExportPlan,
  DossierExportSource,
  ExportFileRole,
  RemovedDocument,
} from './dossier-export-plan.ts';
import { EVENTS_PATH, MANIFEST_JSON_PATH, MANIFEST_TEXT_PATH } from './dossier-export-plan.ts';

/**
 * The export's own account of itself: the SHA-256 of every file, the dossier items it covers and the
 * head of the event chain. With the event log in the export, a reader can check three things
 * without our software: every file is as listed, the chain is unbroken up to the head, and every
 * document the chain mentions is there with the digest the chain recorded.
 */
export const MANIFEST_FORMAT = 'klachtwijzer-dossier-export';

export interface ManifestFile {
  path: string;
  role: ExportFileRole;
  sha256: string;
  sizeBytes: number;
  itemId?: string;
  documentId?: string;
  /** A document a linked cancellation request kept itself (filed before the link). */
  cancellationRequestId?: string;
}

export interface DossierManifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  createdAt: string;
  exportedBy: { actorKind: string; userId: string | null; name: string | null };
  organisation: { id: string; name: string };
  complaint: { id: string; reference: string; receivedAt: string };
  chainHead: { sequence: number; hash: string | null };
  eventsFile: string;
  items: Array<{ id: string; kind: string; createdAt: string }>;
  files: ManifestFile[];
  /** Documents whose content was removed (anonymised): the chain still names them. */
  removedDocuments: RemovedDocument[];
  /**
   * The cancellation requests linked to the complaint, with the documents each kept itself before
   * the link (they have no dossier item and no event). Absent in exports made before this was added.
   */
  cancellationRequests?: Array<{ id: string; reference: string; documentIds: string[] }>;
}

export function buildManifest(input: {
  source: DossierExportSource;
  plan: DossierExportPlan;
  files: ManifestFile[];
  createdAt: Date;
  exportedBy: DossierManifest['exportedBy'];
}): DossierManifest {
  const { source } = input;
  return {
    format: MANIFEST_FORMAT,
    version: 1,
    createdAt: input.createdAt.toISOString(),
    exportedBy: input.exportedBy,
    organisation: source.organisation,
    complaint: {
      id: source.complaint.id,
      reference: source.complaint.reference,
      receivedAt: source.complaint.receivedAt.toISOString(),
    },
    chainHead: source.chainHead,
    eventsFile: EVENTS_PATH,
    items: source.items.map((item) => ({
      id: item.id,
      kind: item.kind,
      createdAt: item.createdAt.toISOString(),
    })),
    files: input.files,
    removedDocuments: input.plan.removedDocuments,
    cancellationRequests: source.cancellationRequests.map((request) => ({
      id: request.id,
      reference: request.reference,
      documentIds: request.documents.map((d) => d.id),
    })),
  };
}

const ROLE_WORDS: Record<ExportFileRole, string> = {
  index: 'inhoudsopgave',
  description: 'klacht',
  document: 'document',
  text: 'tekst',
  events: 'gebeurtenissen',
  summary: 'manifest',
};

/** The same account for a person: one line per file, `sha256sum -c` compatible below the header. */
export function manifestText(manifest: Omit<DossierManifest, 'files'> & { files: ManifestFile[] }): string {
  const lines = [
    `Dossierexport ${manifest.complaint.reference} — ${manifest.organisation.name}`,
    `Gemaakt: ${manifest.createdAt}`,
    `Klacht ontvangen: ${manifest.complaint.receivedAt}`,
    `Gebeurtenissen: ${manifest.chainHead.sequence}; laatste hash: ${manifest.chainHead.hash ?? '(geen)'}`,
    `Bestanden: ${manifest.files.length}` +
      (manifest.removedDocuments.length > 0
        ? `; verwijderde (geanonimiseerde) documenten: ${manifest.removedDocuments.length}`
        : ''),
    '',
    `Controle: klachtwijzer verify-export <zip>, of in deze map: sha256sum -c ${MANIFEST_TEXT_PATH}`,
    `(de regels hieronder; ${MANIFEST_JSON_PATH} zelf staat er niet in).`,
    '',
    ...manifest.files.map(
      (file) => `# ${ROLE_WORDS[file.role]}, ${file.sizeBytes} bytes\n${file.sha256}  ${file.path}`,
    ),
    '',
  ];
  return lines.join('\n');
}
