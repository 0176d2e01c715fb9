import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { accessOf } from '../http/authentication.ts';
import { DateTime, IdParams, problemResponses, Uuid } from '../http/common-schemas.ts';
import { jsonify } from '../http/json.ts';
import { listNotifications, markNotificationRead } from './notification.service.ts';

const NotificationSchema = Type.Object({
  id: Uuid,
  complaintId: Type.Union([Uuid, Type.Null()]),
  kind: Type.String(),
  message: Type.String(),
  createdAt: DateTime,
  read: Type.Boolean(),
});

export function registerNotificationRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock },
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/api/v1/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications (deadline warnings), newest first',
        querystring: Type.Object(
          {
            unread: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(NotificationSchema), ...problemResponses() },
      },
    },
    async (request) =>
      jsonify(
        await listNotifications(deps.db, accessOf(request), {
          unreadOnly: request.query.unread ?? false,
          limit: request.query.limit ?? 50,
        }),
      ),
  );
  api.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of my notifications as read',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      await markNotificationRead(deps.db, deps.clock, accessOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
