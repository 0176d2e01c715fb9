import { parseComplaintReference } from '../domain/reference-number.ts';
import { addressKey } from './mail-address.ts';
import { verifySignedMessageId, type MessageIdPayload, type SigningKey } from './message-id-signature.ts';
import type { IncomingMessage } from './parse-message.ts';

/**
 * Which dossier a reply belongs to. Threading is a confidentiality decision: mail put in the wrong
 * dossier is shown to the wrong complainant's handler and may be quoted back to the wrong person.
 * So a reply joins a dossier only on
 * - one of our own signed Message-IDs in In-Reply-To or References, or
 * - the dossier's reference tag [KL-YYYY-NNNN] in the subject, and the sender already on it.
 * Anything else — a forged or unknown id, a tag from a stranger, ids of two different dossiers —
 * goes to triage (null), where a person decides.
 */
export interface ThreadTarget {
  organisationId: string;
  complaintId: string;
  letterId: string | null;
  via: 'signed_message_id' | 'reference_tag';
}

/** What the database knows about the dossier a reference names, looked up before calling. */
export interface ReferencedDossier {
  organisationId: string;
  complaintId: string;
  /** Every address already on the dossier (complainant, representatives, earlier correspondents). */
  addresses: readonly string[];
}

export interface ThreadLookup {
  /** The organisation whose mailbox received the message: other organisations' ids never thread. */
  organisationId: string;
  /** The dossier a reference (KL-2026-0042) names in this organisation, or null. */
  dossierByReference(reference: string): ReferencedDossier | null;
}

type ThreadMessage = Pick<IncomingMessage, 'inReplyTo' | 'references' | 'subject' | 'from'>;

const REFERENCE_TAG = /\[\s*(KL-\d{4}-\d{4,})\s*\]/gi;

/** The reference tags in a subject, upper case, without duplicates: look these up first. */
export function subjectReferences(subject: string): string[] {
  const references = [...subject.matchAll(REFERENCE_TAG)]
    .map((match) => match[1]!.toUpperCase())
    .filter((reference) => parseComplaintReference(reference) !== undefined);
  return [...new Set(references)];
}

export function threadTarget(
  message: ThreadMessage,
  key: SigningKey | readonly SigningKey[],
  lookup: ThreadLookup,
): ThreadTarget | null {
  const signed = [...message.inReplyTo, ...message.references]
    .map((id) => verifySignedMessageId(id, key))
    .filter(
      (payload): payload is MessageIdPayload =>
        payload !== null && payload.organisationId === lookup.organisationId,
    );
  if (signed.length > 0) {
    const complaints = new Set(signed.map((payload) => payload.complaintId));
    if (complaints.size > 1) return null;
    // In-Reply-To comes first in the list: the letter answered directly names the letter.
    const first = signed[0]!;
    return { ...first, via: 'signed_message_id' };
  }

  const references = subjectReferences(message.subject);
  if (references.length !== 1 || message.from === null) return null;
  const dossier = lookup.dossierByReference(references[0]!);
  if (dossier === null || dossier.organisationId !== lookup.organisationId) return null;
  const sender = addressKey(message.from.address);
  if (!dossier.addresses.some((address) => addressKey(address) === sender)) return null;
  return {
    organisationId: dossier.organisationId,
    complaintId: dossier.complaintId,
    letterId: null,
    via: 'reference_tag',
  };
}
