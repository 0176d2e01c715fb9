import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Kysely } from 'kysely';
import { requireRole, type AccessContext } from '../auth/access-context.ts';
import { requireDossierAccess } from '../auth/complaint-access.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import {
  normaliseSubject,
  README_TEXT,
  subjectDigest,
  type SubjectKind,
} from '../domain/privacy/access-request.ts';
import { sha256Hex } from '../domain/event-chain.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { exportDossier, exportOtherRecords } from './access-export-parts.ts';
import {
  findSubjectComplaintIds,
  loadDossierForExport,
  loadOtherRecords,
} from './access-export.repository.ts';

export interface AccessExportDeps {
  db: Kysely<Database>;
  clock: Clock;
}

export interface AccessExport {
  id: string;
  fileName: string;
  zip: Uint8Array;
  zipSha256: string;
  complaintReferences: string[];
  flaggedCount: number;
}

const MAX_SUBJECT_LENGTH = 254;

function subjectOf(input: { email?: string; name?: string }): { kind: SubjectKind; value: string } {
  const given = [input.email ? 'email' : null, input.name ? 'name' : null].filter((k) => k !== null);
  if (given.length !== 1) {
    throw new ValidationError('Zoek op precies één van: e-mailadres of naam.', [
      { field: '/', message: 'exactly one of email, name' },
    ]);
  }
  const kind = given[0] as SubjectKind;
  const value = normaliseSubject(kind, (kind === 'email' ? input.email : input.name) ?? '');
  if (value.length < 2 || value.length > MAX_SUBJECT_LENGTH) {
    throw new ValidationError('Vul een e-mailadres of naam in.', [
      { field: `/${kind}`, message: `2 to ${MAX_SUBJECT_LENGTH} characters` },
    ]);
  }
  return { kind, value };
}

/**
 * Everything about one person across the organisation's dossiers, as a ZIP for the coordinator to
 * review and hand over. The export is on record (who, when, which dossiers, the ZIP's digest) and
 * in every dossier it drew from; the record holds only a digest of the e-mail address or name.
 */
export async function createAccessExport(
  deps: AccessExportDeps,
  context: AccessContext,
  input: { email?: string; name?: string },
): Promise<AccessExport> {
  requireRole(context, ['coordinator']);
  const requestedBy = context.userId;
  if (!requestedBy) throw new ForbiddenError('Een inzageverzoek wordt door een medewerker uitgevoerd.');
  const { kind, value } = subjectOf(input);
  const now = deps.clock.now();
  const id = newId();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    const complaintIds = await findSubjectComplaintIds(tx, context.organisationId, kind, value);
    const files: Zippable = {};
    const dossiers = [];
    let flaggedCount = 0;
    for (const complaintId of complaintIds) {
      await requireDossierAccess(tx, context, complaintId, { what: `access_export:${id}`, at: now });
      const { json, flagged } = exportDossier(
        await loadDossierForExport(tx, context.organisationId, complaintId),
        files,
      );
      dossiers.push(json);
      flaggedCount += flagged;
    }
    const other = exportOtherRecords(
      await loadOtherRecords(tx, context.organisationId, kind, value, complaintIds),
      files,
    );
    flaggedCount += other.flagged;
    const overview = {
      exportId: id,
      madeAt: now.toISOString(),
      searchedBy: kind,
      dossiers,
      ...other.json,
      reviewRequired: flaggedCount,
    };
    files['LEESMIJ.txt'] = strToU8(README_TEXT);
    files['overzicht.json'] = strToU8(JSON.stringify(overview, null, 2));
    const zip = zipSync(files, { mtime: now });
    const zipSha256 = sha256Hex(zip);
    await tx
      .insertInto('access_exports')
      .values({
        organisation_id: context.organisationId,
        id,
        requested_by: requestedBy,
        requested_at: now,
        subject_kind: kind,
        subject_sha256: subjectDigest(kind, value),
        complaint_ids: complaintIds,
        file_count: Object.keys(files).length,
        flagged_count: flaggedCount,
        zip_sha256: zipSha256,
      })
      .execute();
    for (const complaintId of complaintIds) {
      await appendDossierEvent(tx, context.organisationId, complaintId, {
        type: 'privacy.access_export_made',
        actor: context.actor,
        occurredAt: now,
        data: { accessExportId: id, zipSha256, flaggedCount },
      });
    }
    const references = dossiers.map((d) => (d as { reference: string }).reference);
    return {
      id,
      fileName: `inzageverzoek-${now.toISOString().slice(0, 10)}-${id.slice(-8)}.zip`,
      zip,
      zipSha256,
      complaintReferences: references,
      flaggedCount,
    };
  });
}

export interface AccessExportRecord {
  id: string;
  requestedBy: string;
  requestedAt: Date;
  subjectKind: SubjectKind;
  complaintIds: string[];
  fileCount: number;
  flaggedCount: number;
  zipSha256: string;
}

export async function listAccessExports(
  deps: AccessExportDeps,
  context: AccessContext,
): Promise<AccessExportRecord[]> {
  requireRole(context, ['coordinator', 'auditor']);
  return withTenant(deps.db, context.organisationId, async (tx) => {
    const rows = await tx
      .selectFrom('access_exports')
      .selectAll()
      .where('organisation_id', '=', context.organisationId)
      .orderBy('requested_at', 'desc')
      .orderBy('id', 'desc')
      .limit(500)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      requestedBy: r.requested_by,
      requestedAt: new Date(r.requested_at),
      subjectKind: r.subject_kind,
      complaintIds: r.complaint_ids,
      fileCount: r.file_count,
      flaggedCount: r.flagged_count,
      zipSha256: r.zip_sha256,
    }));
  });
}
