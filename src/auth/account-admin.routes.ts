import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { accessOf } from '../http/authentication.ts';
import { DateTime, IdParams, problemResponses, Uuid } from '../http/common-schemas.ts';
import { jsonify } from '../http/json.ts';
import { Type } from 'typebox';
import { disableUser, getAccountSecurity } from './account-admin.service.ts';
import { AccountSecuritySchema, InvitationSchema } from './auth.schemas.ts';
import { endAllSessions, endUserSessions } from './session-admin.service.ts';
import type { ClientInfo } from './identity-deps.ts';
import { inviteUser } from './invitation.service.ts';

const UserSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  disabled: Type.Boolean(),
  createdAt: DateTime,
});

/** The administrator's side of accounts: invitation links, disabling, the sign-in record. */
export function registerAccountAdminRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock; clientInfo: (request: FastifyRequest) => ClientInfo },
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/api/v1/users/:id/invite',
    {
      schema: {
        tags: ['users'],
        summary: 'Create an invitation link for a user without a password (administrator; shown once)',
        params: IdParams,
        response: { 201: InvitationSchema, ...problemResponses(404, 409) },
      },
    },
    async (request, reply) => {
      const link = await inviteUser(deps, accessOf(request), request.params.id, deps.clientInfo(request));
      return reply
        .status(201)
        .send({ link: link.path, token: link.token, expiresAt: link.expiresAt.toISOString() });
    },
  );

  api.post(
    '/api/v1/users/:id/disable',
    {
      schema: {
        tags: ['users'],
        summary: 'Disable a user (administrator): sign-in stops and every session ends at once',
        params: IdParams,
        response: { 200: UserSchema, ...problemResponses(404, 409) },
      },
    },
    async (request) =>
      jsonify(await disableUser(deps, accessOf(request), request.params.id, deps.clientInfo(request))),
  );

  const Ended = { 200: Type.Object({ ended: Type.Integer({ minimum: 0 }) }) };

  api.post(
    '/api/v1/users/:id/sessions/end',
    {
      schema: {
        tags: ['users'],
        summary: 'End every session of a user without disabling the account (administrator)',
        params: IdParams,
        response: { ...Ended, ...problemResponses(404) },
      },
    },
    async (request) => endUserSessions(deps, accessOf(request), request.params.id, deps.clientInfo(request)),
  );

  api.post(
    '/api/v1/organisation/sessions/end',
    {
      schema: {
        tags: ['users'],
        summary: "End every session of the organisation except the administrator's own (administrator)",
        response: { ...Ended, ...problemResponses() },
      },
    },
    async (request) =>
      endAllSessions(deps, accessOf(request), request.staffSession?.id ?? null, deps.clientInfo(request)),
  );

  api.get(
    '/api/v1/users/:id/security',
    {
      schema: {
        tags: ['users'],
        summary: 'Sign-in record of a user (administrator): lockouts, last logins, recent events',
        params: IdParams,
        response: { 200: AccountSecuritySchema, ...problemResponses(404) },
      },
    },
    async (request) => jsonify(await getAccountSecurity(deps, accessOf(request), request.params.id)),
  );
}
