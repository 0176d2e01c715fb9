import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Clock } from '../../clock.ts';
import type { Database } from '../../db/schema.ts';
import { accessOf } from '../../http/authentication.ts';
import { DateTime, IdParams, problemResponses, Uuid } from '../../http/common-schemas.ts';
import { jsonify } from '../../http/json.ts';
import type { ClientInfo } from '../identity-deps.ts';
import { listSsoIdentities, unlinkSsoIdentity } from './sso-identity-admin.service.ts';

const IdentitySchema = Type.Object({
  userId: Uuid,
  issuer: Type.String(),
  linkedAt: DateTime,
  lastUsedAt: Type.Union([DateTime, Type.Null()]),
});

/** The administrator's view of single sign-on links: who is linked, and unlinking one. */
export function registerSsoIdentityAdminRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock; clientInfo: (request: FastifyRequest) => ClientInfo },
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/v1/organisation/sso/identities',
    {
      schema: {
        tags: ['users'],
        summary: 'Which users are linked to an account at the identity provider (administrator)',
        response: { 200: Type.Array(IdentitySchema), ...problemResponses() },
      },
    },
    async (request) => jsonify(await listSsoIdentities(deps, accessOf(request))),
  );

  api.post(
    '/api/v1/users/:id/sso/unlink',
    {
      schema: {
        tags: ['users'],
        summary: "Unlink a user's identity-provider account (administrator); ends their SSO sessions",
        params: IdParams,
        response: {
          200: Type.Object({
            unlinked: Type.Integer({ minimum: 0 }),
            sessionsEnded: Type.Integer({ minimum: 0 }),
          }),
          ...problemResponses(404),
        },
      },
    },
    async (request) =>
      unlinkSsoIdentity(deps, accessOf(request), request.params.id, deps.clientInfo(request)),
  );
}
