import type { Kysely } from 'kysely';
import { requireRole, type AccessContext } from '../auth/access-context.ts';
import type { Clock } from '../clock.ts';
import type { Channel, Database } from '../db/schema.ts';
import { withTenant, type Tx } from '../db/tenant.ts';
import { amsterdamDateOf, yearOf } from '../domain/calendar/local-date.ts';
import { sha256Hex } from '../domain/event-chain.ts';
import { formatComplaintReference } from '../domain/reference-number.ts';
import { checkAttachmentSet, type AttachmentLimits } from '../domain/attachment-policy.ts';
import { displayFileName } from '../domain/file-name.ts';
import { detectMediaType } from '../domain/media-type.ts';
import { attachDocument } from '../dossier/attach-document.ts';
import { insertLinkedEvent } from '../dossier/event-log.repository.ts';
import { NotFoundError, RuleViolationError, ValidationError, type FieldProblem } from '../errors.ts';
import { newId } from '../ids.ts';
import { normaliseLine, normaliseOptional, normaliseText } from '../text.ts';
import { procedureVersionAt } from '../domain/procedure/procedure-versions.ts';
import { loadProcedureContext } from '../procedure/snapshot.repository.ts';
import { findUsers } from '../users/user.repository.ts';
import type { UserRow } from '../db/schema.ts';
import { requireDossierAccess } from '../auth/complaint-access.ts';
import { insertIntakeItem, updateIntakeItem } from '../intake/intake.repository.ts';
import { queueAcknowledgmentTask } from '../letters/acknowledgment-task.repository.ts';
import {
  findComplaintDetail,
  findInvolvedEmployees,
  insertComplainant,
  insertComplaint,
  insertInvolvedEmployees,
  takeNextReferenceNumber,
} from './complaint.repository.ts';
import { toComplaintView, type ComplaintView } from './complaint.view.ts';
import { freshProcedureColumns, newComplaintRow } from './new-complaint.ts';

export interface ComplainantInput {
  name: string;
  email?: string | null;
  phone?: string | null;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  country?: string | null;
}

export interface RegisterComplaintInput {
  channel: Channel;
  /** The first moment any channel received it; defaults to now. May lie in the past (a letter). */
  receivedAt?: Date;
  complainant: ComplainantInput;
  product?: string | null;
  description: string;
  desiredOutcome?: string | null;
  handlerId?: string | null;
  involvedEmployeeIds?: readonly string[];
  /** Files that came with the complaint (a scanned letter, the form's uploads), stored in the same transaction. */
  attachments?: ReadonlyArray<{ fileName: string; content: Uint8Array }>;
}

export interface ComplaintDeps {
  db: Kysely<Database>;
  clock: Clock;
  attachmentLimits?: AttachmentLimits;
}

export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = {
  maxFileBytes: 25 * 1024 * 1024,
  maxTotalBytes: 50 * 1024 * 1024,
  maxFiles: 10,
};

const READERS = ['coordinator', 'handler', 'auditor'] as const;
const REGISTRARS = ['coordinator', 'handler'] as const;
/** Mail servers and scanners disagree with us by a little; a receipt minutes ahead is not an error. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;
const EARLIEST_RECEIPT = Date.UTC(2000, 0, 1);

export interface RegisterOptions {
  /** Runs inside the registration's transaction, after the complaint is written (e.g. an idempotency record). */
  inTransaction?: (tx: Tx, complaint: ComplaintView) => Promise<void>;
  /** The intake item this complaint is opened from (an e-mail in the queue); else one is made. */
  intakeItemId?: string;
}

export async function registerComplaint(
  deps: ComplaintDeps,
  context: AccessContext,
  input: RegisterComplaintInput,
  options: RegisterOptions = {},
): Promise<ComplaintView> {
  requireRole(context, REGISTRARS);
  const now = deps.clock.now();
  const receivedAt = input.receivedAt ?? now;
  const complainant = normaliseComplainant(input.complainant);
  const description = normaliseText(input.description);
  const problems = validateRegistration(receivedAt, now, complainant, description);
  const files = (input.attachments ?? []).map((file) => ({
    fileName: displayFileName(file.fileName),
    content: file.content,
    mediaType: detectMediaType(file.content),
  }));
  const refusals = checkAttachmentSet(
    files.map((f) => ({ fileName: f.fileName, detectedType: f.mediaType, sizeBytes: f.content.length })),
    deps.attachmentLimits ?? DEFAULT_ATTACHMENT_LIMITS,
  );
  problems.push(...refusals.map((r) => ({ field: '/attachments', message: r.message })));
  if (problems.length > 0)
    throw new ValidationError('De klacht is niet volledig of niet juist ingevuld.', problems);

  const involved = [...new Set(input.involvedEmployeeIds ?? [])];
  const handlerId = input.handlerId ?? null;
  if (handlerId !== null && involved.includes(handlerId)) {
    throw new RuleViolationError(
      'handler_is_involved',
      'Een betrokken medewerker kan de klacht over zichzelf niet behandelen. Kies een andere behandelaar.',
    );
  }

  const organisationId = context.organisationId;
  return withTenant(deps.db, organisationId, async (tx) => {
    const users = await checkPeople(tx, organisationId, handlerId, involved);
    // Read before the reference counter is taken: the counter stays locked until the commit.
    const procedureContext = await loadProcedureContext(tx, organisationId);
    const complainantId = newId();
    await insertComplainant(tx, {
      organisation_id: organisationId,
      id: complainantId,
      ...complainant,
      created_at: now,
    });

    const year = yearOf(amsterdamDateOf(receivedAt));
    const number = await takeNextReferenceNumber(tx, organisationId, year);
    const reference = formatComplaintReference(year, number);
    const complaintId = newId();
    const desiredOutcome = normaliseOptional(input.desiredOutcome);
    // The version in force at receipt (a letter registered late still follows the terms of its day);
    // the complaint keeps it, whatever the organisation changes later.
    const inForce = procedureVersionAt(procedureContext.versions, receivedAt);
    const procedure = procedureContext.versions.find((v) => v.version === inForce.version);
    if (!procedure) throw new Error(`procedure version ${inForce.version} missing for ${organisationId}`);
    const { values, first } = newComplaintRow({
      organisationId,
      complaintId,
      procedure,
      context: procedureContext,
      columns: freshProcedureColumns(receivedAt, handlerId),
      involvedEmployeeIds: involved,
      now,
      firstEvent: {
        type: 'complaint.registered',
        actor: context.actor,
        occurredAt: now,
        data: {
          reference,
          channel: input.channel,
          receivedAt: receivedAt.toISOString(),
          complainantId,
          handlerId,
          involvedEmployeeIds: involved,
          descriptionSha256: sha256Hex(description),
          desiredOutcomeSha256: desiredOutcome === null ? null : sha256Hex(desiredOutcome),
        },
      },
    });
    const row = await insertComplaint(tx, {
      organisation_id: organisationId,
      id: complaintId,
      reference,
      reference_year: year,
      reference_number: number,
      channel: input.channel,
      complainant_id: complainantId,
      product: normaliseOptional(input.product),
      description,
      desired_outcome: desiredOutcome,
      created_at: now,
      updated_at: now,
      ...values,
    });
    await insertInvolvedEmployees(tx, organisationId, complaintId, involved, now);
    // Every channel: the job settles its acknowledgment (sent automatically, or a person is told).
    await queueAcknowledgmentTask(tx, organisationId, complaintId, now);
    await insertLinkedEvent(tx, first);
    for (const file of files) {
      await attachDocument(
        tx,
        organisationId,
        complaintId,
        context.actor,
        context.userId,
        { ...file, title: file.fileName },
        now,
      );
    }
    // Everything that arrives shows in the intake queue; a complaint staff registered with a handler
    // is already triaged, one from the form or another system still needs a coordinator's look.
    if (options.intakeItemId) {
      await updateIntakeItem(tx, organisationId, options.intakeItemId, {
        kind: 'complaint',
        status: 'opened',
        complaint_id: complaintId,
        triaged_by: context.userId,
        triaged_at: now,
      });
    } else {
      await insertIntakeItem(tx, {
        organisation_id: organisationId,
        id: newId(),
        channel: input.channel,
        received_at: receivedAt,
        kind: 'complaint',
        proposed_kind: 'complaint',
        proposal_reason: null,
        status: handlerId === null ? 'new' : 'opened',
        sender_name: complainant.name,
        sender_email: complainant.email,
        subject: normaliseOptional(input.product),
        body_text: null,
        mail_message_id: null,
        complaint_id: complaintId,
        cancellation_request_id: null,
        triaged_by: handlerId === null ? null : context.userId,
        triaged_at: handlerId === null ? null : now,
        created_at: now,
      });
    }
    // Built from what was written; attachments moved the chain's head, and the database orders
    // several involved employees by name in its own collation: then it is read back.
    const view =
      files.length === 0 && involved.length <= 1
        ? toComplaintView(
            {
              ...row,
              ...prefixed(complainant),
              handler_name: handlerId === null ? null : users.get(handlerId)!.display_name,
            },
            involved.map((id) => ({ user_id: id, display_name: users.get(id)!.display_name })),
          )
        : await loadComplaintView(tx, organisationId, complaintId);
    await options.inTransaction?.(tx, view);
    return view;
  });
}

/** The complainant's columns as the detail read names them (complainant_name, ...). */
function prefixed(complainant: ReturnType<typeof normaliseComplainant>) {
  return {
    complainant_name: complainant.name,
    complainant_email: complainant.email,
    complainant_phone: complainant.phone,
    complainant_street: complainant.street,
    complainant_postal_code: complainant.postal_code,
    complainant_city: complainant.city,
    complainant_country: complainant.country,
  };
}

function normaliseComplainant(input: ComplainantInput) {
  return {
    name: normaliseLine(input.name),
    email: normaliseOptional(input.email)?.toLowerCase() ?? null,
    phone: normaliseOptional(input.phone),
    street: normaliseOptional(input.street),
    postal_code: normaliseOptional(input.postalCode)?.toUpperCase() ?? null,
    city: normaliseOptional(input.city),
    country: normaliseOptional(input.country),
  };
}

function validateRegistration(
  receivedAt: Date,
  now: Date,
  complainant: ReturnType<typeof normaliseComplainant>,
  description: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (Number.isNaN(receivedAt.getTime())) {
    problems.push({
      field: '/receivedAt',
      message: 'Het moment van ontvangst is geen geldige datum en tijd.',
    });
  } else if (receivedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    problems.push({ field: '/receivedAt', message: 'Het moment van ontvangst ligt in de toekomst.' });
  } else if (receivedAt.getTime() < EARLIEST_RECEIPT) {
    problems.push({ field: '/receivedAt', message: 'Het moment van ontvangst ligt vóór 2000.' });
  }
  if (complainant.name === '')
    problems.push({ field: '/complainant/name', message: 'De naam van de klager ontbreekt.' });
  const hasAddress =
    complainant.street !== null && complainant.postal_code !== null && complainant.city !== null;
  if (complainant.email === null && complainant.phone === null && !hasAddress) {
    problems.push({
      field: '/complainant',
      message:
        'Geef een e-mailadres, telefoonnummer of volledig postadres op, zodat wij de klager kunnen bereiken.',
    });
  }
  if (description === '')
    problems.push({ field: '/description', message: 'De omschrijving van de klacht ontbreekt.' });
  return problems;
}

async function checkPeople(
  tx: Tx,
  organisationId: string,
  handlerId: string | null,
  involved: readonly string[],
): Promise<Map<string, UserRow>> {
  const wanted = handlerId === null ? involved : [handlerId, ...involved];
  const users = new Map((await findUsers(tx, organisationId, wanted)).map((u) => [u.id, u]));
  const problems: FieldProblem[] = [];
  if (handlerId !== null) {
    const handler = users.get(handlerId);
    if (
      !handler ||
      handler.disabled_at !== null ||
      !handler.roles.some((r) => r === 'handler' || r === 'coordinator')
    ) {
      problems.push({
        field: '/handlerId',
        message: 'Deze behandelaar bestaat niet of mag geen klachten behandelen.',
      });
    }
  }
  involved.forEach((id, index) => {
    if (!users.has(id)) {
      problems.push({ field: `/involvedEmployeeIds/${index}`, message: 'Deze medewerker is niet gevonden.' });
    }
  });
  if (problems.length > 0) throw new ValidationError('Niet alle genoemde medewerkers zijn bekend.', problems);
  return users;
}

export async function loadComplaintView(
  tx: Tx,
  organisationId: string,
  complaintId: string,
): Promise<ComplaintView> {
  const row = await findComplaintDetail(tx, organisationId, complaintId);
  if (!row) throw new NotFoundError('De klacht');
  const involved = await findInvolvedEmployees(tx, organisationId, complaintId);
  return toComplaintView(row, involved);
}

export async function getComplaint(
  deps: ComplaintDeps,
  context: AccessContext,
  complaintId: string,
): Promise<ComplaintView> {
  requireRole(context, READERS);
  return withTenant(deps.db, context.organisationId, async (tx) => {
    await requireDossierAccess(tx, context, complaintId, { what: 'complaint', at: deps.clock.now() });
    return loadComplaintView(tx, context.organisationId, complaintId);
  });
}

export { listComplaints } from './complaint-list.service.ts';
