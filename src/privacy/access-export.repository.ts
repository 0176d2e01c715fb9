import { sql } from 'kysely';
import type { Tx } from '../db/tenant.ts';
import type { SubjectKind } from '../domain/privacy/access-request.ts';

/** Everything the access export reads, one query per table, scoped by organisation. */
const matches = (column: string, kind: SubjectKind, subject: string) =>
  kind === 'email'
    ? sql<boolean>`lower(trim(${sql.ref(column)})) = ${subject}`
    : sql<boolean>`lower(regexp_replace(trim(${sql.ref(column)}), '\\s+', ' ', 'g')) = ${subject}`;

export async function findSubjectComplaintIds(
  tx: Tx,
  organisationId: string,
  kind: SubjectKind,
  subject: string,
): Promise<string[]> {
  const column = kind === 'email' ? 'p.email' : 'p.name';
  const rows = await tx
    .selectFrom('complaints as c')
    .innerJoin('complainants as p', (j) =>
      j.onRef('p.organisation_id', '=', 'c.organisation_id').onRef('p.id', '=', 'c.complainant_id'),
    )
    .select('c.id')
    .where('c.organisation_id', '=', organisationId)
    .where('c.anonymised_at', 'is', null)
    .where(matches(column, kind, subject))
    .orderBy('c.received_at')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The dossier's own files and those of a cancellation request linked to it that were filed with
 * the request before the link (decision 0005: a confirmation sent while it belonged to no complaint).
 */
const ofDossierOrLinkedCancellation = (organisationId: string, complaintId: string) =>
  sql<boolean>`(complaint_id = ${complaintId} OR cancellation_request_id IN (
    SELECT id FROM cancellation_requests WHERE organisation_id = ${organisationId} AND complaint_id = ${complaintId}))`;

export async function loadDossierForExport(tx: Tx, organisationId: string, complaintId: string) {
  const complaint = await tx
    .selectFrom('complaints as c')
    .innerJoin('complainants as p', (j) =>
      j.onRef('p.organisation_id', '=', 'c.organisation_id').onRef('p.id', '=', 'c.complainant_id'),
    )
    .select([
      'c.id',
      'c.reference',
      'c.channel',
      'c.received_at',
      'c.status',
      'c.product',
      'c.description',
      'c.desired_outcome',
      'c.category',
      'c.root_cause',
      'c.outcome',
      'c.acknowledgment_sent_at',
      'c.decision_communicated_at',
      'c.closed_at',
      'c.withdrawn_at',
      'p.name as complainant_name',
      'p.email as complainant_email',
      'p.phone as complainant_phone',
      'p.street as complainant_street',
      'p.postal_code as complainant_postal_code',
      'p.city as complainant_city',
      'p.country as complainant_country',
    ])
    .where('c.organisation_id', '=', organisationId)
    .where('c.id', '=', complaintId)
    .executeTakeFirstOrThrow();
  const items = await tx
    .selectFrom('dossier_items')
    .select(['id', 'kind', 'title', 'body', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const documents = await tx
    .selectFrom('documents')
    .select(['id', 'item_id', 'file_name', 'media_type', 'size_bytes', 'sha256', 'content', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .where(ofDossierOrLinkedCancellation(organisationId, complaintId))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const letters = await tx
    .selectFrom('letters')
    .select([
      'id',
      'letter_type',
      'recipient_kind',
      'delivery',
      'status',
      'content',
      'document_id',
      'issued_at',
    ])
    .where('organisation_id', '=', organisationId)
    .where(ofDossierOrLinkedCancellation(organisationId, complaintId))
    .orderBy('issued_at')
    .orderBy('id')
    .execute();
  const sentMail = await tx
    .selectFrom('outbox')
    .select(['recipient', 'subject', 'text_body', 'status', 'sent_at', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .execute();
  const informationRequests = await tx
    .selectFrom('information_requests')
    .select(['sent_at', 'what_is_missing', 'answered_at'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .orderBy('sent_at')
    .execute();
  const hearings = await tx
    .selectFrom('hearings')
    .select([
      'status',
      'requested_at',
      'request_text',
      'statement_recorded_at',
      'statement_text',
      'signed_at',
      'waived_reason',
    ])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .execute();
  const insurerConsultations = await tx
    .selectFrom('insurer_consultations')
    .select(['consulted_at', 'with_whom', 'agreed'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .orderBy('consulted_at')
    .execute();
  const delayNotices = await tx
    .selectFrom('delay_notices')
    .select(['sent_at', 'reason', 'new_date'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .orderBy('sent_at')
    .execute();
  const meetings = await tx
    .selectFrom('meetings')
    .select(['invited_at', 'scheduled_for', 'confirmed_at', 'held_at', 'minutes'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .execute();
  const kifidReferral = await tx
    .selectFrom('kifid_referrals')
    .select(['case_number', 'outcome', 'outcome_code', 'outcome_on', 'recorded_at'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .executeTakeFirst();
  const intakeItems = await tx
    .selectFrom('intake_items')
    .select(['channel', 'received_at', 'sender_name', 'sender_email', 'subject', 'body_text'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .execute();
  const cancellations = await tx
    .selectFrom('cancellation_requests')
    .select([
      'reference',
      'received_at',
      'customer_name',
      'customer_email',
      'policies',
      'effective_date',
      'status',
    ])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .execute();
  const events = await tx
    .selectFrom('dossier_events')
    .select(['sequence', 'type', 'actor_kind', 'occurred_at'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .orderBy('sequence')
    .execute();
  return {
    complaint,
    items,
    documents,
    letters,
    sentMail,
    informationRequests,
    hearings,
    insurerConsultations,
    delayNotices,
    meetings,
    kifidReferral: kifidReferral ?? null,
    intakeItems,
    cancellations,
    events,
  };
}

export type DossierForExport = Awaited<ReturnType<typeof loadDossierForExport>>;

/**
 * What came in about the person outside the dossiers found for them: questions and other intake
 * items, and cancellation requests — unlinked, or linked to a complaint registered in someone
 * else's name — with the letters sent about them and those letters' PDFs.
 */
export async function loadOtherRecords(
  tx: Tx,
  organisationId: string,
  kind: SubjectKind,
  subject: string,
  foundComplaintIds: readonly string[],
) {
  const outsideFound =
    foundComplaintIds.length === 0
      ? sql<boolean>`true`
      : sql<boolean>`(complaint_id IS NULL OR complaint_id NOT IN (${sql.join(foundComplaintIds)}))`;
  const intakeItems = await tx
    .selectFrom('intake_items')
    .select(['channel', 'received_at', 'kind', 'sender_name', 'sender_email', 'subject', 'body_text'])
    .where('organisation_id', '=', organisationId)
    .where(outsideFound)
    .where(matches(kind === 'email' ? 'sender_email' : 'sender_name', kind, subject))
    .orderBy('received_at')
    .execute();
  const cancellations = await tx
    .selectFrom('cancellation_requests')
    .select([
      'id',
      'reference',
      'received_at',
      'customer_name',
      'customer_email',
      'policies',
      'effective_date',
      'status',
      'confirmed_at',
      'processed_at',
    ])
    .where('organisation_id', '=', organisationId)
    .where(outsideFound)
    .where(matches(kind === 'email' ? 'customer_email' : 'customer_name', kind, subject))
    .orderBy('received_at')
    .execute();
  const ids = cancellations.map((c) => c.id);
  const letters =
    ids.length === 0
      ? []
      : await tx
          .selectFrom('letters as l')
          .leftJoin('documents as d', (j) =>
            j.onRef('d.organisation_id', '=', 'l.organisation_id').onRef('d.id', '=', 'l.document_id'),
          )
          .select([
            'l.cancellation_request_id',
            'l.letter_type',
            'l.recipient_kind',
            'l.delivery',
            'l.status',
            'l.content',
            'l.issued_at',
            'd.id as document_id',
            'd.file_name',
            'd.media_type',
            'd.size_bytes',
            'd.sha256',
            'd.content as document_content',
          ])
          .where('l.organisation_id', '=', organisationId)
          .where('l.cancellation_request_id', 'in', ids)
          .orderBy('l.issued_at')
          .orderBy('l.id')
          .execute();
  return { intakeItems, cancellations, letters };
}

export type OtherRecords = Awaited<ReturnType<typeof loadOtherRecords>>;
