import type { Zippable } from 'fflate';
import {
  exportPath,
  HEARING_REVIEW,
  INSURER_REVIEW,
  reviewOfItemKind,
  reviewOfLetter,
  type Review,
} from '../domain/privacy/access-request.ts';
import type { DossierForExport, OtherRecords } from './access-export.repository.ts';

/**
 * The parts of the access export's overzicht.json, each adding its files to the ZIP on the way and
 * counting what it marked for review.
 */
/** One dossier as it goes into overzicht.json, with its files added to the ZIP on the way. */
export function exportDossier(
  dossier: DossierForExport,
  files: Zippable,
): { json: unknown; flagged: number } {
  let flagged = 0;
  const mark = (review: Review | null): Review | null => {
    if (review) flagged++;
    return review;
  };
  const { complaint } = dossier;
  const itemReview = new Map(dossier.items.map((item) => [item.id, reviewOfItemKind(item.kind)]));
  const letterReview = new Map(
    dossier.letters.map((l) => [l.document_id, reviewOfLetter(l.recipient_kind, l.letter_type)]),
  );
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
      review: mark(reviewOfLetter(letter.recipient_kind, letter.letter_type)),
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
 * What is about the person outside their dossiers: intake items, and cancellation requests with
 * the letters sent about them (a confirmation is the customer's own letter; the PDF goes along).
 */
export function exportOtherRecords(other: OtherRecords, files: Zippable) {
  let flagged = 0;
  const cancellationRequests = other.cancellations.map(({ id, ...request }) => ({
    ...request,
    letters: other.letters
      .filter((letter) => letter.cancellation_request_id === id)
      .map((letter) => {
        const review = reviewOfLetter(letter.recipient_kind, letter.letter_type);
        if (review) flagged++;
        const path =
          letter.document_id && letter.file_name && letter.document_content
            ? exportPath(request.reference, letter.document_id, letter.file_name, review !== null)
            : null;
        if (path && letter.document_content) files[path] = [letter.document_content, { level: 0 }];
        return {
          letterType: letter.letter_type,
          recipientKind: letter.recipient_kind,
          delivery: letter.delivery,
          status: letter.status,
          issuedAt: letter.issued_at,
          content: letter.content,
          document: letter.document_id
            ? {
                fileName: letter.file_name,
                mediaType: letter.media_type,
                sizeBytes: Number(letter.size_bytes),
                sha256: letter.sha256,
                path,
              }
            : null,
          review,
        };
      }),
  }));
  return {
    json: { otherIntakeItems: other.intakeItems, otherCancellationRequests: cancellationRequests },
    flagged,
  };
}
