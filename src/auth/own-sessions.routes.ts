import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { DateTime, NullableString, problemResponses } from '../http/common-schemas.ts';
import { jsonify } from '../http/json.ts';
import type { ClientInfo } from './identity-deps.ts';
import { endOwnSessions, listOwnSessions } from './own-sessions.service.ts';
import type { SessionCookies } from './session-cookie.ts';
import { requireSession } from './session.service.ts';

const OwnSessionSchema = Type.Object({
  id: Type.String({ description: 'Opaque handle, only good for ending this session' }),
  current: Type.Boolean(),
  signInMethod: Type.Union([Type.Literal('password'), Type.Literal('sso')]),
  createdAt: DateTime,
  lastUsedAt: DateTime,
  expiresAt: DateTime,
  client: NullableString,
  network: NullableString,
});
const EndedSchema = Type.Object({ ended: Type.Integer({ minimum: 0 }), current: Type.Boolean() });
const HandleParams = Type.Object(
  { id: Type.String({ pattern: '^[0-9a-f]{32}$' }) },
  { additionalProperties: false },
);

/** The signed-in person's own sessions: see them and end them (ASVS 7.5.2). Browser sessions only. */
export function registerOwnSessionRoutes(
  app: FastifyInstance,
  deps: {
    db: Kysely<Database>;
    clock: Clock;
    cookies: SessionCookies;
    clientInfo: (request: FastifyRequest) => ClientInfo;
  },
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/v1/auth/sessions',
    {
      schema: {
        tags: ['auth'],
        summary: 'My active sessions: when they began and were last used, how, and on what browser',
        response: { 200: Type.Array(OwnSessionSchema), ...problemResponses() },
      },
    },
    async (request) => jsonify(await listOwnSessions(deps, requireSession(request.staffSession))),
  );

  const ended = (request: FastifyRequest, reply: FastifyReply, count: number, current: boolean) => {
    if (current) deps.cookies.clear(request, reply);
    return { ended: count, current };
  };

  api.post(
    '/api/v1/auth/sessions/:id/end',
    {
      schema: {
        tags: ['auth'],
        summary: 'End one of my sessions (another person’s, or an unknown one, is 404)',
        params: HandleParams,
        response: { 200: EndedSchema, ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const session = requireSession(request.staffSession);
      const result = await endOwnSessions(
        deps,
        session,
        { handle: request.params.id },
        deps.clientInfo(request),
      );
      return ended(request, reply, result.count, result.includesCurrent);
    },
  );

  api.post(
    '/api/v1/auth/sessions/end-others',
    {
      schema: {
        tags: ['auth'],
        summary: 'End all my sessions except this one',
        response: { 200: EndedSchema, ...problemResponses() },
      },
    },
    async (request, reply) => {
      const session = requireSession(request.staffSession);
      const result = await endOwnSessions(deps, session, 'others', deps.clientInfo(request));
      return ended(request, reply, result.count, false);
    },
  );
}
