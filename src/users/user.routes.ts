import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { accessOf } from '../http/authentication.ts';
import { DateTime, problemResponses, Uuid } from '../http/common-schemas.ts';
import { jsonify } from '../http/json.ts';
import { createUser, listUsers } from './user.service.ts';

const RoleSchema = Type.Union([
  Type.Literal('coordinator'),
  Type.Literal('handler'),
  Type.Literal('employee'),
  Type.Literal('auditor'),
  Type.Literal('admin'),
]);

const UserSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(RoleSchema),
  disabled: Type.Boolean(),
  createdAt: DateTime,
});

const CreateUserBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    roles: Type.Array(RoleSchema, { minItems: 1, maxItems: 5 }),
  },
  { additionalProperties: false },
);

export function registerUserRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; clock: Clock }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Users of the organisation',
        response: { 200: Type.Array(UserSchema), ...problemResponses() },
      },
    },
    async (request) => jsonify(await listUsers(deps, accessOf(request))),
  );
  api.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user (administrator)',
        body: CreateUserBody,
        response: { 201: UserSchema, ...problemResponses(409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(jsonify(await createUser(deps, accessOf(request), request.body))),
  );
}
