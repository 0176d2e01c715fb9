import type { Kysely } from 'kysely';
import { requireRole, type AccessContext } from '../auth/access-context.ts';
import { requireDossierAccess } from '../auth/complaint-access.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { withTenant, type Tx } from '../db/tenant.ts';
import { amsterdamDateOf, type LocalDate } from '../domain/calendar/local-date.ts';
import { checkPostedDate } from '../domain/letters/posted-date.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { loadCalendar, reloadAndRefreshClocks } from '../procedure/clock-columns.ts';
import { informationAnswerBy } from '../procedure/step-letters.ts';
import { previewComplaintLetter, type ComplaintLetterType, type PendingStep } from './complaint-letters.ts';
import { checkStepOfPreview, isStepLetter, pendingOfStep, type StepPreviewInput } from './step-preview.ts';

export interface ComplaintLetterDeps {
  db: Kysely<Database>;
  clock: Clock;
  publicBaseUrl?: string;
}

export interface LetterPreview {
  type: ComplaintLetterType;
  /** True when the letter could go out as it is; else `problems` names each missing element. */
  complete: boolean;
  problems: string[];
  subject: string;
  fileName: string;
  pdf: Buffer;
}

/**
 * The PDF of a complaint's letter as it would go out now, with what the staff member typed, and the
 * problems that would refuse it. Nothing is issued: no letter, no document, no event, no outbox
 * mail, no portal link (the link shows as a placeholder). Like every dossier read, the look is
 * recorded in the dossier's read log.
 */
export async function previewLetterOfComplaint(
  deps: ComplaintLetterDeps,
  context: AccessContext,
  complaintId: string,
  input: {
    type: ComplaintLetterType;
    fields?: Record<string, unknown>;
    employeeId?: string;
    step?: StepPreviewInput;
  },
): Promise<LetterPreview> {
  if ((input.type === 'hearing_request' || input.type === 'hearing_statement') && !input.employeeId) {
    throw new ValidationError(
      'Kies de betrokken medewerker aan wie de brief is gericht.',
      [{ field: '/employeeId', message: `required for ${input.type}` }],
      'employee_required',
    );
  }
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    await requireDossierAccess(tx, context, complaintId, { what: 'letter_preview', at: now });
    // The fields the step itself would add (the answer date of an information request).
    let stepFields: Record<string, unknown> =
      input.type === 'information_request'
        ? { answerBy: informationAnswerBy(await loadCalendar(tx, context.organisationId), now) }
        : {};
    let pending: PendingStep | undefined;
    if (isStepLetter(input.type)) {
      // Written from what the step is about to store: checked by the step's own gates first.
      const step = input.step ?? {};
      await checkStepOfPreview(tx, context, complaintId, input.type, step, input.employeeId, now);
      ({ pending, fields: stepFields } = await pendingOfStep(tx, context, input.type, step));
    }
    const preview = await previewComplaintLetter(
      tx,
      context.organisationId,
      complaintId,
      input.type,
      {
        fields: { ...stepFields, ...input.fields },
        ...(input.employeeId ? { employeeId: input.employeeId } : {}),
        ...(pending ? { pending } : {}),
      },
      now,
      deps.publicBaseUrl,
    );
    return {
      type: input.type,
      complete: preview.problems.length === 0,
      problems: [...preview.problems],
      subject: preview.subject,
      fileName: preview.fileName,
      pdf: preview.pdf,
    };
  });
}

export interface LetterView {
  id: string;
  letterType: string;
  language: 'nl' | 'en';
  recipientKind: string;
  recipientName: string;
  delivery: 'email' | 'post';
  status: 'sent' | 'posted' | 'undeliverable';
  documentId: string;
  pdfSha256: string;
  issuedAt: Date;
  issuedBy: string | null;
  postedOn: string | null;
  undeliverableAt: Date | null;
  automatic: boolean;
}

const LETTER_COLUMNS = [
  'l.id',
  'l.letter_type',
  'l.language',
  'l.recipient_kind',
  'l.recipient_name',
  'l.delivery',
  'l.status',
  'l.document_id',
  'l.pdf_sha256',
  'l.issued_at',
  'l.issued_by',
  'l.posted_on',
  'l.undeliverable_at',
  'o.automatic',
] as const;

type LetterRow = {
  id: string;
  letter_type: string;
  language: 'nl' | 'en';
  recipient_kind: string;
  recipient_name: string;
  delivery: 'email' | 'post';
  status: 'sent' | 'posted' | 'undeliverable';
  document_id: string;
  pdf_sha256: string;
  issued_at: Date | string;
  issued_by: string | null;
  posted_on: string | null;
  undeliverable_at: Date | string | null;
  automatic: boolean | null;
};

function toView(row: LetterRow): LetterView {
  return {
    id: row.id,
    letterType: row.letter_type,
    language: row.language,
    recipientKind: row.recipient_kind,
    recipientName: row.recipient_name,
    delivery: row.delivery,
    status: row.status,
    documentId: row.document_id,
    pdfSha256: row.pdf_sha256,
    issuedAt: new Date(row.issued_at),
    issuedBy: row.issued_by,
    postedOn: row.posted_on,
    undeliverableAt: row.undeliverable_at === null ? null : new Date(row.undeliverable_at),
    automatic: row.automatic ?? false,
  };
}

function lettersQuery(tx: Tx, organisationId: string) {
  return tx
    .selectFrom('letters as l')
    .leftJoin('outbox as o', (j) =>
      j.onRef('o.organisation_id', '=', 'l.organisation_id').onRef('o.letter_id', '=', 'l.id'),
    )
    .select(LETTER_COLUMNS)
    .where('l.organisation_id', '=', organisationId);
}

/** The letters of a complaint, oldest first: what went out, how, and whether it was posted. */
export async function listLettersOfComplaint(
  deps: ComplaintLetterDeps,
  context: AccessContext,
  complaintId: string,
): Promise<LetterView[]> {
  return withTenant(deps.db, context.organisationId, async (tx) => {
    await requireDossierAccess(tx, context, complaintId, { what: 'letters', at: deps.clock.now() });
    const rows = await lettersQuery(tx, context.organisationId)
      .where('l.complaint_id', '=', complaintId)
      .orderBy('l.issued_at')
      .orderBy('l.id')
      .execute();
    return rows.map(toView);
  });
}

/**
 * Records that a printed letter went into the post on `postedOn`. From then on the clocks count the
 * letter as sent that day (see `loadComplaintSnapshot`), so the day is checked: not in the future,
 * not before the letter was issued. A letter that went out by e-mail and arrived cannot be marked
 * posted (it was sent when it was mailed); one that bounced can, after it was printed. The day is
 * recorded once: a posted letter is a fact in the dossier, not a setting.
 */
export async function markLetterPosted(
  deps: ComplaintLetterDeps,
  context: AccessContext,
  complaintId: string,
  letterId: string,
  postedOn: LocalDate,
): Promise<LetterView> {
  requireRole(context, ['coordinator', 'handler']);
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    await requireDossierAccess(tx, context, complaintId, null);
    const letter = await tx
      .selectFrom('letters')
      .select(['id', 'letter_type', 'delivery', 'status', 'issued_at', 'posted_on'])
      .where('organisation_id', '=', context.organisationId)
      .where('complaint_id', '=', complaintId)
      .where('id', '=', letterId)
      .forUpdate()
      .executeTakeFirst();
    if (!letter) throw new NotFoundError('De brief');
    if (letter.posted_on !== null) {
      throw new ConflictError(
        `Deze brief is al als verstuurd per post vastgelegd op ${letter.posted_on}.`,
        'letter_already_posted',
      );
    }
    if (letter.delivery === 'email' && letter.status !== 'undeliverable') {
      throw new ConflictError(
        'Deze brief is per e-mail verstuurd en afgeleverd; alleen een brief voor de post of een onbestelbare e-mail kan als verstuurd per post worden vastgelegd.',
        'letter_not_for_post',
      );
    }
    const issuedAt = new Date(letter.issued_at);
    const problem = checkPostedDate(postedOn, issuedAt, now);
    if (problem)
      throw new ValidationError(
        problem.message,
        [{ field: '/postedOn', message: problem.message }],
        problem.code,
      );

    await tx
      .updateTable('letters')
      .set({ posted_on: postedOn, status: 'posted' })
      .where('organisation_id', '=', context.organisationId)
      .where('id', '=', letterId)
      .execute();
    await appendDossierEvent(tx, context.organisationId, complaintId, {
      type: 'letter.posted',
      actor: context.actor,
      occurredAt: now,
      data: {
        letterId,
        letterType: letter.letter_type,
        postedOn,
        issuedOn: amsterdamDateOf(issuedAt),
        previousStatus: letter.status,
      },
    });
    // The posted day moves the moment the clocks count; their columns on the complaint follow.
    await reloadAndRefreshClocks(
      tx,
      context.organisationId,
      complaintId,
      await loadCalendar(tx, context.organisationId),
      now,
    );
    const row = await lettersQuery(tx, context.organisationId)
      .where('l.id', '=', letterId)
      .executeTakeFirstOrThrow();
    return toView(row);
  });
}
