import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { accessOf } from '../http/authentication.ts';
import { IdParams, problemResponses, Uuid } from '../http/common-schemas.ts';
import { jsonify } from '../http/json.ts';
import { ComplaintSchema } from './complaint.schemas.ts';
import { addInvolvedEmployee } from './involvement.service.ts';

export function registerInvolvementRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock },
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.post(
    '/api/v1/complaints/:id/involved-employees',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Name a colleague the complaint is about (they are then heard, and take no handler step)',
        params: IdParams,
        body: Type.Object({ employeeId: Uuid }, { additionalProperties: false }),
        response: { 200: ComplaintSchema, ...problemResponses(404, 409) },
      },
    },
    async (request) =>
      jsonify(await addInvolvedEmployee(deps, accessOf(request), request.params.id, request.body.employeeId)),
  );
}
