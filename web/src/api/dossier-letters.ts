import { api } from './client.ts';

/** Letter types the server can preview for a complaint (POST /complaints/:id/letters/preview). */
export type PreviewLetterType =
  | 'acknowledgment'
  | 'information_request'
  | 'delay_notice'
  | 'meeting_invitation'
  | 'meeting_confirmation'
  | 'decision'
  | 'hearing_request'
  | 'hearing_statement'
  | 'insurer_notification'
  | 'insurer_consultation_record';

/** For the letters written from what their step stores: the step's input, not stored by a preview. */
export interface PreviewStepInput {
  scheduledFor?: string;
  consultedAt?: string;
  withWhom?: string;
  agreed?: string;
  statementText?: string;
}

export interface PreviewRequest {
  type: PreviewLetterType;
  fields?: Record<string, unknown>;
  employeeId?: string;
  step?: PreviewStepInput;
}

export interface LetterPreview {
  type: string;
  /** The letter could go out as it is. */
  complete: boolean;
  /** Dutch, one per missing or wrong required element; the PDF then says CONCEPT. */
  problems: string[];
  subject: string;
  fileName: string;
  mediaType: 'application/pdf';
  /** The PDF, base64. */
  pdf: string;
}

export type LetterDelivery = 'email' | 'post';

export interface Letter {
  id: string;
  letterType: string;
  language: string;
  recipientKind: string;
  recipientName: string;
  delivery: LetterDelivery;
  status: 'sent' | 'posted' | 'undeliverable';
  documentId: string;
  pdfSha256: string;
  issuedAt: string;
  issuedBy: string | null;
  postedOn: string | null;
  undeliverableAt: string | null;
  automatic: boolean;
}

const id = (value: string) => encodeURIComponent(value);

export const letters = {
  list: (complaintId: string) => api.request<Letter[]>('GET', `/complaints/${id(complaintId)}/letters`),
  preview: (complaintId: string, body: PreviewRequest) =>
    api.request<LetterPreview>('POST', `/complaints/${id(complaintId)}/letters/preview`, { json: body }),
  markPosted: (complaintId: string, letterId: string, postedOn: string) =>
    api.request<Letter>('POST', `/complaints/${id(complaintId)}/letters/${id(letterId)}/posted`, {
      json: { postedOn },
    }),
};

/**
 * A printed letter still waiting for its day in the post: issued for post, or an e-mail that
 * bounced (the server accepts both, and only once).
 */
export function awaitsPosting(letter: Letter): boolean {
  if (letter.postedOn !== null) return false;
  return letter.delivery === 'post' || letter.status === 'undeliverable';
}

/** The base64 PDF of a preview as a blob URL the browser can show; revoke it when done. */
export function pdfUrlOf(preview: LetterPreview): string {
  const bytes = Uint8Array.from(atob(preview.pdf), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}
