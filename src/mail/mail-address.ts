/** A mailbox as it appears in From, To, Cc or Reply-To. */
export interface MailAddress {
  /** As written; compare with `sameAddress`. */
  address: string;
  name: string;
}

/**
 * Addresses are compared without case: local parts are case-sensitive on paper, but no mail system
 * a complainant uses treats Jan@ and jan@ as two people, and treating them as two would split one
 * person's mail over triage and their dossier.
 */
export function addressKey(address: string): string {
  return address.trim().replace(/^<|>$/g, '').toLowerCase();
}

export function sameAddress(a: string, b: string): boolean {
  return addressKey(a) === addressKey(b);
}

/** Mail system senders (RFC 3834 §2, RFC 5321 §4.5.1): they never write a complaint. */
export function isMailSystemAddress(address: string): boolean {
  const local = addressKey(address).split('@')[0] ?? '';
  return local === 'mailer-daemon' || local === 'postmaster';
}
