import type { Kysely } from 'kysely';
import type { AccessContext } from '../auth/access-context.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { withTenant, type Tx } from '../db/tenant.ts';
import { sha256Hex } from '../domain/event-chain.ts';
import { computeClocks } from '../domain/procedure/clocks.ts';
import { insertDossierItem } from '../dossier/dossier.repository.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import { ConflictError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { notifyComplaintStaff } from '../notifications/notification.repository.ts';
import { loadCalendar } from '../procedure/clock-columns.ts';
import { performAction, type ProcedureDeps } from '../procedure/procedure.service.ts';
import { loadComplaintSnapshot } from '../procedure/snapshot.repository.ts';
import { normaliseText } from '../text.ts';
import {
  findOwnHearingDocument,
  listOwnHearingDocuments,
  listOwnHearings,
  listOwnReactions,
  type OwnDocumentKind,
  type OwnHearingRow,
} from './my-hearing.repository.ts';

/**
 * The involved employee's own side of a hearing (R4): the request addressed to them, their written
 * reaction, the summary the handler made of it and their signature under it. This is all an
 * employee sees of a complaint about them — no complainant, no description, no other dossier item —
 * so every read goes through the employee's own id, never through the dossier's access rules.
 */
export interface OwnHearingView {
  complaintId: string;
  reference: string;
  status: 'requested' | 'statement_draft' | 'signed' | 'waived';
  requestedAt: Date | null;
  requestText: string | null;
  reactionDueDate: string | null;
  reactions: Array<{ id: string; text: string; at: Date }>;
  statement: { text: string; recordedAt: Date } | null;
  signedAt: Date | null;
  waivedAt: Date | null;
  /** The request, the summary put to them and, once signed, the signed copy filed in the dossier. */
  documents: Array<{
    id: string;
    letterType: OwnDocumentKind;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    issuedAt: Date;
  }>;
  mayReact: boolean;
  maySign: boolean;
}

const MAX_REACTION = 50_000;

function employeeOf(context: AccessContext): string {
  if (context.userId === null) throw new UnauthenticatedError('Alleen een medewerker heeft eigen wederhoor.');
  return context.userId;
}

async function reactionDue(tx: Tx, organisationId: string, row: OwnHearingRow, now: Date) {
  const snapshot = await loadComplaintSnapshot(tx, organisationId, row.complaint_id);
  if (!snapshot) return null;
  const calendar = await loadCalendar(tx, organisationId);
  const clock = computeClocks(snapshot, calendar, now).find(
    (c) => c.kind === 'hearing_reaction' && c.subjectId === row.employee_id,
  );
  return clock?.dueDate ?? null;
}

async function viewsOf(
  tx: Tx,
  organisationId: string,
  employeeId: string,
  rows: OwnHearingRow[],
  now: Date,
): Promise<OwnHearingView[]> {
  const ids = rows.map((r) => r.complaint_id);
  const reactions = await listOwnReactions(tx, organisationId, employeeId, ids);
  const documents = await listOwnHearingDocuments(tx, organisationId, employeeId, ids);
  const views: OwnHearingView[] = [];
  for (const row of rows) {
    const open = row.status === 'requested' || row.status === 'statement_draft';
    views.push({
      complaintId: row.complaint_id,
      reference: row.reference,
      status: row.status,
      requestedAt: row.requested_at === null ? null : new Date(row.requested_at),
      requestText: row.request_text,
      reactionDueDate: open ? await reactionDue(tx, organisationId, row, now) : null,
      reactions: reactions
        .filter((r) => r.complaint_id === row.complaint_id && r.body !== null)
        .map((r) => ({ id: r.id, text: r.body ?? '', at: new Date(r.created_at) })),
      statement:
        row.statement_text !== null && row.statement_recorded_at !== null
          ? { text: row.statement_text, recordedAt: new Date(row.statement_recorded_at) }
          : null,
      signedAt: row.signed_at === null ? null : new Date(row.signed_at),
      waivedAt: row.waived_at === null ? null : new Date(row.waived_at),
      documents: documents
        .filter((d) => d.complaint_id === row.complaint_id)
        .map((d) => ({
          id: d.document_id,
          letterType: d.kind,
          fileName: d.file_name,
          mediaType: d.media_type,
          sizeBytes: Number(d.size_bytes),
          issuedAt: new Date(d.created_at),
        })),
      mayReact: open,
      maySign: row.status === 'statement_draft',
    });
  }
  return views;
}

export async function listMyHearings(
  deps: { db: Kysely<Database>; clock: Clock },
  context: AccessContext,
): Promise<OwnHearingView[]> {
  const employeeId = employeeOf(context);
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) =>
    viewsOf(
      tx,
      context.organisationId,
      employeeId,
      await listOwnHearings(tx, context.organisationId, employeeId),
      now,
    ),
  );
}

async function ownHearing(tx: Tx, organisationId: string, employeeId: string, complaintId: string) {
  const [row] = await listOwnHearings(tx, organisationId, employeeId, complaintId);
  // Not involved, or no such complaint: the same answer, so an id reveals nothing.
  if (!row) throw new NotFoundError('Het verzoek om wederhoor');
  return row;
}

export async function getMyHearing(
  deps: { db: Kysely<Database>; clock: Clock },
  context: AccessContext,
  complaintId: string,
): Promise<OwnHearingView> {
  const employeeId = employeeOf(context);
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    const row = await ownHearing(tx, context.organisationId, employeeId, complaintId);
    const [view] = await viewsOf(tx, context.organisationId, employeeId, [row], now);
    return view!;
  });
}

/**
 * The employee writes their side. It lands in the dossier as a statement item written by them (the
 * text is personal data: the event holds only its digest), and the handler hears of it, because the
 * summary to sign is theirs to write.
 */
export async function submitMyReaction(
  deps: { db: Kysely<Database>; clock: Clock },
  context: AccessContext,
  complaintId: string,
  input: { text: string },
): Promise<OwnHearingView> {
  const employeeId = employeeOf(context);
  const text = normaliseText(input.text);
  if (text === '' || text.length > MAX_REACTION) {
    throw new ValidationError('Schrijf uw reactie op het verzoek om wederhoor.', [
      { field: '/text', message: text === '' ? 'De reactie is leeg.' : 'De reactie is te lang.' },
    ]);
  }
  const now = deps.clock.now();
  await withTenant(deps.db, context.organisationId, async (tx) => {
    const row = await ownHearing(tx, context.organisationId, employeeId, complaintId);
    if (row.status !== 'requested' && row.status !== 'statement_draft') {
      throw new ConflictError(
        'Dit wederhoor is afgerond; een reactie kan niet meer worden toegevoegd.',
        'hearing_closed',
      );
    }
    const item = await insertDossierItem(tx, {
      organisation_id: context.organisationId,
      id: newId(),
      complaint_id: complaintId,
      kind: 'statement',
      title: 'Reactie van de betrokken medewerker op het verzoek om wederhoor',
      body: text,
      author_id: employeeId,
      created_at: now,
    });
    await appendDossierEvent(tx, context.organisationId, complaintId, {
      type: 'hearing.reaction_received',
      actor: context.actor,
      occurredAt: now,
      data: { employeeId, itemId: item.id, contentSha256: sha256Hex(text) },
    });
    const complaint = await tx
      .selectFrom('complaints')
      .select('handler_id')
      .where('organisation_id', '=', context.organisationId)
      .where('id', '=', complaintId)
      .executeTakeFirstOrThrow();
    await notifyComplaintStaff(
      tx,
      context.organisationId,
      complaintId,
      complaint.handler_id,
      {
        kind: 'hearing_reaction',
        message: `${row.reference}: de betrokken medewerker heeft gereageerd op het verzoek om wederhoor.`,
      },
      now,
    );
  });
  return getMyHearing(deps, context, complaintId);
}

/** Signing goes through the procedure itself, so its gates and event are the dossier's own. */
export async function signMyStatement(
  deps: ProcedureDeps,
  context: AccessContext,
  complaintId: string,
): Promise<OwnHearingView> {
  const employeeId = employeeOf(context);
  await withTenant(deps.db, context.organisationId, (tx) =>
    ownHearing(tx, context.organisationId, employeeId, complaintId),
  );
  await performAction(
    deps,
    context,
    complaintId,
    { action: 'sign_hearing_statement', employeeId },
    { asInvolvedEmployee: true },
  );
  return getMyHearing(deps, context, complaintId);
}

export async function getMyHearingDocument(
  deps: { db: Kysely<Database>; clock: Clock },
  context: AccessContext,
  complaintId: string,
  documentId: string,
): Promise<{ fileName: string; mediaType: string; sha256: string; content: Uint8Array }> {
  const employeeId = employeeOf(context);
  const now = deps.clock.now();
  const row = await withTenant(deps.db, context.organisationId, async (tx) => {
    await ownHearing(tx, context.organisationId, employeeId, complaintId);
    const document = await findOwnHearingDocument(
      tx,
      context.organisationId,
      employeeId,
      complaintId,
      documentId,
    );
    if (document) {
      await tx
        .insertInto('dossier_reads')
        .values({
          organisation_id: context.organisationId,
          id: newId(),
          complaint_id: complaintId,
          user_id: employeeId,
          actor_kind: context.actor.kind,
          what: `hearing_document:${documentId}`,
          read_at: now,
        })
        .execute();
    }
    return document;
  });
  if (!row?.content) throw new NotFoundError('Het document');
  return { fileName: row.file_name, mediaType: row.media_type, sha256: row.sha256, content: row.content };
}
