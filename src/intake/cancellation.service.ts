import type { Kysely, Selectable } from 'kysely';
import { requireRole, type AccessContext } from '../auth/access-context.ts';
import type { Clock } from '../clock.ts';
import { takeNextReferenceNumber } from '../complaints/complaint.repository.ts';
import type { CancellationRequestsTable, Channel, Database } from '../db/schema.ts';
import { withTenant, type Tx } from '../db/tenant.ts';
import { amsterdamDateOf, yearOf, type LocalDate } from '../domain/calendar/local-date.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import { NotFoundError, ValidationError, ConflictError } from '../errors.ts';
import { newId } from '../ids.ts';
import {
  sendCancellationConfirmation,
  type CancellationLetterRequest,
} from '../letters/cancellation-letter.ts';
import type { LetterDeps } from '../letters/complaint-letters.ts';
import { normaliseLine, normaliseOptional, normaliseText } from '../text.ts';

/**
 * Cancellation requests (opzeggingen, R10) are their own request type: not complaints, no procedure
 * clocks, their own reference series (OP-2026-0001), confirmed to the customer in writing, and linked
 * to a complaint when both are about the same thing.
 */
export type CancellationRow = Selectable<CancellationRequestsTable>;

const STAFF = ['coordinator', 'handler'] as const;

export interface CancellationInput {
  channel: Channel;
  receivedAt: Date;
  customerName: string;
  customerEmail: string | null;
  policies: string;
  effectiveDate: LocalDate | null;
  complaintId?: string | null;
}

export function formatCancellationReference(year: number, number: number): string {
  return `OP-${year}-${String(number).padStart(4, '0')}`;
}

async function findComplaintReference(tx: Tx, organisationId: string, complaintId: string): Promise<void> {
  const exists = await tx
    .selectFrom('complaints')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', complaintId)
    .executeTakeFirst();
  if (!exists) {
    throw new ValidationError('De gekoppelde klacht is niet gevonden.', [
      { field: '/complaintId', message: 'no such complaint in this organisation' },
    ]);
  }
}

/** In the caller's transaction, so opening it from the intake queue is one step. */
export async function insertCancellationRequest(
  tx: Tx,
  context: AccessContext,
  input: CancellationInput & { intakeItemId?: string | null },
  now: Date,
): Promise<CancellationRow> {
  const organisationId = context.organisationId;
  const customerName = normaliseLine(input.customerName);
  const policies = normaliseText(input.policies);
  const problems = [
    ...(customerName === '' ? [{ field: '/customerName', message: 'De naam van de klant ontbreekt.' }] : []),
    ...(policies === ''
      ? [{ field: '/policies', message: 'Vermeld welke verzekering(en) of polisnummer(s) worden opgezegd.' }]
      : []),
  ];
  if (problems.length > 0) throw new ValidationError('De opzegging is niet volledig.', problems);
  if (input.complaintId) await findComplaintReference(tx, organisationId, input.complaintId);

  const year = yearOf(amsterdamDateOf(input.receivedAt));
  const reference = formatCancellationReference(
    year,
    await takeNextReferenceNumber(tx, organisationId, year, 'OP'),
  );
  const row = await tx
    .insertInto('cancellation_requests')
    .values({
      organisation_id: organisationId,
      id: newId(),
      reference,
      channel: input.channel,
      received_at: input.receivedAt,
      customer_name: customerName,
      customer_email: normaliseOptional(input.customerEmail)?.toLowerCase() ?? null,
      policies,
      effective_date: input.effectiveDate,
      status: 'received',
      complaint_id: input.complaintId ?? null,
      intake_item_id: input.intakeItemId ?? null,
      confirmed_at: null,
      processed_at: null,
      created_by: context.userId,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (input.complaintId) await recordLink(tx, context, input.complaintId, row.id, now);
  return row;
}

async function recordLink(
  tx: Tx,
  context: AccessContext,
  complaintId: string,
  cancellationId: string,
  now: Date,
) {
  await appendDossierEvent(tx, context.organisationId, complaintId, {
    type: 'complaint.cancellation_linked',
    actor: context.actor,
    occurredAt: now,
    data: { cancellationRequestId: cancellationId },
  });
}

export async function registerCancellationRequest(
  deps: { db: Kysely<Database>; clock: Clock },
  context: AccessContext,
  input: CancellationInput,
): Promise<CancellationRow> {
  requireRole(context, STAFF);
  const now = deps.clock.now();
  if (input.receivedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw new ValidationError('Het moment van ontvangst ligt in de toekomst.', [
      { field: '/receivedAt', message: 'in the future' },
    ]);
  }
  return withTenant(deps.db, context.organisationId, (tx) =>
    insertCancellationRequest(tx, context, input, now),
  );
}

async function loadForUpdate(tx: Tx, organisationId: string, id: string): Promise<CancellationRow> {
  const row = await tx
    .selectFrom('cancellation_requests')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!row) throw new NotFoundError('De opzegging');
  return row;
}

export type CancellationStep = 'confirm' | 'process' | 'withdraw';

const NEXT: Record<
  CancellationStep,
  { from: ReadonlyArray<CancellationRow['status']>; to: CancellationRow['status'] }
> = {
  confirm: { from: ['received'], to: 'confirmed' },
  process: { from: ['received', 'confirmed'], to: 'processed' },
  withdraw: { from: ['received', 'confirmed'], to: 'withdrawn' },
};

/**
 * Confirmed: the customer was told in writing — the confirmation letter (R10) is made in the same
 * transaction; processed: the policies were ended with the insurer.
 */
export async function advanceCancellation(
  deps: { db: Kysely<Database>; clock: Clock; letters?: LetterDeps },
  context: AccessContext,
  id: string,
  step: CancellationStep,
  letter: CancellationLetterRequest = {},
): Promise<CancellationRow> {
  requireRole(context, STAFF);
  const now = deps.clock.now();
  let mailQueued = false;
  const advanced = await withTenant(deps.db, context.organisationId, async (tx) => {
    const row = await loadForUpdate(tx, context.organisationId, id);
    const rule = NEXT[step];
    if (!rule.from.includes(row.status)) {
      throw new ConflictError(
        `Deze opzegging heeft de status "${row.status}"; die stap kan nu niet.`,
        'illegal_transition',
      );
    }
    if (step === 'confirm' && deps.letters) {
      const issued = await sendCancellationConfirmation(tx, context, deps.letters, id, letter, now);
      mailQueued = issued.messageId !== null;
    }
    return tx
      .updateTable('cancellation_requests')
      .set({
        status: rule.to,
        ...(step === 'confirm' ? { confirmed_at: now } : {}),
        ...(step === 'process' ? { processed_at: now } : {}),
        // The retention term of a request without a complaint runs from here (docs/privacy.md).
        ...(step === 'withdraw' ? { withdrawn_at: now } : {}),
      })
      .where('organisation_id', '=', context.organisationId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  if (mailQueued) deps.letters?.onMailQueued?.();
  return advanced;
}

/** Staff know a complaint by its reference (KL-2026-0042); the link is stored by id. */
async function complaintIdOfReference(tx: Tx, organisationId: string, reference: string): Promise<string> {
  const found = await tx
    .selectFrom('complaints')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('reference', '=', reference)
    .executeTakeFirst();
  if (!found) {
    throw new ValidationError('Er is geen klacht met dit kenmerk.', [
      { field: '/complaintReference', message: 'no such complaint in this organisation' },
    ]);
  }
  return found.id;
}

export async function linkCancellationToComplaint(
  deps: { db: Kysely<Database>; clock: Clock },
  context: AccessContext,
  id: string,
  target: string | { reference: string },
): Promise<CancellationRow> {
  requireRole(context, STAFF);
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    const row = await loadForUpdate(tx, context.organisationId, id);
    const complaintId =
      typeof target === 'string'
        ? target
        : await complaintIdOfReference(tx, context.organisationId, target.reference);
    if (row.complaint_id === complaintId) return row;
    await findComplaintReference(tx, context.organisationId, complaintId);
    // Moving the link: the former dossier says where the request went, so neither dossier claims it
    // on its own.
    if (row.complaint_id !== null) {
      await appendDossierEvent(tx, context.organisationId, row.complaint_id, {
        type: 'complaint.cancellation_unlinked',
        actor: context.actor,
        occurredAt: now,
        data: { cancellationRequestId: id, movedToComplaintId: complaintId },
      });
    }
    await recordLink(tx, context, complaintId, id, now);
    return tx
      .updateTable('cancellation_requests')
      .set({ complaint_id: complaintId })
      .where('organisation_id', '=', context.organisationId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

export async function listCancellations(
  db: Kysely<Database>,
  context: AccessContext,
  options: { limit: number },
): Promise<CancellationRow[]> {
  requireRole(context, [...STAFF, 'auditor']);
  return withTenant(db, context.organisationId, (tx) =>
    tx
      .selectFrom('cancellation_requests')
      .selectAll()
      .where('organisation_id', '=', context.organisationId)
      .orderBy('received_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit)
      .execute(),
  );
}

export interface CancellationDetail {
  row: CancellationRow;
  complaintReference: string | null;
  /** What the customer wrote, when the request came in through the intake queue. */
  message: { subject: string | null; text: string | null; senderEmail: string | null } | null;
}

export async function getCancellation(
  db: Kysely<Database>,
  context: AccessContext,
  id: string,
): Promise<CancellationDetail> {
  requireRole(context, [...STAFF, 'auditor']);
  return withTenant(db, context.organisationId, async (tx) => {
    const row = await tx
      .selectFrom('cancellation_requests')
      .selectAll()
      .where('organisation_id', '=', context.organisationId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('De opzegging');
    const complaint = row.complaint_id
      ? await tx
          .selectFrom('complaints')
          .select('reference')
          .where('organisation_id', '=', context.organisationId)
          .where('id', '=', row.complaint_id)
          .executeTakeFirst()
      : undefined;
    const intake = row.intake_item_id
      ? await tx
          .selectFrom('intake_items')
          .select(['subject', 'body_text', 'sender_email'])
          .where('organisation_id', '=', context.organisationId)
          .where('id', '=', row.intake_item_id)
          .executeTakeFirst()
      : undefined;
    return {
      row,
      complaintReference: complaint?.reference ?? null,
      message: intake
        ? { subject: intake.subject, text: intake.body_text, senderEmail: intake.sender_email }
        : null,
    };
  });
}
