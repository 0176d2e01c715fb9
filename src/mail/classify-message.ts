import { readBounceReport, type BounceReport } from './bounce-report.ts';
import { headerValues } from './header-fields.ts';
import { addressKey, isMailSystemAddress } from './mail-address.ts';
import { verifySignedMessageId, type MessageIdPayload, type SigningKey } from './message-id-signature.ts';
import type { IncomingMessage } from './parse-message.ts';

/**
 * What an incoming mail is, before anyone treats it as a complaint. The order matters: our own
 * mail first (it would otherwise loop), then delivery reports (they also look automatic), then
 * automatic mail of any kind (RFC 3834 and what Zammad, RT and osTicket learned), then the rest.
 *
 * `auto_reply` is broader than "do not answer": it also keeps the mail from becoming a complaint
 * on its own. The intake should route it to triage, not drop it — a complaint sent from a mailing
 * list address or with a careless Precedence header is still a complaint.
 */
export type Classification =
  | { kind: 'complaint_candidate' }
  | { kind: 'auto_reply'; signal: AutoReplySignal }
  | ({ kind: 'bounce'; original: MessageIdPayload | null } & BounceReport)
  | { kind: 'own_mail'; signal: OwnMailSignal };

export type AutoReplySignal =
  | 'auto_submitted'
  | 'precedence'
  | 'x_auto_response_suppress'
  | 'list_id'
  | 'x_loop'
  | 'empty_return_path'
  | 'mail_system_sender'
  | 'subject';

export type OwnMailSignal = 'our_address' | 'loop_header' | 'our_message_id';

export interface ClassifyOptions {
  /** Every address we send from, including the envelope sender of our outgoing mail. */
  ourAddresses: readonly string[];
  /** The header our outgoing mail carries with its own signed Message-ID, e.g. X-Klachtwijzer-Loop. */
  loopHeaderName: string;
  /** The Message-ID signing key(s): a loop header counts only when its value verifies. */
  signingKey: SigningKey | readonly SigningKey[];
}

const AUTOMATIC_PRECEDENCE = new Set(['bulk', 'list', 'junk', 'auto_reply']);

// Only at the start and followed by a colon or nothing: "Out of office hours my card was blocked"
// is a complaint, "Out of Office: Uw klacht" is not.
const AUTOMATIC_SUBJECT =
  /^(?:automatisch antwoord|automatisch beantwoord|afwezigheidsmelding|afwezig|out of (?:the )?office(?: reply| autoreply)?|automatic reply|auto[- ]?reply|auto[- ]?response|abwesenheitsnotiz|automatische antwort)\s*(?::|$)/i;

export function classifyIncoming(message: IncomingMessage, options: ClassifyOptions): Classification {
  const own = ownMailSignal(message, options);
  if (own) return { kind: 'own_mail', signal: own };

  const bounce = readBounceReport(message);
  if (bounce) {
    const original = bounce.originalMessageId
      ? verifySignedMessageId(bounce.originalMessageId, options.signingKey)
      : null;
    return { kind: 'bounce', original, ...bounce };
  }

  const automatic = autoReplySignal(message);
  if (automatic) return { kind: 'auto_reply', signal: automatic };

  return { kind: 'complaint_candidate' };
}

function ownMailSignal(message: IncomingMessage, options: ClassifyOptions): OwnMailSignal | null {
  const ours = new Set(options.ourAddresses.map(addressKey));
  const senders = [message.from?.address, message.sender?.address, returnPathAddress(message)];
  if (senders.some((address) => address !== undefined && address !== null && ours.has(addressKey(address)))) {
    return 'our_address';
  }
  // Any other header of ours in incoming mail is the sender's word and counts for nothing.
  const loopValues = headerValues(message.headerFields, options.loopHeaderName);
  if (loopValues.some((value) => verifySignedMessageId(value, options.signingKey) !== null))
    return 'loop_header';
  if (
    message.messageIdSource === 'header' &&
    verifySignedMessageId(message.messageId, options.signingKey) !== null
  ) {
    return 'our_message_id';
  }
  return null;
}

function autoReplySignal(message: IncomingMessage): AutoReplySignal | null {
  const headers = message.headers;
  const autoSubmitted = firstToken(headers.autoSubmitted);
  if (autoSubmitted !== null && autoSubmitted !== 'no') return 'auto_submitted';
  const precedence = firstToken(headers.precedence);
  if (precedence !== null && AUTOMATIC_PRECEDENCE.has(precedence)) return 'precedence';
  const suppress = (headers.xAutoResponseSuppress ?? '').toLowerCase().split(/[\s,]+/);
  if (suppress.includes('all') || suppress.includes('oof')) return 'x_auto_response_suppress';
  if (headers.listId !== null) return 'list_id';
  if (headers.xLoop.length > 0) return 'x_loop';
  if (headers.returnPath !== null && /^<\s*>$/.test(headers.returnPath.trim())) return 'empty_return_path';
  if (message.from !== null && isMailSystemAddress(message.from.address)) return 'mail_system_sender';
  if (AUTOMATIC_SUBJECT.test(message.subject)) return 'subject';
  return null;
}

/** The keyword before any parameters or comments: "auto-replied; owner-email=..." → "auto-replied". */
function firstToken(value: string | null): string | null {
  if (value === null) return null;
  const token = value
    .replace(/\([^)]*\)/g, ' ')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  return token === '' ? null : token;
}

function returnPathAddress(message: IncomingMessage): string | null {
  const match = /<([^<>\s]+@[^<>\s]+)>/.exec(message.headers.returnPath ?? '');
  return match ? match[1]! : null;
}
