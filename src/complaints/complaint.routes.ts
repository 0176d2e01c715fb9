import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { accessOf } from '../http/authentication.ts';
import { IdParams, problemResponses } from '../http/common-schemas.ts';
import { jsonify } from '../http/json.ts';
import {
  ComplaintListQuery,
  ComplaintListSchema,
  ComplaintSchema,
  RegisterComplaintBody,
} from './complaint.schemas.ts';
import { getComplaint, listComplaints, registerComplaint } from './complaint.service.ts';

export function registerComplaintRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock },
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/api/v1/complaints',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Register a complaint (staff registration or another system)',
        body: RegisterComplaintBody,
        response: { 201: ComplaintSchema, ...problemResponses(404, 409, 413, 422) },
      },
    },
    async (request, reply) => {
      const { receivedAt, ...rest } = request.body;
      const complaint = await registerComplaint(deps, accessOf(request), {
        ...rest,
        ...(receivedAt === undefined ? {} : { receivedAt: new Date(receivedAt) }),
      });
      return reply
        .status(201)
        .header('location', `/api/v1/complaints/${complaint.id}`)
        .send(jsonify(complaint));
    },
  );

  api.get(
    '/api/v1/complaints',
    {
      schema: {
        tags: ['complaints'],
        summary: 'List complaints, newest receipt first, one page at a time',
        querystring: ComplaintListQuery,
        response: { 200: ComplaintListSchema, ...problemResponses() },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await listComplaints(deps, accessOf(request), {
        ...(q.status ? { statuses: q.status } : {}),
        ...(q.channel ? { channel: q.channel } : {}),
        ...(q.handlerId ? { handlerId: q.handlerId } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
        ...(q.limit ? { limit: q.limit } : {}),
      });
      return {
        items: page.items.map((row) => ({
          id: row.id,
          reference: row.reference,
          channel: row.channel,
          receivedAt: new Date(row.received_at).toISOString(),
          status: row.status,
          handlerId: row.handler_id,
          liabilityFlag: row.liability_flag,
          product: row.product,
          complainantName: row.complainant_name,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );

  api.get(
    '/api/v1/complaints/:id',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Read one complaint',
        params: IdParams,
        response: { 200: ComplaintSchema, ...problemResponses(404) },
      },
    },
    async (request) => jsonify(await getComplaint(deps, accessOf(request), request.params.id)),
  );
}
