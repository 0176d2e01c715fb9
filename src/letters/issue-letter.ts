import type { AccessContext } from '../auth/access-context.ts';
import type { LettersTable } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';
import { attachDocument } from '../dossier/attach-document.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import { newId } from '../ids.ts';
import { createSignedMessageId } from '../mail/message-id-signature.ts';
import type { Secrets } from '../secrets.ts';
import { fileWithCancellationRequest } from './cancellation-documents.ts';
import { enqueueMail } from './outbox.repository.ts';

export interface LetterToIssue {
  complaintId: string | null;
  cancellationRequestId: string | null;
  /** The dossier the letter is filed in (a cancellation linked to a complaint files it there). */
  dossierId: string | null;
  letterType: string;
  language: 'nl' | 'en';
  recipientKind: LettersTable['recipient_kind'];
  recipientName: string;
  recipientEmail: string | null;
  delivery: 'email' | 'post';
  /** Mail that no person looked at before it went out carries Auto-Submitted: auto-generated. */
  automatic: boolean;
  subject: string;
  text: string;
  pdf: Uint8Array;
  fileName: string;
  /** The named fields as composed: kept so the letter can be shown, never used to render again. */
  content: unknown;
  extraAttachments?: Array<{ fileName: string; mediaType: string; content: Uint8Array }>;
}

export interface IssuedLetter {
  letterId: string;
  documentId: string;
  pdfSha256: string;
  messageId: string | null;
}

/**
 * Files the letter exactly as sent — the PDF with its SHA-256, never rendered again — in the dossier
 * (or with a cancellation request that has none) and, for e-mail, puts the mail in the outbox, all
 * in the caller's transaction: the letter, its mail and the step that caused them commit together
 * or not at all.
 */
export async function issueLetter(
  tx: Tx,
  context: AccessContext,
  secrets: Secrets,
  mailDomain: string,
  letter: LetterToIssue,
  now: Date,
): Promise<IssuedLetter> {
  const organisationId = context.organisationId;
  const letterId = newId();
  const file = async (name: string, mediaType: string, content: Uint8Array, title: string) =>
    letter.dossierId
      ? attachDocument(
          tx,
          organisationId,
          letter.dossierId,
          context.actor,
          context.userId,
          { fileName: name, mediaType, content, title, kind: 'letter' },
          now,
        )
      : letter.cancellationRequestId
        ? fileWithCancellationRequest(
            tx,
            organisationId,
            letter.cancellationRequestId,
            { fileName: name, mediaType, content },
            now,
          )
        : Promise.reject(new Error('a letter is filed in a dossier or with its cancellation request'));
  const attached = await file(letter.fileName, 'application/pdf', letter.pdf, letter.subject);
  const extras = [];
  for (const extra of letter.extraAttachments ?? []) {
    const stored = await file(extra.fileName, extra.mediaType, extra.content, extra.fileName);
    extras.push({ documentId: stored.documentId, fileName: extra.fileName, mediaType: extra.mediaType });
  }
  const messageId =
    letter.delivery !== 'email'
      ? null
      : letter.dossierId
        ? createSignedMessageId(
            { organisationId, complaintId: letter.dossierId, letterId },
            secrets.messageIdKey,
            mailDomain,
          )
        : // Without a dossier there is nothing to thread a reply into: an answer arrives in the
          // intake queue like any new mail (docs/decisions/0005-cancellation-documents.md).
          `<kw-op.${letterId}@${mailDomain}>`;
  await tx
    .insertInto('letters')
    .values({
      organisation_id: organisationId,
      id: letterId,
      complaint_id: letter.complaintId,
      cancellation_request_id: letter.cancellationRequestId,
      letter_type: letter.letterType,
      language: letter.language,
      recipient_kind: letter.recipientKind,
      recipient_name: letter.recipientName,
      recipient_email: letter.recipientEmail,
      delivery: letter.delivery,
      status: letter.delivery === 'email' ? 'sent' : 'posted',
      content: JSON.stringify(letter.content),
      document_id: attached.documentId,
      pdf_sha256: attached.sha256,
      message_id: messageId,
      issued_at: now,
      issued_by: context.userId,
      posted_on: null,
      undeliverable_at: null,
    })
    .execute();
  if (messageId && letter.recipientEmail) {
    await enqueueMail(
      tx,
      organisationId,
      {
        letterId,
        complaintId: letter.dossierId,
        messageId,
        recipient: letter.recipientEmail,
        subject: letter.subject,
        textBody: letter.text,
        attachments: [
          { documentId: attached.documentId, fileName: letter.fileName, mediaType: 'application/pdf' },
          ...extras,
        ],
        automatic: letter.automatic,
      },
      now,
    );
  }
  if (!letter.dossierId) {
    return { letterId, documentId: attached.documentId, pdfSha256: attached.sha256, messageId };
  }
  await appendDossierEvent(tx, organisationId, letter.dossierId, {
    type: 'letter.issued',
    actor: context.actor,
    occurredAt: now,
    data: {
      letterId,
      letterType: letter.letterType,
      delivery: letter.delivery,
      documentId: attached.documentId,
      pdfSha256: attached.sha256,
      automatic: letter.automatic,
    },
  });
  return { letterId, documentId: attached.documentId, pdfSha256: attached.sha256, messageId };
}
