import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionCookies } from '../session-cookie.ts';
import { SSO_REQUEST_TIMEOUT_MS } from './sso-login.service.ts';

/**
 * Binds an authorization request to the browser that started it (RFC 9700 §4.7: CSRF on the
 * redirect URI, login CSRF). SameSite=Lax on purpose: the provider sends the browser back with a
 * cross-site top-level GET, on which Lax cookies come along and Strict ones do not. HttpOnly, ten
 * minutes, `__Host-` and Secure wherever the session cookie has them.
 */
const SECURE_NAME = '__Host-kw_sso';
const PLAIN_NAME = 'kw_sso';

export interface SsoBindingCookie {
  read(request: FastifyRequest): string | undefined;
  write(request: FastifyRequest, reply: FastifyReply, secret: string): void;
  clear(request: FastifyRequest, reply: FastifyReply): void;
}

export function createSsoBindingCookie(sessionCookies: SessionCookies): SsoBindingCookie {
  const nameFor = (request: FastifyRequest) => (sessionCookies.isSecure(request) ? SECURE_NAME : PLAIN_NAME);
  const attributes = (request: FastifyRequest) =>
    ({ httpOnly: true, secure: sessionCookies.isSecure(request), sameSite: 'lax', path: '/' }) as const;
  return {
    read: (request) => request.cookies[nameFor(request)],
    write: (request, reply, secret) => {
      reply.setCookie(nameFor(request), secret, {
        ...attributes(request),
        maxAge: SSO_REQUEST_TIMEOUT_MS / 1000,
      });
    },
    clear: (request, reply) => {
      reply.clearCookie(nameFor(request), attributes(request));
    },
  };
}
