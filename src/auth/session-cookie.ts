import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CookieSecure } from '../config.ts';

/**
 * The session cookie: HttpOnly, SameSite=Lax (Strict would drop the session when someone follows a
 * link from an e-mail into the application), Path=/, no Domain, no Max-Age (it ends with the
 * browser; the server's own timeouts decide validity). When secure it also carries Secure and the
 * `__Host-` name prefix, which browsers only accept with Secure, Path=/ and no Domain, so no other
 * host or plain-HTTP page can plant or overwrite it (ASVS 3.3.1, 3.3.3).
 *
 * COOKIE_SECURE=auto treats a request addressed to localhost itself as the developer's own machine
 * (plain http://localhost:3000); every other host name gets a Secure cookie and HSTS.
 */
export const SECURE_COOKIE_NAME = '__Host-kw_session';
export const PLAIN_COOKIE_NAME = 'kw_session';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export interface SessionCookies {
  isSecure: (request: FastifyRequest) => boolean;
  read: (request: FastifyRequest) => string | undefined;
  write: (request: FastifyRequest, reply: FastifyReply, token: string) => void;
  clear: (request: FastifyRequest, reply: FastifyReply) => void;
}

export function createSessionCookies(mode: CookieSecure = 'auto'): SessionCookies {
  const isSecure = (request: FastifyRequest): boolean => {
    if (mode !== 'auto') return mode === 'always';
    return !LOCAL_HOSTS.has(hostnameOf(request.headers.host));
  };
  const nameFor = (request: FastifyRequest): string =>
    isSecure(request) ? SECURE_COOKIE_NAME : PLAIN_COOKIE_NAME;
  const attributes = (request: FastifyRequest) =>
    ({ httpOnly: true, secure: isSecure(request), sameSite: 'lax', path: '/' }) as const;
  return {
    isSecure,
    read: (request) => request.cookies[nameFor(request)],
    write: (request, reply, token) => {
      reply.setCookie(nameFor(request), token, attributes(request));
    },
    clear: (request, reply) => {
      reply.clearCookie(nameFor(request), attributes(request));
    },
  };
}

/** The Host header without its port; an absent header (HTTP/1.0) counts as not local. */
function hostnameOf(host: string | undefined): string {
  if (!host) return '';
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  return lower.split(':', 1)[0]!;
}
