import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Kysely } from 'kysely';
import { requireRole, type AccessContext } from '../auth/access-context.ts';
import { requireDossierAccess } from '../auth/complaint-access.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import {
  exportPath,
  HEARING_REVIEW,
  INSURER_REVIEW,
  normaliseSubject,
  README_TEXT,
  reviewOfItemKind,
  reviewOfLetter,
  subjectDigest,
  type Review,
  type SubjectKind,
} from '../domain/privacy/access-request.ts';
import { sha256Hex } from '../domain/event-chain.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import {
  findSubjectComplaintIds,
  loadDossierForExport,
  loadOtherRecords,
  type DossierForExport,
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

/** One dossier as it goes into overzicht.json, with its files added to the ZIP on the way. */
function exportDossier(dossier: DossierForExport, files: Zippable): { json: unknown; flagged: number } {
  let flagged = 0;
  const mark = (review: Review | null): Review | null => {
    if (review) flagged++;
    return review;
  };
  const { complaint } = dossier;
  const itemReview = new Map(dossier.items.map((item) => [item.id, reviewOfItemKind(item.kind)]));
  const letterReview = new Map(dossier.letters.map((l) => [l.document_id, reviewOfLetter(l.recipient_kind)]));
  const documents = dossier.documents.map((document) => {
    const review =
      letterReview.get(document.id) ??
      (document.item_id ? itemReview.get(document.item_id) : undefined) ??
      null;
    const path = document.content
      ? exportPath(complaint.reference, document.id, document.file_name, review !== null)
      : null;
    if (path && document.content) files[path] = [document.content, { level: 0 }];
    return {
      itemId: document.item_id,
      fileName: document.file_name,
      mediaType: document.media_type,
      sizeBytes: Number(document.size_bytes),
      sha256: document.sha256,
      path,
      createdAt: document.created_at,
      review: mark(review),
    };
  });
  const json = {
    reference: complaint.reference,
    complaint: {
      channel: complaint.channel,
      receivedAt: complaint.received_at,
      status: complaint.status,
      product: complaint.product,
      description: complaint.description,
      desiredOutcome: complaint.desired_outcome,
      category: complaint.category,
      rootCause: complaint.root_cause,
      outcome: complaint.outcome,
      acknowledgmentSentAt: complaint.acknowledgment_sent_at,
      decisionCommunicatedAt: complaint.decision_communicated_at,
      closedAt: complaint.closed_at,
      withdrawnAt: complaint.withdrawn_at,
    },
    complainant: {
      name: complaint.complainant_name,
      email: complaint.complainant_email,
      phone: complaint.complainant_phone,
      street: complaint.complainant_street,
      postalCode: complaint.complainant_postal_code,
      city: complaint.complainant_city,
      country: complaint.complainant_country,
    },
    items: dossier.items.map((item) => ({
      id: item.id,
      kind: item.kind,
      title: item.title,
      body: item.body,
      createdAt: item.created_at,
      review: mark(itemReview.get(item.id) ?? null),
    })),
    documents,
    letters: dossier.letters.map((letter) => ({
      letterType: letter.letter_type,
      recipientKind: letter.recipient_kind,
      delivery: letter.delivery,
      status: letter.status,
      issuedAt: letter.issued_at,
      content: letter.content,
      review: mark(reviewOfLetter(letter.recipient_kind)),
    })),
    sentMail: dossier.sentMail,
    informationRequests: dossier.informationRequests,
    hearings: dossier.hearings.map((hearing) => ({ ...hearing, review: mark(HEARING_REVIEW) })),
    insurerConsultations: dossier.insurerConsultations.map((c) => ({ ...c, review: mark(INSURER_REVIEW) })),
    delayNotices: dossier.delayNotices,
    meetings: dossier.meetings,
    kifidReferral: dossier.kifidReferral,
    intakeItems: dossier.intakeItems,
    cancellationRequests: dossier.cancellations,
    history: dossier.events.map((event) => ({
      sequence: event.sequence,
      type: event.type,
      by: event.actor_kind,
      at: event.occurred_at,
    })),
  };
  // Counted while the JSON above was built, so read only now.
  return { json, flagged };
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
    const other = await loadOtherRecords(tx, context.organisationId, kind, value);
    const overview = {
      exportId: id,
      madeAt: now.toISOString(),
      searchedBy: kind,
      dossiers,
      otherIntakeItems: other.intakeItems,
      otherCancellationRequests: other.cancellations,
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
