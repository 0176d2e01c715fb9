import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The CSRF token of every portal form: an HMAC of a fixed label keyed with the portal session's own
 * secret. Only the holder of the (HttpOnly) cookie can know it, the server stores nothing, and a new
 * session — every sign-in, and the step from code to active — has a new token. SameSite=Lax already
 * keeps the cookie off cross-site posts; this is the second wall.
 */
export const CSRF_FIELD = 'csrf';

export function portalCsrfToken(sessionSecret: string): string {
  return createHmac('sha256', sessionSecret).update('klachtwijzer portal csrf v1').digest('base64url');
}

export function portalCsrfMatches(sessionSecret: string, presented: unknown): boolean {
  if (typeof presented !== 'string' || presented === '') return false;
  const expected = Buffer.from(portalCsrfToken(sessionSecret));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
