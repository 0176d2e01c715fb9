import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { InvitationSchema } from '../auth/auth.schemas.ts';
import type { ClientInfo } from '../auth/identity-deps.ts';
import { inviteNewUser, listPendingInvitations, revokeInvitation } from '../auth/invitation-admin.service.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { accessOf } from '../http/authentication.ts';
import { DateTime, IdParams, problemResponses, Uuid } from '../http/common-schemas.ts';
import { jsonify } from '../http/json.ts';
import { changeUserRoles } from './user-roles.service.ts';

const RoleSchema = Type.Union([
  Type.Literal('coordinator'),
  Type.Literal('handler'),
  Type.Literal('employee'),
  Type.Literal('auditor'),
  Type.Literal('admin'),
]);
const Roles = Type.Array(RoleSchema, { minItems: 1, maxItems: 5 });

const UserSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(RoleSchema),
  disabled: Type.Boolean(),
  createdAt: DateTime,
});

const PendingInvitationSchema = Type.Object({
  userId: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(RoleSchema),
  invitedAt: DateTime,
  invitedBy: Type.Union([Uuid, Type.Null()]),
  expiresAt: DateTime,
});

/** Users and roles as the administrator manages them: invitations, revoking them, roles. */
export function registerUserAdminRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock; clientInfo: (request: FastifyRequest) => ClientInfo },
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/api/v1/invitations',
    {
      schema: {
        tags: ['users'],
        summary:
          'Invite a new colleague (administrator): the account and its link in one step; the link is shown once',
        body: Type.Object(
          {
            email: Type.String({ format: 'email', maxLength: 254 }),
            displayName: Type.String({ minLength: 1, maxLength: 200 }),
            roles: Roles,
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ user: UserSchema, invitation: InvitationSchema }),
          ...problemResponses(409),
        },
      },
    },
    async (request, reply) => {
      const { user, invitation } = await inviteNewUser(
        deps,
        accessOf(request),
        request.body,
        deps.clientInfo(request),
      );
      return reply.status(201).send({
        user: jsonify(user),
        invitation: {
          link: invitation.path,
          token: invitation.token,
          expiresAt: invitation.expiresAt.toISOString(),
        },
      });
    },
  );

  api.get(
    '/api/v1/invitations',
    {
      schema: {
        tags: ['users'],
        summary: 'Invitations not yet used and not expired (administrator)',
        response: { 200: Type.Array(PendingInvitationSchema), ...problemResponses() },
      },
    },
    async (request) => jsonify(await listPendingInvitations(deps, accessOf(request))),
  );

  api.delete(
    '/api/v1/users/:id/invitation',
    {
      schema: {
        tags: ['users'],
        summary: "Revoke a user's open invitation link (administrator)",
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses(404, 409) },
      },
    },
    async (request, reply) => {
      await revokeInvitation(deps, accessOf(request), request.params.id, deps.clientInfo(request));
      return reply.status(204).send(null);
    },
  );

  api.put(
    '/api/v1/users/:id/roles',
    {
      schema: {
        tags: ['users'],
        summary: "Change a user's roles (administrator); open sessions follow at once",
        params: IdParams,
        body: Type.Object({ roles: Roles }, { additionalProperties: false }),
        response: { 200: UserSchema, ...problemResponses(404, 409) },
      },
    },
    async (request) =>
      jsonify(
        await changeUserRoles(
          deps,
          accessOf(request),
          request.params.id,
          request.body.roles,
          deps.clientInfo(request),
        ),
      ),
  );
}
