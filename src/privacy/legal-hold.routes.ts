import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { LEGAL_HOLD_REASONS, MAX_HOLD_EXPLANATION } from '../domain/privacy/legal-hold.ts';
import {
  DEFAULT_CANCELLATION_RETENTION_YEARS,
  DEFAULT_RETENTION_YEARS,
  MAX_RETENTION_YEARS,
  MIN_RETENTION_YEARS,
} from '../domain/privacy/retention.ts';
import { accessOf } from '../http/authentication.ts';
import { DateTime, IdParams, problemResponses, Uuid } from '../http/common-schemas.ts';
import { jsonify } from '../http/json.ts';
import {
  changeRetentionSettings,
  getRetentionSettings,
  liftHold,
  listHolds,
  placeHold,
  type PrivacyDeps,
} from './legal-hold.service.ts';
import {
  liftHoldOfCancellation,
  listHoldsOfCancellation,
  placeCancellationHold,
} from './cancellation-retention.service.ts';

export const ReasonSchema = Type.Union(
  [Type.Literal('kifid_case'), Type.Literal('court_case'), Type.Literal('liability_claim')],
  { description: LEGAL_HOLD_REASONS.join(', ') },
);
const Explanation = Type.String({ minLength: 1, maxLength: MAX_HOLD_EXPLANATION });

const LegalHoldSchema = Type.Object({
  id: Uuid,
  reason: ReasonSchema,
  explanation: Type.String(),
  placedBy: Uuid,
  placedAt: DateTime,
  lifted: Type.Union([
    Type.Object({ by: Uuid, at: DateTime, explanation: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ]),
});

const RetentionSchema = Type.Object({
  retentionYears: Type.Integer(),
  defaultYears: Type.Integer(),
  cancellationRetentionYears: Type.Integer(),
  defaultCancellationYears: Type.Integer(),
  updatedAt: Type.Union([DateTime, Type.Null()]),
  updatedBy: Type.Union([Uuid, Type.Null()]),
});

const retention = (settings: Awaited<ReturnType<typeof getRetentionSettings>>) =>
  jsonify({
    ...settings,
    defaultYears: DEFAULT_RETENTION_YEARS,
    defaultCancellationYears: DEFAULT_CANCELLATION_RETENTION_YEARS,
  });

const Years = Type.Integer({ minimum: MIN_RETENTION_YEARS, maximum: MAX_RETENTION_YEARS });

const HoldParams = Type.Object({ id: Uuid, holdId: Uuid }, { additionalProperties: false });

/** The retention terms (organisation settings) and the legal holds on a dossier or a cancellation request. */
export function registerLegalHoldRoutes(app: FastifyInstance, deps: PrivacyDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/v1/organisation/retention',
    {
      schema: {
        tags: ['organisation', 'privacy'],
        summary:
          'How many years a dossier is kept after it ended, and a cancellation request without a complaint after it was handled, before they are anonymised',
        response: { 200: RetentionSchema, ...problemResponses() },
      },
    },
    async (request) => retention(await getRetentionSettings(deps, accessOf(request))),
  );
  api.put(
    '/api/v1/organisation/retention',
    {
      schema: {
        tags: ['organisation', 'privacy'],
        summary: 'Set the retention terms in years; a term not sent stays as it is (administrator)',
        body: Type.Object(
          {
            retentionYears: Type.Optional(Years),
            cancellationRetentionYears: Type.Optional(Years),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: RetentionSchema, ...problemResponses() },
      },
    },
    async (request) => retention(await changeRetentionSettings(deps, accessOf(request), request.body)),
  );

  api.get(
    '/api/v1/complaints/:id/legal-holds',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Legal holds on the dossier, lifted ones included (coordinator, auditor)',
        params: IdParams,
        response: { 200: Type.Array(LegalHoldSchema), ...problemResponses(404) },
      },
    },
    async (request) => jsonify(await listHolds(deps, accessOf(request), request.params.id)),
  );
  api.post(
    '/api/v1/complaints/:id/legal-holds',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Place a legal hold: the dossier is kept whole past its retention term (coordinator)',
        params: IdParams,
        body: Type.Object(
          { reason: ReasonSchema, explanation: Explanation },
          { additionalProperties: false },
        ),
        response: { 201: LegalHoldSchema, ...problemResponses(404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(jsonify(await placeHold(deps, accessOf(request), request.params.id, request.body))),
  );
  api.post(
    '/api/v1/complaints/:id/legal-holds/:holdId/lift',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Lift a legal hold, with the reason (coordinator)',
        params: HoldParams,
        body: Type.Object({ explanation: Explanation }, { additionalProperties: false }),
        response: { 200: LegalHoldSchema, ...problemResponses(404, 409) },
      },
    },
    async (request) =>
      jsonify(
        await liftHold(deps, accessOf(request), request.params.id, request.params.holdId, request.body),
      ),
  );

  api.get(
    '/api/v1/cancellations/:id/legal-holds',
    {
      schema: {
        tags: ['privacy', 'cancellations'],
        summary:
          'Legal holds on a cancellation request without a complaint, lifted ones included (coordinator, auditor)',
        params: IdParams,
        response: { 200: Type.Array(LegalHoldSchema), ...problemResponses(404) },
      },
    },
    async (request) => jsonify(await listHoldsOfCancellation(deps, accessOf(request), request.params.id)),
  );
  api.post(
    '/api/v1/cancellations/:id/legal-holds',
    {
      schema: {
        tags: ['privacy', 'cancellations'],
        summary:
          'Place a legal hold on a cancellation request without a complaint: kept whole past its retention term (coordinator)',
        params: IdParams,
        body: Type.Object(
          { reason: ReasonSchema, explanation: Explanation },
          { additionalProperties: false },
        ),
        response: { 201: LegalHoldSchema, ...problemResponses(404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(jsonify(await placeCancellationHold(deps, accessOf(request), request.params.id, request.body))),
  );
  api.post(
    '/api/v1/cancellations/:id/legal-holds/:holdId/lift',
    {
      schema: {
        tags: ['privacy', 'cancellations'],
        summary: 'Lift a legal hold on a cancellation request, with the reason (coordinator)',
        params: HoldParams,
        body: Type.Object({ explanation: Explanation }, { additionalProperties: false }),
        response: { 200: LegalHoldSchema, ...problemResponses(404, 409) },
      },
    },
    async (request) =>
      jsonify(
        await liftHoldOfCancellation(
          deps,
          accessOf(request),
          request.params.id,
          request.params.holdId,
          request.body,
        ),
      ),
  );
}
