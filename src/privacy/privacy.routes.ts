import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { isLocalDate } from '../domain/calendar/local-date.ts';
import { ValidationError } from '../errors.ts';
import { accessOf } from '../http/authentication.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { DateTime, problemResponses, Uuid } from '../http/common-schemas.ts';
import { jsonify } from '../http/json.ts';
import { createAccessExport, listAccessExports } from './access-export.service.ts';
import { previewAnonymisation, runAnonymisationNow } from './anonymisation.service.ts';
import type { PrivacyDeps } from './legal-hold.service.ts';
import { ReasonSchema, registerLegalHoldRoutes } from './legal-hold.routes.ts';

const LocalDateSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

const PreviewSchema = Type.Object({
  month: Type.Object({ first: LocalDateSchema, last: LocalDateSchema }),
  retentionYears: Type.Integer(),
  entries: Type.Array(
    Type.Object({
      complaintId: Uuid,
      reference: Type.String(),
      status: Type.String(),
      endedOn: LocalDateSchema,
      keptUntil: LocalDateSchema,
      anonymiseFrom: LocalDateSchema,
      heldFor: Type.Array(ReasonSchema),
    }),
  ),
  cancellationRetentionYears: Type.Integer(),
  cancellations: Type.Array(
    Type.Object({
      cancellationRequestId: Uuid,
      reference: Type.String(),
      status: Type.String(),
      endedOn: LocalDateSchema,
      keptUntil: LocalDateSchema,
      anonymiseFrom: LocalDateSchema,
      heldFor: Type.Array(ReasonSchema),
    }),
    { description: 'cancellation requests never linked to a complaint, on their own term' },
  ),
});

const RunSchema = Type.Object({
  anonymised: Type.Array(Type.String(), {
    description: 'references of the dossiers and unlinked cancellation requests anonymised now',
  }),
  held: Type.Array(Type.String(), { description: 'references due but kept by a legal hold' }),
});

const ExportRecordSchema = Type.Object({
  id: Uuid,
  requestedBy: Uuid,
  requestedAt: DateTime,
  subjectKind: Type.Union([Type.Literal('email'), Type.Literal('name')]),
  complaintIds: Type.Array(Uuid),
  fileCount: Type.Integer(),
  flaggedCount: Type.Integer(),
  zipSha256: Type.String(),
});

/** Retention, anonymisation and the right of access (AVG/GDPR); see docs/privacy.md. */
export function registerPrivacyRoutes(app: FastifyInstance, deps: PrivacyDeps): void {
  registerLegalHoldRoutes(app, deps);
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/v1/privacy/anonymisation/preview',
    {
      schema: {
        tags: ['privacy'],
        summary:
          'Dossiers, and cancellation requests without a complaint, whose retention term ends by the end of the month, held ones marked (coordinator, auditor)',
        querystring: Type.Object(
          { month: Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' })) },
          { additionalProperties: false },
        ),
        response: { 200: PreviewSchema, ...problemResponses() },
      },
    },
    async (request) => {
      const day = request.query.month === undefined ? undefined : `${request.query.month}-01`;
      if (day !== undefined && !isLocalDate(day)) {
        throw new ValidationError('Deze maand bestaat niet.', [{ field: '/month', message: 'YYYY-MM' }]);
      }
      return jsonify(await previewAnonymisation(deps, accessOf(request), day));
    },
  );

  api.post(
    '/api/v1/privacy/anonymisation/run',
    {
      schema: {
        tags: ['privacy'],
        summary:
          'Anonymise now every dossier, and every cancellation request without a complaint, whose retention term ended and that no hold keeps (coordinator)',
        response: { 200: RunSchema, ...problemResponses() },
      },
    },
    async (request) => runAnonymisationNow(deps, accessOf(request)),
  );

  api.post(
    '/api/v1/privacy/access-exports',
    {
      schema: {
        tags: ['privacy'],
        summary:
          'Right of access: a ZIP with everything about one person, found by e-mail address or name; parts ' +
          'about others (hearing statements) are set apart for review. The export is recorded (coordinator).',
        body: Type.Object(
          {
            email: Type.Optional(Type.String({ minLength: 3, maxLength: 254 })),
            name: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { ...problemResponses() },
      },
    },
    async (request, reply) => {
      const made = await createAccessExport(deps, accessOf(request), {
        ...(request.body.email ? { email: request.body.email } : {}),
        ...(request.body.name ? { name: request.body.name } : {}),
      });
      return reply
        .status(201)
        .header('content-type', 'application/zip')
        .header('content-disposition', contentDisposition(made.fileName))
        .header('x-access-export-id', made.id)
        .header('x-review-required', String(made.flaggedCount))
        .header('digest', `sha-256=${Buffer.from(made.zipSha256, 'hex').toString('base64')}`)
        .send(Buffer.from(made.zip));
    },
  );

  api.get(
    '/api/v1/privacy/access-exports',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Every access export made, newest first: who, when, which dossiers (coordinator, auditor)',
        response: { 200: Type.Array(ExportRecordSchema), ...problemResponses() },
      },
    },
    async (request) => jsonify(await listAccessExports(deps, accessOf(request))),
  );
}
