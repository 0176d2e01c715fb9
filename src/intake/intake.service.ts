import type { Kysely } from 'kysely';
import { requireRole, type AccessContext } from '../auth/access-context.ts';
import type { Clock } from '../clock.ts';
import { registerComplaint, type ComplaintDeps } from '../complaints/complaint.service.ts';
import type { ComplaintView } from '../complaints/complaint.view.ts';
import type { Database, IntakeClassification } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { checkAttachment } from '../domain/attachment-policy.ts';
import { computeDeadlines } from '../domain/calendar/deadlines.ts';
import type { LocalDate } from '../domain/calendar/local-date.ts';
import { procedureVersionAt } from '../domain/procedure/procedure-versions.ts';
import { insertDossierItem } from '../dossier/dossier.repository.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import { sha256Hex } from '../domain/event-chain.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { parseMessage } from '../mail/parse-message.ts';
import { loadCalendar } from '../procedure/clock-columns.ts';
import { performAction } from '../procedure/procedure.service.ts';
import { listProcedureVersions } from '../procedure/snapshot.repository.ts';
import { normaliseText } from '../text.ts';
import { insertCancellationRequest, type CancellationRow } from './cancellation.service.ts';
import {
  findIntakeItem,
  listClassifications,
  listIntakeItems,
  recordClassification,
  updateIntakeItem,
  type IntakeItemRow,
} from './intake.repository.ts';

const TRIAGE = ['coordinator', 'handler'] as const;

export interface IntakeItemView {
  id: string;
  channel: IntakeItemRow['channel'];
  receivedAt: Date;
  kind: IntakeClassification;
  proposedKind: IntakeItemRow['proposed_kind'];
  proposalReason: string | null;
  status: IntakeItemRow['status'];
  senderName: string | null;
  senderEmail: string | null;
  subject: string | null;
  preview: string | null;
  complaintId: string | null;
  cancellationRequestId: string | null;
  /** If it is a complaint, the acknowledgment is due by then: the law runs from receipt, not from triage. */
  acknowledgeBy: LocalDate;
  history: Array<{
    from: IntakeClassification;
    to: IntakeClassification;
    reason: string;
    at: Date;
    by: string | null;
  }>;
}

export async function listIntakeQueue(
  db: Kysely<Database>,
  context: AccessContext,
  options: { includeDone: boolean; limit: number },
): Promise<IntakeItemView[]> {
  requireRole(context, [...TRIAGE, 'auditor']);
  return withTenant(db, context.organisationId, async (tx) => {
    const rows = await listIntakeItems(tx, context.organisationId, {
      statuses: options.includeDone ? ['new', 'opened', 'done'] : ['new'],
      limit: options.limit,
    });
    const history = Map.groupBy(
      await listClassifications(
        tx,
        context.organisationId,
        rows.map((r) => r.id),
      ),
      (h) => h.intake_item_id,
    );
    const calendar = await loadCalendar(tx, context.organisationId);
    const versions = await listProcedureVersions(tx, context.organisationId);
    return rows.map((row) => {
      const receivedAt = new Date(row.received_at);
      const terms = procedureVersionAt(versions, receivedAt).terms;
      return {
        id: row.id,
        channel: row.channel,
        receivedAt,
        kind: row.kind,
        proposedKind: row.proposed_kind,
        proposalReason: row.proposal_reason,
        status: row.status,
        senderName: row.sender_name,
        senderEmail: row.sender_email,
        subject: row.subject,
        preview: row.body_text === null ? null : row.body_text.slice(0, 280),
        complaintId: row.complaint_id,
        cancellationRequestId: row.cancellation_request_id,
        acknowledgeBy: computeDeadlines(receivedAt, terms, calendar).acknowledgeBy,
        history: (history.get(row.id) ?? []).map((h) => ({
          from: h.from_kind,
          to: h.to_kind,
          reason: h.reason,
          at: new Date(h.classified_at),
          by: h.classified_by,
        })),
      };
    });
  });
}

/**
 * Staff decide what an arrival is. Turning a registered complaint into something else goes through
 * the procedure's "reclassify" step (coordinator only, with a reason, in the dossier), so complaints
 * are never quietly relabelled as questions.
 */
export async function classifyIntakeItem(
  deps: ComplaintDeps,
  context: AccessContext,
  itemId: string,
  input: { kind: Exclude<IntakeClassification, 'unclassified'>; reason: string },
): Promise<void> {
  requireRole(context, TRIAGE);
  const reason = normaliseText(input.reason);
  if (reason === '') {
    throw new ValidationError('Vermeld waarom u dit zo indeelt.', [
      { field: '/reason', message: 'required' },
    ]);
  }
  const now = deps.clock.now();
  const item = await withTenant(deps.db, context.organisationId, (tx) =>
    findIntakeItem(tx, context.organisationId, itemId),
  );
  if (!item) throw new NotFoundError('Het binnengekomen bericht');
  if (item.kind === input.kind) {
    // Confirming the proposal of a registered complaint takes it out of the queue.
    if (item.status === 'new' && item.complaint_id) {
      await withTenant(deps.db, context.organisationId, (tx) =>
        updateIntakeItem(tx, context.organisationId, itemId, {
          status: 'opened',
          triaged_by: context.userId,
          triaged_at: now,
        }),
      );
    }
    return;
  }
  if (item.complaint_id && input.kind !== 'complaint') {
    await performAction(deps, context, item.complaint_id, { action: 'reclassify', kind: input.kind, reason });
  }
  await withTenant(deps.db, context.organisationId, async (tx) => {
    await recordClassification(tx, context.organisationId, itemId, {
      from: item.kind,
      to: input.kind,
      reason,
      by: context.userId,
      at: now,
    });
    const finished = input.kind === 'question' || input.kind === 'claim' || input.kind === 'other';
    await updateIntakeItem(tx, context.organisationId, itemId, {
      kind: input.kind,
      ...(finished || item.complaint_id ? { status: finished ? 'done' : item.status } : {}),
      triaged_by: context.userId,
      triaged_at: now,
    });
  });
}

/** The raw e-mail plus what of its attachments may enter a dossier; the rest stays in the raw copy. */
async function filesOfMail(raw: Uint8Array, limits: ComplaintDeps['attachmentLimits']) {
  const maxFileBytes = limits?.maxFileBytes ?? 25 * 1024 * 1024;
  const files: Array<{ fileName: string; content: Uint8Array }> = [
    { fileName: 'oorspronkelijk-bericht.eml', content: raw },
  ];
  const parsed = await parseMessage(raw, { maxBytes: 64 * 1024 * 1024 });
  const skipped: string[] = [];
  if (parsed.ok) {
    for (const attachment of parsed.message.attachments) {
      const refusal = checkAttachment(attachment.fileName, attachment.mediaType, attachment.size, {
        maxFileBytes,
        maxTotalBytes: Number.MAX_SAFE_INTEGER,
        maxFiles: Number.MAX_SAFE_INTEGER,
      });
      if (refusal || attachment.inline) skipped.push(attachment.fileName);
      else files.push({ fileName: attachment.fileName, content: attachment.content });
    }
  }
  return { files, parsed, skipped };
}

/**
 * Opens an arrival as a complaint: registered at the moment it was received (the clocks run from
 * then), with the message, its raw copy and its attachments in the dossier.
 */
export async function openIntakeItemAsComplaint(
  deps: ComplaintDeps,
  context: AccessContext,
  itemId: string,
  input: {
    handlerId?: string | null;
    complainantName?: string;
    description?: string;
    product?: string | null;
  },
): Promise<ComplaintView> {
  requireRole(context, TRIAGE);
  const { item, raw } = await withTenant(deps.db, context.organisationId, async (tx) => {
    const found = await findIntakeItem(tx, context.organisationId, itemId);
    if (!found) throw new NotFoundError('Het binnengekomen bericht');
    if (found.complaint_id || found.cancellation_request_id || found.status !== 'new') {
      throw new ConflictError('Dit bericht is al verwerkt.', 'intake_item_already_handled');
    }
    const message = found.mail_message_id
      ? await tx
          .selectFrom('mail_messages')
          .select(['raw', 'id', 'message_key'])
          .where('organisation_id', '=', context.organisationId)
          .where('id', '=', found.mail_message_id)
          .executeTakeFirst()
      : undefined;
    return { item: found, raw: message };
  });
  const mail = raw ? await filesOfMail(raw.raw, deps.attachmentLimits) : undefined;
  const text = mail?.parsed.ok ? mail.parsed.message.text : (item.body_text ?? '');
  const description = normaliseText(input.description ?? text) || normaliseText(item.subject ?? '');
  const now = deps.clock.now();

  return registerComplaint(
    deps,
    context,
    {
      channel: item.channel,
      receivedAt: new Date(item.received_at),
      complainant: {
        name: input.complainantName ?? item.sender_name ?? item.sender_email ?? '',
        email: item.sender_email,
      },
      product: input.product ?? null,
      description,
      handlerId: input.handlerId ?? null,
      attachments: mail?.files ?? [],
    },
    {
      intakeItemId: item.id,
      inTransaction: async (tx, complaint) => {
        if (!raw) return;
        const message = await insertDossierItem(tx, {
          organisation_id: context.organisationId,
          id: newId(),
          complaint_id: complaint.id,
          kind: 'message_in',
          title: item.subject ?? '(geen onderwerp)',
          body: text,
          author_id: null,
          created_at: now,
        });
        await appendDossierEvent(tx, context.organisationId, complaint.id, {
          type: 'dossier.message_received',
          actor: context.actor,
          occurredAt: now,
          data: {
            itemId: message.id,
            mailMessageId: raw.id,
            messageKeySha256: sha256Hex(raw.message_key),
            skippedAttachments: mail?.skipped.length ?? 0,
          },
        });
        await tx
          .updateTable('mail_messages')
          .set({ complaint_id: complaint.id })
          .where('organisation_id', '=', context.organisationId)
          .where('id', '=', raw.id)
          .execute();
      },
    },
  );
}

export async function openIntakeItemAsCancellation(
  deps: { db: Kysely<Database>; clock: Clock },
  context: AccessContext,
  itemId: string,
  input: {
    customerName?: string;
    policies: string;
    effectiveDate: LocalDate | null;
    complaintId?: string | null;
  },
): Promise<CancellationRow> {
  requireRole(context, TRIAGE);
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    const item = await findIntakeItem(tx, context.organisationId, itemId);
    if (!item) throw new NotFoundError('Het binnengekomen bericht');
    if (item.cancellation_request_id || item.status === 'done') {
      throw new ConflictError('Dit bericht is al verwerkt.', 'intake_item_already_handled');
    }
    const row = await insertCancellationRequest(
      tx,
      context,
      {
        channel: item.channel,
        receivedAt: new Date(item.received_at),
        customerName: input.customerName ?? item.sender_name ?? item.sender_email ?? '',
        customerEmail: item.sender_email,
        policies: input.policies,
        effectiveDate: input.effectiveDate,
        complaintId: input.complaintId ?? item.complaint_id ?? null,
        intakeItemId: item.id,
      },
      now,
    );
    if (item.kind !== 'cancellation') {
      await recordClassification(tx, context.organisationId, item.id, {
        from: item.kind,
        to: 'cancellation',
        reason: 'Geopend als opzegging.',
        by: context.userId,
        at: now,
      });
    }
    await updateIntakeItem(tx, context.organisationId, item.id, {
      kind: 'cancellation',
      status: 'done',
      cancellation_request_id: row.id,
      triaged_by: context.userId,
      triaged_at: now,
    });
    return row;
  });
}
