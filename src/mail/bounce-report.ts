import { firstHeader, messageIdList, readHeaderFields } from './header-fields.ts';
import { isMailSystemAddress } from './mail-address.ts';
import type { IncomingMessage } from './parse-message.ts';

/**
 * A delivery report about a message we sent: a multipart/report of report-type delivery-status
 * (RFC 3464), or — from mail systems that do not follow it — a message from MAILER-DAEMON or
 * postmaster with the original attached. The original's Message-ID links the report to the letter.
 */
export interface BounceReport {
  /** Message-ID of the message that could not be delivered, from the returned copy or its headers. */
  originalMessageId: string | null;
  /** RFC 3464 Action of the first recipient: "failed", "delayed", "delivered", ... */
  action: string | null;
  /** RFC 3463 status code of the first recipient, e.g. "5.1.1". */
  status: string | null;
}

const RETURNED_ORIGINAL = new Set([
  'message/rfc822',
  'message/global',
  'text/rfc822-headers',
  'message/global-headers',
]);
const STATUS_PARTS = new Set(['message/delivery-status', 'message/global-delivery-status']);

export function readBounceReport(message: IncomingMessage): BounceReport | null {
  const isDeliveryReport =
    message.contentType === 'multipart/report' && message.reportType === 'delivery-status';
  const returned = message.attachments.find((attachment) =>
    RETURNED_ORIGINAL.has(attachment.declaredContentType),
  );
  const fromMailSystem = message.from !== null && isMailSystemAddress(message.from.address);
  if (!isDeliveryReport && !(fromMailSystem && returned)) return null;

  const statusPart = message.attachments.find((attachment) =>
    STATUS_PARTS.has(attachment.declaredContentType),
  );
  const recipient = statusPart ? firstRecipientFields(statusPart.content) : null;
  const originalFields = returned ? readHeaderFields(returned.content) : null;
  return {
    originalMessageId:
      messageIdList(originalFields ? firstHeader(originalFields, 'message-id') : null)[0] ?? null,
    action: recipient?.action ?? null,
    status: recipient?.status ?? null,
  };
}

/** The delivery-status body is a per-message block and then one block per recipient. */
function firstRecipientFields(content: Buffer): { action: string | null; status: string | null } | null {
  const blocks = content.toString('utf8').split(/\r?\n[ \t]*\r?\n/);
  for (const block of blocks) {
    const fields = readHeaderFields(Buffer.from(block.trim(), 'utf8'));
    if (fields === null) continue;
    const action = firstHeader(fields, 'action');
    const status = firstHeader(fields, 'status');
    if (action !== null || status !== null) {
      return {
        action: action?.toLowerCase() ?? null,
        status: /^\d\.\d{1,3}\.\d{1,3}/.exec(status ?? '')?.[0] ?? null,
      };
    }
  }
  return null;
}
