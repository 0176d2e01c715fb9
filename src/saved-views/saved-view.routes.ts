import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { accessOf } from '../http/authentication.ts';
import { IdParams, problemResponses } from '../http/common-schemas.ts';
import { jsonify } from '../http/json.ts';
import { CreateSavedViewBody, SavedViewSchema } from './saved-view.schemas.ts';
import { createSavedView, deleteSavedView, listSavedViews } from './saved-view.service.ts';

export function registerSavedViewRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock },
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/api/v1/saved-views',
    {
      schema: {
        tags: ['work queue'],
        summary: 'My saved views of the work queue, by name',
        response: { 200: Type.Array(SavedViewSchema), ...problemResponses() },
      },
    },
    async (request) => jsonify(await listSavedViews(deps, accessOf(request))),
  );
  api.post(
    '/api/v1/saved-views',
    {
      schema: {
        tags: ['work queue'],
        summary: 'Save the current work-queue filters under a name (unique per user)',
        body: CreateSavedViewBody,
        response: { 201: SavedViewSchema, ...problemResponses(409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(jsonify(await createSavedView(deps, accessOf(request), request.body))),
  );
  api.delete(
    '/api/v1/saved-views/:id',
    {
      schema: {
        tags: ['work queue'],
        summary: 'Delete one of my saved views',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      await deleteSavedView(deps, accessOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
