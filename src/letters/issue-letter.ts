import type { AccessContext } from '../auth/access-context.ts';
import type { LettersTable } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';
import { attachDocument } from '../dossier/attach-document.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import { newId } from '../ids.ts';
import { createSignedMessageId } from '../mail/message-id-signature.ts';
import type { Secrets } from '../secrets.ts';
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
 * Files the letter exactly as sent — the PDF with its SHA-256, never rendered again — and, for
 * e-mail, puts the mail in the outbox, all in the caller's transaction: the letter, its mail and the
 * step that caused them commit together or not at all.
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
  if (!letter.dossierId) throw new Error('a letter is always filed in a dossier');
  const attached = await attachDocument(
    tx,
    organisationId,
    letter.dossierId,
    context.actor,
    context.userId,
    {
      fileName: letter.fileName,
      mediaType: 'application/pdf',
      content: letter.pdf,
      title: letter.subject,
      kind: 'letter',
    },
    now,
  );
  const extras = [];
  for (const extra of letter.extraAttachments ?? []) {
    const stored = await attachDocument(
      tx,
      organisationId,
      letter.dossierId,
      context.actor,
      context.userId,
      {
        fileName: extra.fileName,
        mediaType: extra.mediaType,
        content: extra.content,
        title: extra.fileName,
        kind: 'letter',
      },
      now,
    );
    extras.push({ documentId: stored.documentId, fileName: extra.fileName, mediaType: extra.mediaType });
  }
  const messageId =
    letter.delivery === 'email'
      ? createSignedMessageId(
          { organisationId, complaintId: letter.dossierId, letterId },
          secrets.messageIdKey,
          mailDomain,
        )
      : null;
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
