import type { Kysely } from 'kysely';
import type { AccessContext } from '../auth/access-context.ts';
import { requireDossierAccess } from '../auth/complaint-access.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { withTenant, type Tx } from '../db/tenant.ts';
import { NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';

export interface OwnHearingStatement {
  complaintId: string;
  reference: string;
  status: 'requested' | 'statement_draft' | 'signed' | 'waived';
  recordedAt: Date | null;
  signedAt: Date | null;
  /** The summary put to the employee for signature; after signing also the signed copy. */
  statementDocumentId: string;
  signedDocumentId: string | null;
}

/**
 * The involved employee's own view (R4, issue 6): the summaries of their own reactions, to read and
 * sign. Nothing else of the dossier: no complainant, no description, no other employee.
 */
export async function listOwnHearingStatements(
  db: Kysely<Database>,
  context: AccessContext,
): Promise<OwnHearingStatement[]> {
  if (context.userId === null) return [];
  const userId = context.userId;
  return withTenant(db, context.organisationId, async (tx) => {
    const rows = await tx
      .selectFrom('hearings as h')
      .innerJoin('complaints as c', (j) =>
        j.onRef('c.organisation_id', '=', 'h.organisation_id').onRef('c.id', '=', 'h.complaint_id'),
      )
      .innerJoin('letters as l', (j) =>
        j.onRef('l.organisation_id', '=', 'h.organisation_id').onRef('l.id', '=', 'h.statement_letter_id'),
      )
      .select([
        'h.complaint_id',
        'c.reference',
        'h.status',
        'h.statement_recorded_at',
        'h.signed_at',
        'l.document_id',
        'h.signed_document_id',
      ])
      .where('h.organisation_id', '=', context.organisationId)
      .where('h.employee_id', '=', userId)
      .orderBy('h.statement_recorded_at', 'desc')
      .execute();
    return rows.map((r) => ({
      complaintId: r.complaint_id,
      reference: r.reference,
      status: r.status,
      recordedAt: r.statement_recorded_at === null ? null : new Date(r.statement_recorded_at),
      signedAt: r.signed_at === null ? null : new Date(r.signed_at),
      statementDocumentId: r.document_id,
      signedDocumentId: r.signed_document_id,
    }));
  });
}

/**
 * The summary of one employee's reaction as a PDF: the version for signature, or the signed copy.
 * The employee reads their own; staff who see the dossier read anyone's. Anyone else — another
 * employee, another organisation — gets 404, as if it did not exist. Every read is on record.
 */
export async function getHearingStatementPdf(
  deps: { db: Kysely<Database>; clock: Clock },
  context: AccessContext,
  complaintId: string,
  employeeId: string,
  version: 'for_signature' | 'signed',
): Promise<{ fileName: string; sha256: string; content: Uint8Array }> {
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    if (context.userId === employeeId) {
      await recordOwnRead(tx, context, complaintId, employeeId, now);
    } else {
      await requireDossierAccess(tx, context, complaintId, { what: 'hearing_statement', at: now });
    }
    const document = await tx
      .selectFrom('hearings as h')
      .innerJoin('letters as l', (j) =>
        j.onRef('l.organisation_id', '=', 'h.organisation_id').onRef('l.id', '=', 'h.statement_letter_id'),
      )
      .innerJoin('documents as d', (j) =>
        j
          .onRef('d.organisation_id', '=', 'h.organisation_id')
          .onRef('d.id', '=', version === 'signed' ? 'h.signed_document_id' : 'l.document_id'),
      )
      .select(['d.file_name', 'd.sha256', 'd.content'])
      .where('h.organisation_id', '=', context.organisationId)
      .where('h.complaint_id', '=', complaintId)
      .where('h.employee_id', '=', employeeId)
      .where('d.complaint_id', '=', complaintId)
      .executeTakeFirst();
    if (!document?.content) throw new NotFoundError('De samenvatting');
    return { fileName: document.file_name, sha256: document.sha256, content: document.content };
  });
}

/** An employee reads only the hearing of their own; the read is logged like any dossier read. */
async function recordOwnRead(
  tx: Tx,
  context: AccessContext,
  complaintId: string,
  employeeId: string,
  now: Date,
): Promise<void> {
  const own = await tx
    .selectFrom('hearings')
    .select('employee_id')
    .where('organisation_id', '=', context.organisationId)
    .where('complaint_id', '=', complaintId)
    .where('employee_id', '=', employeeId)
    .executeTakeFirst();
  if (!own) throw new NotFoundError('De samenvatting');
  await tx
    .insertInto('dossier_reads')
    .values({
      organisation_id: context.organisationId,
      id: newId(),
      complaint_id: complaintId,
      user_id: context.userId,
      actor_kind: context.actor.kind,
      what: 'own_hearing_statement',
      read_at: now,
    })
    .execute();
}
