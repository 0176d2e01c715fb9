import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { accessOf } from '../http/authentication.ts';
import { DateTime, IdParams, NullableString, problemResponses, Uuid } from '../http/common-schemas.ts';
import { jsonify } from '../http/json.ts';
import {
  getBulkAssignment,
  MAX_BULK_ASSIGNMENT,
  startBulkAssignment,
  type BulkAssignmentDeps,
} from './bulk-assignment.service.ts';
import { checkIdempotencyKey } from './idempotency.ts';

const BulkAssignmentBody = Type.Object(
  {
    complaintIds: Type.Array(Uuid, {
      minItems: 1,
      maxItems: 10_000,
      description: `The complaints to reassign; more than ${MAX_BULK_ASSIGNMENT} is refused (400 bulk_assignment_too_large)`,
    }),
    handlerId: Uuid,
  },
  { additionalProperties: false },
);

const BulkAssignmentSchema = Type.Object({
  id: Uuid,
  status: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('finished')]),
  handlerId: Uuid,
  total: Type.Integer(),
  done: Type.Integer(),
  failed: Type.Integer(),
  createdAt: DateTime,
  finishedAt: Type.Union([DateTime, Type.Null()]),
  items: Type.Array(
    Type.Object({
      complaintId: Uuid,
      reference: Type.String(),
      status: Type.Union([Type.Literal('pending'), Type.Literal('done'), Type.Literal('failed')]),
      reasonCode: NullableString,
      reason: Type.Union([Type.String({ description: 'Why not, in Dutch' }), Type.Null()]),
    }),
  ),
});

export function registerBulkAssignmentRoutes(app: FastifyInstance, deps: BulkAssignmentDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/api/v1/complaints/bulk-assignments',
    {
      schema: {
        tags: ['complaints'],
        summary:
          'Reassign several complaints to one handler (coordinator). Answers 202 with the job; each complaint is then reassigned by the step assign_handler, with its own dossier event, and one that cannot be is listed with the reason. An Idempotency-Key header gives the same job back. 400 bulk_assignment_too_large / handler_not_eligible; 404 complaint_not_found.',
        body: BulkAssignmentBody,
        response: { 202: BulkAssignmentSchema, ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const header = request.headers['idempotency-key'];
      const key =
        header === undefined
          ? undefined
          : checkIdempotencyKey(Array.isArray(header) ? header.join(',') : header);
      const { view, created } = await startBulkAssignment(deps, accessOf(request), {
        complaintIds: request.body.complaintIds,
        handlerId: request.body.handlerId,
        ...(key ? { idempotencyKey: key } : {}),
      });
      if (!created) reply.header('idempotent-replayed', 'true');
      return reply
        .status(202)
        .header('location', `/api/v1/complaints/bulk-assignments/${view.id}`)
        .send(jsonify(view));
    },
  );

  api.get(
    '/api/v1/complaints/bulk-assignments/:id',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Progress of a reassignment of several complaints: how many done, which failed and why',
        params: IdParams,
        response: { 200: BulkAssignmentSchema, ...problemResponses(404) },
      },
    },
    async (request) => jsonify(await getBulkAssignment(deps, accessOf(request), request.params.id)),
  );
}
