import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { requireRole, type AccessContext } from '../auth/access-context.ts';
import { canSeeEveryDossier, requireDossierAccess } from '../auth/complaint-access.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { sha256Hex } from '../domain/event-chain.ts';
import {
  EVENTS_PATH,
  INDEX_PATH,
  MANIFEST_JSON_PATH,
  MANIFEST_TEXT_PATH,
  eventsFileContent,
  planDossierExport,
  type PlannedFile,
} from '../domain/exports/dossier-export-plan.ts';
import { buildManifest, manifestText, type ManifestFile } from '../domain/exports/dossier-manifest.ts';
import { NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import { renderDossierIndexPdf } from './dossier-index-pdf.ts';
import {
  findUserName,
  insertExportRecord,
  loadDossierExportSource,
  readStoredContent,
} from './dossier-export.repository.ts';
import { worthCompressing, ZipStream } from './zip-stream.ts';

export interface DossierExportDeps {
  db: Kysely<Database>;
  clock: Clock;
}

export interface DossierExportOutcome {
  manifestSha256: string;
  files: number;
  /** Stored documents whose bytes no longer match the digest recorded when they were stored. */
  digestMismatches: string[];
}

export interface StartedDossierExport {
  fileName: string;
  stream: Readable;
  /** Settles when the last byte is written (and the export is recorded), or the writing failed. */
  done: Promise<DossierExportOutcome>;
}

const EXPORTERS = ['coordinator', 'auditor', 'handler'] as const;
const encoder = new TextEncoder();

/**
 * A dossier as one ZIP for KiFiD, a court or an auditor. Access and the dossier's metadata are
 * settled in one transaction (the read is logged there); then the ZIP is streamed, each stored
 * document read on its own, and the export is recorded with its manifest's digest at the end.
 * A handler may export only a complaint assigned to them.
 */
export async function startDossierExport(
  deps: DossierExportDeps,
  context: AccessContext,
  complaintId: string,
): Promise<StartedDossierExport> {
  requireRole(context, EXPORTERS);
  const createdAt = deps.clock.now();
  const { organisationId } = context;
  const loaded = await withTenant(deps.db, organisationId, async (tx) => {
    await requireDossierAccess(tx, context, complaintId, { what: 'export', at: createdAt });
    const snapshot = await loadDossierExportSource(tx, organisationId, complaintId);
    if (!snapshot) throw new NotFoundError('De klacht');
    if (!canSeeEveryDossier(context)) {
      const assigned = await tx
        .selectFrom('complaints')
        .select('handler_id')
        .where('organisation_id', '=', organisationId)
        .where('id', '=', complaintId)
        .executeTakeFirstOrThrow();
      if (assigned.handler_id !== context.userId) throw new NotFoundError('De klacht');
    }
    const exporterName =
      context.userId === null ? null : await findUserName(tx, organisationId, context.userId);
    return { ...snapshot, exporterName };
  });

  const { source, header } = loaded;
  const plan = planDossierExport(source);
  const exportedBy = {
    actorKind: context.actor.kind,
    userId: context.userId,
    name: loaded.exporterName,
  };
  const fileCount = plan.files.length + 4;
  const index = await renderDossierIndexPdf({
    header,
    rows: plan.rows,
    chainHead: source.chainHead,
    createdAt,
    exportedBy: loaded.exporterName ?? (context.actor.kind === 'api' ? 'een koppeling (API)' : 'het systeem'),
    fileCount,
  });

  const zip = new ZipStream();
  const folder = `${plan.folder}/`;
  const files: ManifestFile[] = [];
  const digestMismatches: string[] = [];

  async function put(
    path: string,
    file: Omit<PlannedFile, 'source' | 'path'>,
    content: Uint8Array,
  ): Promise<void> {
    files.push({
      path,
      role: file.role,
      sha256: sha256Hex(content),
      sizeBytes: content.length,
      ...(file.itemId ? { itemId: file.itemId } : {}),
      ...(file.documentId ? { documentId: file.documentId } : {}),
      ...(file.cancellationRequestId ? { cancellationRequestId: file.cancellationRequestId } : {}),
    });
    await zip.addFile(folder + path, content, {
      modifiedAt: file.modifiedAt,
      compress: worthCompressing(file.mediaType),
    });
  }

  async function write(): Promise<DossierExportOutcome> {
    await put(INDEX_PATH, { role: 'index', mediaType: 'application/pdf', modifiedAt: createdAt }, index);
    for (const file of plan.files) {
      let content: Uint8Array;
      if (file.source.kind === 'bytes') {
        content = file.source.content;
      } else {
        const stored = file.source;
        const bytes = await withTenant(deps.db, organisationId, (tx) =>
          readStoredContent(tx, organisationId, complaintId, stored),
        );
        // Blanked between the snapshot and now (anonymisation): the manifest cannot list it as present.
        if (bytes === null) throw new Error(`document ${stored.id} disappeared during the export`);
        content = bytes;
        if (sha256Hex(bytes) !== stored.recordedSha256) digestMismatches.push(file.path);
      }
      await put(file.path, file, content);
    }
    await put(
      EVENTS_PATH,
      { role: 'events', mediaType: 'application/json', modifiedAt: createdAt },
      eventsFileContent(source),
    );
    const manifest = buildManifest({ source, plan, files, createdAt, exportedBy });
    await put(
      MANIFEST_TEXT_PATH,
      { role: 'summary', mediaType: 'text/plain', modifiedAt: createdAt },
      encoder.encode(manifestText(manifest)),
    );
    // Built again so that manifest.json also lists manifest.txt (everything but itself).
    const finalManifest = buildManifest({ source, plan, files, createdAt, exportedBy });
    const manifestBytes = encoder.encode(`${JSON.stringify(finalManifest, null, 2)}\n`);
    await zip.addFile(folder + MANIFEST_JSON_PATH, manifestBytes, { modifiedAt: createdAt, compress: true });
    zip.end();
    const manifestSha256 = sha256Hex(manifestBytes);
    await withTenant(deps.db, organisationId, (tx) =>
      insertExportRecord(tx, {
        organisation_id: organisationId,
        id: newId(),
        kind: 'dossier',
        complaint_id: complaintId,
        year: null,
        user_id: context.userId,
        actor_kind: context.actor.kind,
        exported_at: createdAt,
        chain_sequence: source.chainHead.sequence,
        chain_hash: source.chainHead.hash,
        sha256: manifestSha256,
        row_count: files.length + 1,
      }),
    );
    return { manifestSha256, files: files.length + 1, digestMismatches };
  }

  const done = write().catch((error: unknown) => {
    zip.fail(error instanceof Error ? error : new Error(String(error)));
    throw error;
  });
  return { fileName: `dossier-${plan.folder}.zip`, stream: zip.readable, done };
}
