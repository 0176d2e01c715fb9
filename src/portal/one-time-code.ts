import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Six-digit codes sent by e-mail when a portal link is used a second time. Stored as an HMAC keyed
 * with the secret of the browser session that asked for the code: six digits are a million guesses
 * away from any plain hash, but without the session secret (which only the browser holds) the
 * stored value says nothing. The same key also ties the code to that browser: a code read from the
 * mail works only where it was requested.
 */
export const CODE_LENGTH = 6;

export function newOneTimeCode(): string {
  return String(randomInt(0, 10 ** CODE_LENGTH)).padStart(CODE_LENGTH, '0');
}

export function codeHmac(sessionSecret: string, code: string): string {
  return createHmac('sha256', sessionSecret).update(`klachtwijzer portal code v1\n${code}`).digest('hex');
}

/** Spaces and dashes people type between groups are ignored; anything else makes it no code at all. */
export function normaliseCodeInput(raw: string): string | null {
  const digits = raw.normalize('NFKC').replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${CODE_LENGTH}}$`).test(digits) ? digits : null;
}

export function codeMatches(sessionSecret: string, code: string, storedHmac: string): boolean {
  const expected = Buffer.from(storedHmac, 'hex');
  const given = Buffer.from(codeHmac(sessionSecret, code), 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
