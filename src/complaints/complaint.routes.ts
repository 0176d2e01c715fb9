import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { accessOf } from '../http/authentication.ts';
import { IdParams, problemResponses } from '../http/common-schemas.ts';
import { jsonify, type Jsonified } from '../http/json.ts';
import type { ComplaintView } from './complaint.view.ts';
import {
  CategoryListSchema,
  ComplaintListQuery,
  ComplaintListSchema,
  ComplaintSchema,
  RegisterComplaintBody,
} from './complaint.schemas.ts';
import { listCategories, listComplaints } from './complaint-list.service.ts';
import { getComplaint, registerComplaint } from './complaint.service.ts';
import {
  checkIdempotencyKey,
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
  requestDigest,
} from './idempotency.ts';

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
        summary:
          'Register a complaint (staff registration or another system). With an Idempotency-Key header, a retry with the same body returns the stored answer; another body gets 422; a concurrent retry 409.',
        body: RegisterComplaintBody,
        response: { 201: ComplaintSchema, ...problemResponses(404, 409, 413, 422) },
      },
    },
    async (request, reply) => {
      const access = accessOf(request);
      const { receivedAt, ...rest } = request.body;
      const input = { ...rest, ...(receivedAt === undefined ? {} : { receivedAt: new Date(receivedAt) }) };
      const header = request.headers['idempotency-key'];
      if (header === undefined) {
        const complaint = await registerComplaint(deps, access, input);
        return reply
          .status(201)
          .header('location', `/api/v1/complaints/${complaint.id}`)
          .send(jsonify(complaint));
      }
      const key = checkIdempotencyKey(Array.isArray(header) ? header.join(',') : header);
      const claim = await claimIdempotencyKey(
        deps.db,
        deps.clock,
        access.organisationId,
        key,
        requestDigest(request.body),
      );
      if (claim.kind === 'replay') {
        // Only successful registrations are stored (failures free the key), so this is a 201 answer.
        const stored = claim.body as Jsonified<ComplaintView>;
        return reply
          .status(201)
          .header('location', `/api/v1/complaints/${stored.id}`)
          .header('idempotent-replayed', 'true')
          .send(stored);
      }
      try {
        const complaint = await registerComplaint(deps, access, input, {
          inTransaction: (tx, view) =>
            completeIdempotencyKey(tx, access.organisationId, key, claim.lease, 201, jsonify(view)),
        });
        return reply
          .status(201)
          .header('location', `/api/v1/complaints/${complaint.id}`)
          .send(jsonify(complaint));
      } catch (error) {
        await releaseIdempotencyKey(deps.db, access.organisationId, key, claim.lease);
        throw error;
      }
    },
  );

  api.get(
    '/api/v1/complaints',
    {
      schema: {
        tags: ['complaints'],
        summary:
          'List complaints one page at a time: newest receipt first, or with sort=deadline the nearest running clock first (the work queue); filters and Dutch full-text search (q) narrow it, within what the user may see',
        querystring: ComplaintListQuery,
        response: { 200: ComplaintListSchema, ...problemResponses() },
      },
    },
    async (request) => {
      const { status, cursor, limit, sort, ...filters } = request.query;
      const page = await listComplaints(deps, accessOf(request), {
        ...filters,
        ...(status ? { statuses: status } : {}),
        ...(cursor ? { cursor } : {}),
        ...(limit ? { limit } : {}),
        ...(sort ? { sort } : {}),
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
          category: row.category,
          complainantName: row.complainant_name,
          nextClockDue: row.next_clock_due,
          nextClockKind: row.next_clock_kind,
          nextClockUrgency: row.next_clock_urgency,
          acknowledgeDue: row.acknowledge_due,
          decisionTarget: row.decision_target,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );

  api.get(
    '/api/v1/complaints/categories',
    {
      schema: {
        tags: ['complaints'],
        summary: 'The categories complaints were closed with, for the work-queue filter',
        response: { 200: CategoryListSchema, ...problemResponses() },
      },
    },
    async (request) => listCategories(deps, accessOf(request)),
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
