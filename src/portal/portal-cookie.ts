import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CookieSecure } from '../config.ts';

/**
 * The portal session cookie: HttpOnly, SameSite=Lax (Strict would drop it when the complainant comes
 * from the link in an e-mail), Path=/portaal so staff pages never see it, no Max-Age (the server's
 * timeouts decide). When secure it also carries Secure and the `__Secure-` prefix, which browsers
 * accept only from HTTPS, so a plain-HTTP page cannot plant it. (`__Host-` would need Path=/.)
 *
 * COOKIE_SECURE=auto treats a request addressed to localhost itself as a developer's machine.
 */
export const PORTAL_PATH = '/portaal';
export const SECURE_PORTAL_COOKIE = '__Secure-kw_portal';
export const PLAIN_PORTAL_COOKIE = 'kw_portal';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export interface PortalCookies {
  isSecure(request: FastifyRequest): boolean;
  read(request: FastifyRequest): string | undefined;
  write(request: FastifyRequest, reply: FastifyReply, value: string): void;
  clear(request: FastifyRequest, reply: FastifyReply): void;
}

export function createPortalCookies(mode: CookieSecure = 'auto'): PortalCookies {
  const isSecure = (request: FastifyRequest): boolean => {
    if (mode !== 'auto') return mode === 'always';
    return !LOCAL_HOSTS.has(hostnameOf(request.headers.host));
  };
  const nameFor = (request: FastifyRequest): string =>
    isSecure(request) ? SECURE_PORTAL_COOKIE : PLAIN_PORTAL_COOKIE;
  const attributes = (request: FastifyRequest) =>
    ({ httpOnly: true, secure: isSecure(request), sameSite: 'lax', path: PORTAL_PATH }) as const;
  return {
    isSecure,
    read: (request) => request.cookies[nameFor(request)],
    write(request, reply, value) {
      reply.setCookie(nameFor(request), value, attributes(request));
    },
    clear(request, reply) {
      reply.clearCookie(nameFor(request), attributes(request));
    },
  };
}

/** The Host header without its port; no header at all (HTTP/1.0) counts as not local. */
function hostnameOf(host: string | undefined): string {
  if (!host) return '';
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  return lower.split(':', 1)[0]!;
}
