import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Clock } from '../clock.ts';
import { ComplaintSchema } from '../complaints/complaint.schemas.ts';
import type { Database } from '../db/schema.ts';
import { isLocalDate, type LocalDate } from '../domain/calendar/local-date.ts';
import { ValidationError } from '../errors.ts';
import { accessOf } from '../http/authentication.ts';
import { DateTime, IdParams, NullableString, problemResponses, Uuid } from '../http/common-schemas.ts';
import { jsonify } from '../http/json.ts';
import type { Secrets } from '../secrets.ts';
import {
  advanceCancellation,
  getCancellation,
  linkCancellationToComplaint,
  listCancellations,
  registerCancellationRequest,
  type CancellationRow,
} from './cancellation.service.ts';
import {
  classifyIntakeItem,
  listIntakeQueue,
  openIntakeItemAsCancellation,
  openIntakeItemAsComplaint,
} from './intake.service.ts';

const Kind = Type.Union([
  Type.Literal('complaint'),
  Type.Literal('question'),
  Type.Literal('claim'),
  Type.Literal('cancellation'),
  Type.Literal('other'),
]);
const LocalDateSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const NullableUuid = Type.Union([Uuid, Type.Null()]);

const IntakeItemSchema = Type.Object({
  id: Uuid,
  channel: Type.String(),
  receivedAt: DateTime,
  kind: Type.String(),
  proposedKind: NullableString,
  proposalReason: NullableString,
  status: Type.String(),
  senderName: NullableString,
  senderEmail: NullableString,
  subject: NullableString,
  preview: NullableString,
  complaintId: NullableUuid,
  cancellationRequestId: NullableUuid,
  acknowledgeBy: LocalDateSchema,
  history: Type.Array(
    Type.Object({
      from: Type.String(),
      to: Type.String(),
      reason: Type.String(),
      at: DateTime,
      by: NullableUuid,
    }),
  ),
});

const CancellationSchema = Type.Object({
  id: Uuid,
  reference: Type.String(),
  channel: Type.String(),
  receivedAt: DateTime,
  customerName: Type.String(),
  customerEmail: NullableString,
  policies: Type.String(),
  effectiveDate: Type.Union([LocalDateSchema, Type.Null()]),
  status: Type.String(),
  complaintId: NullableUuid,
  confirmedAt: Type.Union([DateTime, Type.Null()]),
  processedAt: Type.Union([DateTime, Type.Null()]),
});

const ConfirmBody = Type.Object(
  {
    delivery: Type.Optional(Type.Union([Type.Literal('email'), Type.Literal('post')])),
    letterFields: Type.Optional(
      Type.Record(Type.String({ maxLength: 60 }), Type.Unknown(), { maxProperties: 20 }),
    ),
  },
  { additionalProperties: false },
);
const CancellationDetailSchema = Type.Object({
  ...CancellationSchema.properties,
  complaintReference: NullableString,
  message: Type.Union([
    Type.Object({ subject: NullableString, text: NullableString, senderEmail: NullableString }),
    Type.Null(),
  ]),
});

function cancellationView(row: CancellationRow) {
  return {
    id: row.id,
    reference: row.reference,
    channel: row.channel,
    receivedAt: new Date(row.received_at).toISOString(),
    customerName: row.customer_name,
    customerEmail: row.customer_email,
    policies: row.policies,
    effectiveDate: row.effective_date,
    status: row.status,
    complaintId: row.complaint_id,
    confirmedAt: row.confirmed_at === null ? null : new Date(row.confirmed_at).toISOString(),
    processedAt: row.processed_at === null ? null : new Date(row.processed_at).toISOString(),
  };
}

function optionalDate(value: string | null | undefined, field: string): LocalDate | null {
  if (value === null || value === undefined) return null;
  if (isLocalDate(value)) return value;
  throw new ValidationError('Deze datum bestaat niet.', [
    { field, message: 'not an existing calendar date' },
  ]);
}

export function registerIntakeRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock; secrets?: Secrets; onMailQueued?: () => void },
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  // Without the installation's secrets (some tests) steps are recorded but no letter is made.
  const stepDeps = {
    db: deps.db,
    clock: deps.clock,
    ...(deps.secrets
      ? {
          letters: {
            secrets: deps.secrets,
            ...(deps.onMailQueued ? { onMailQueued: deps.onMailQueued } : {}),
          },
        }
      : {}),
  };

  api.get(
    '/api/v1/intake',
    {
      schema: {
        tags: ['intake'],
        summary: 'The intake queue: everything that arrived, oldest first, to classify and open',
        querystring: Type.Object(
          {
            includeDone: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(IntakeItemSchema), ...problemResponses() },
      },
    },
    async (request) =>
      jsonify(
        await listIntakeQueue(deps.db, accessOf(request), {
          includeDone: request.query.includeDone ?? false,
          limit: request.query.limit ?? 100,
        }),
      ),
  );

  api.post(
    '/api/v1/intake/:id/classify',
    {
      schema: {
        tags: ['intake'],
        summary:
          'Classify an arrival (with a reason; turning a complaint into something else is on its record)',
        params: IdParams,
        body: Type.Object(
          { kind: Kind, reason: Type.String({ minLength: 1, maxLength: 2000 }) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...problemResponses(404, 422) },
      },
    },
    async (request, reply) => {
      await classifyIntakeItem(deps, accessOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/v1/intake/:id/open-complaint',
    {
      schema: {
        tags: ['intake'],
        summary: 'Open an arrival as a complaint, received at the moment it arrived',
        params: IdParams,
        body: Type.Object(
          {
            handlerId: Type.Optional(NullableUuid),
            complainantName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            description: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000 })),
            product: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 201: ComplaintSchema, ...problemResponses(404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          jsonify(await openIntakeItemAsComplaint(deps, accessOf(request), request.params.id, request.body)),
        ),
  );

  api.post(
    '/api/v1/intake/:id/open-cancellation',
    {
      schema: {
        tags: ['intake'],
        summary: 'Open an arrival as a cancellation request (opzegging)',
        params: IdParams,
        body: Type.Object(
          {
            customerName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            policies: Type.String({ minLength: 1, maxLength: 2000 }),
            effectiveDate: Type.Optional(Type.Union([LocalDateSchema, Type.Null()])),
            complaintId: Type.Optional(NullableUuid),
          },
          { additionalProperties: false },
        ),
        response: { 201: CancellationSchema, ...problemResponses(404, 409) },
      },
    },
    async (request, reply) => {
      const { effectiveDate, ...rest } = request.body;
      const row = await openIntakeItemAsCancellation(deps, accessOf(request), request.params.id, {
        ...rest,
        effectiveDate: optionalDate(effectiveDate, '/effectiveDate'),
      });
      return reply.status(201).send(cancellationView(row));
    },
  );

  api.get(
    '/api/v1/cancellations',
    {
      schema: {
        tags: ['cancellations'],
        summary: 'Cancellation requests, newest first',
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(CancellationSchema), ...problemResponses() },
      },
    },
    async (request) =>
      (await listCancellations(deps.db, accessOf(request), { limit: request.query.limit ?? 100 })).map(
        cancellationView,
      ),
  );

  api.post(
    '/api/v1/cancellations',
    {
      schema: {
        tags: ['cancellations'],
        summary: 'Register a cancellation request received by letter, phone or visit',
        body: Type.Object(
          {
            channel: Type.Union([
              Type.Literal('email'),
              Type.Literal('letter'),
              Type.Literal('phone'),
              Type.Literal('visit'),
              Type.Literal('api'),
            ]),
            receivedAt: DateTime,
            customerName: Type.String({ minLength: 1, maxLength: 200 }),
            customerEmail: Type.Optional(
              Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()]),
            ),
            policies: Type.String({ minLength: 1, maxLength: 2000 }),
            effectiveDate: Type.Optional(Type.Union([LocalDateSchema, Type.Null()])),
            complaintId: Type.Optional(NullableUuid),
          },
          { additionalProperties: false },
        ),
        response: { 201: CancellationSchema, ...problemResponses() },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const row = await registerCancellationRequest(deps, accessOf(request), {
        channel: body.channel,
        receivedAt: new Date(body.receivedAt),
        customerName: body.customerName,
        customerEmail: body.customerEmail ?? null,
        policies: body.policies,
        effectiveDate: optionalDate(body.effectiveDate, '/effectiveDate'),
        complaintId: body.complaintId ?? null,
      });
      return reply.status(201).send(cancellationView(row));
    },
  );

  for (const step of ['confirm', 'process', 'withdraw'] as const) {
    api.post(
      `/api/v1/cancellations/:id/${step}`,
      {
        schema: {
          tags: ['cancellations'],
          summary: `Cancellation request: ${step}`,
          params: IdParams,
          // Confirming sends the written confirmation (R10): how, and fields staff set themselves.
          body: step === 'confirm' ? ConfirmBody : Type.Object({}, { additionalProperties: false }),
          response: { 200: CancellationSchema, ...problemResponses(404, 409) },
        },
      },
      async (request) => {
        const body = request.body as { delivery?: 'email' | 'post'; letterFields?: Record<string, unknown> };
        return cancellationView(
          await advanceCancellation(stepDeps, accessOf(request), request.params.id, step, {
            ...(body.delivery ? { delivery: body.delivery } : {}),
            ...(body.letterFields ? { fields: body.letterFields } : {}),
          }),
        );
      },
    );
  }

  api.post(
    '/api/v1/cancellations/:id/link',
    {
      schema: {
        tags: ['cancellations'],
        summary: 'Link a cancellation request to the complaint it belongs with',
        params: IdParams,
        body: Type.Union([
          Type.Object({ complaintId: Uuid }, { additionalProperties: false }),
          Type.Object(
            { complaintReference: Type.String({ minLength: 1, maxLength: 40 }) },
            { additionalProperties: false },
          ),
        ]),
        response: { 200: CancellationSchema, ...problemResponses(404) },
      },
    },
    async (request) => {
      const body = request.body;
      const target =
        'complaintId' in body
          ? body.complaintId
          : { reference: body.complaintReference.trim().toUpperCase() };
      return cancellationView(
        await linkCancellationToComplaint(deps, accessOf(request), request.params.id, target),
      );
    },
  );

  api.get(
    '/api/v1/cancellations/:id',
    {
      schema: {
        tags: ['cancellations'],
        summary: 'One cancellation request, with the complaint it is linked to and what the customer wrote',
        params: IdParams,
        response: { 200: CancellationDetailSchema, ...problemResponses(404) },
      },
    },
    async (request) => {
      const detail = await getCancellation(deps.db, accessOf(request), request.params.id);
      return {
        ...cancellationView(detail.row),
        complaintReference: detail.complaintReference,
        message: detail.message,
      };
    },
  );
}
