import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { AccessContext } from '../auth/access-context.ts';
import { authenticateApiToken } from '../auth/api-token.ts';
import { csrfTokenMatches, CSRF_HEADER } from '../auth/csrf.ts';
import type { SessionCookies } from '../auth/session-cookie.ts';
import { resolveSession, sessionAccess, type ResolvedSession } from '../auth/session.service.ts';
import type { Database } from '../db/schema.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    access: AccessContext | null;
    /** The browser session behind the request, when it came with the session cookie (not a bearer token). */
    staffSession: ResolvedSession | null;
  }
  interface FastifyContextConfig {
    /** Routes are authenticated unless they say `public: true`: deny by default. */
    public?: boolean;
    /**
     * Also admits a session that is still between sign-in steps (second factor, new password,
     * enrolment). Such a request has `staffSession` but no `access`: it can take the next step and
     * nothing else.
     */
    allowPendingSession?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who is asking, for every route that is not public: a bearer token (other systems) or the session
 * cookie (people in the browser), both giving the same AccessContext. A request with a Bearer
 * Authorization header is judged on that header alone; other schemes (Basic from a proxy in front
 * of a test installation) are left to whoever added them. A cookie-authenticated request that may
 * change something must carry the session's CSRF token; a bearer request needs none, because a
 * browser never adds an Authorization header on its own (no ambient credential to abuse).
 */
export function installAuthentication(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock; cookies: SessionCookies },
): void {
  app.decorateRequest('access', null);
  app.decorateRequest('staffSession', null);
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    if (config.public === true || request.routeOptions.url === undefined) return;

    const header = request.headers.authorization;
    if (header !== undefined && /^Bearer\b/i.test(header)) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const access = match ? await authenticateApiToken(deps.db, match[1]!) : undefined;
      if (!access) throw new UnauthenticatedError();
      request.access = access;
      return;
    }

    const token = deps.cookies.read(request);
    if (token === undefined) throw new UnauthenticatedError();
    const session = await resolveSession(deps, token);
    if (!session) {
      deps.cookies.clear(request, reply);
      throw new UnauthenticatedError(
        'Uw sessie is verlopen of beëindigd. Meld u opnieuw aan.',
        'session_expired',
      );
    }
    if (session.stage !== 'active' && config.allowPendingSession !== true) {
      throw new UnauthenticatedError('Rond eerst het aanmelden af.', 'login_incomplete');
    }
    if (
      !SAFE_METHODS.has(request.method) &&
      !csrfTokenMatches(session.secret, request.headers[CSRF_HEADER])
    ) {
      throw new ForbiddenError(
        'Het beveiligingstoken (X-CSRF-Token) ontbreekt of klopt niet. Laad de pagina opnieuw.',
        'csrf_token_invalid',
      );
    }
    request.staffSession = session;
    if (session.stage === 'active') request.access = sessionAccess(session);
  });
}

export function accessOf(request: FastifyRequest): AccessContext {
  if (!request.access) throw new UnauthenticatedError();
  return request.access;
}
