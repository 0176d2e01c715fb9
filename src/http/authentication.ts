import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AccessContext } from '../auth/access-context.ts';
import { authenticateApiToken } from '../auth/api-token.ts';
import type { Database } from '../db/schema.ts';
import { UnauthenticatedError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    access: AccessContext | null;
  }
  interface FastifyContextConfig {
    /** Routes are authenticated unless they say `public: true`: deny by default. */
    public?: boolean;
  }
}

export function installAuthentication(app: FastifyInstance, db: Kysely<Database>): void {
  app.decorateRequest('access', null);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public === true || request.routeOptions.url === undefined) return;
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new UnauthenticatedError();
    const access = await authenticateApiToken(db, match[1]!);
    if (!access) throw new UnauthenticatedError();
    request.access = access;
  });
}

export function accessOf(request: FastifyRequest): AccessContext {
  if (!request.access) throw new UnauthenticatedError();
  return request.access;
}
