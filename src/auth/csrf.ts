import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Synchronizer token against cross-site request forgery, bound to the session: an HMAC of a fixed
 * label keyed with the session's own secret. Only someone holding the (HttpOnly) cookie can compute
 * it, the server needs to store nothing, and a new session (every sign-in) has a new token. The web
 * client reads it from GET /api/v1/auth/session and sends it as X-CSRF-Token on every request that
 * changes something.
 */
export const CSRF_HEADER = 'x-csrf-token';

export function csrfTokenFor(sessionSecret: string): string {
  return createHmac('sha256', sessionSecret).update('klachtwijzer csrf v1').digest('base64url');
}

export function csrfTokenMatches(sessionSecret: string, presented: string | string[] | undefined): boolean {
  if (typeof presented !== 'string' || presented === '') return false;
  const expected = Buffer.from(csrfTokenFor(sessionSecret));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
