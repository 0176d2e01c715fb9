import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { isLocalDate, type LocalDate } from '../domain/calendar/local-date.ts';
import { ValidationError } from '../errors.ts';
import { accessOf } from '../http/authentication.ts';
import { DateTime, problemResponses } from '../http/common-schemas.ts';
import { jsonify } from '../http/json.ts';
import {
  addClosingDay,
  getProcedureSettings,
  removeClosingDay,
  reviseProcedureTerms,
} from './procedure-settings.service.ts';

const LocalDateSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const TermSchema = Type.Object(
  {
    unit: Type.Union([Type.Literal('working-days'), Type.Literal('months'), Type.Literal('weeks')]),
    amount: Type.Integer(),
  },
  { additionalProperties: false },
);
const TermsSchema = Type.Object(
  {
    acknowledgment: TermSchema,
    missingInformation: TermSchema,
    decision: TermSchema,
    hearingReaction: TermSchema,
    kifidWindow: TermSchema,
    kifidNoPosition: TermSchema,
  },
  { additionalProperties: false },
);
const VersionSchema = Type.Object({
  version: Type.Integer(),
  effectiveFrom: DateTime,
  terms: TermsSchema,
  requireConsultationPerStep: Type.Boolean(),
});
const SettingsSchema = Type.Object({
  current: VersionSchema,
  versions: Type.Array(VersionSchema),
  closingDays: Type.Array(Type.Object({ date: LocalDateSchema, name: Type.String() })),
});

function localDate(value: string, field: string): LocalDate {
  if (isLocalDate(value)) return value;
  throw new ValidationError('Deze datum bestaat niet.', [
    { field, message: 'not an existing calendar date' },
  ]);
}

export function registerProcedureSettingsRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock },
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const response = { 200: SettingsSchema, ...problemResponses(404, 409) };
  api.get(
    '/api/v1/organisation/procedure',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Procedure terms (all versions) and closing days',
        response,
      },
    },
    async (request) => jsonify(await getProcedureSettings(deps.db, accessOf(request))),
  );
  api.put(
    '/api/v1/organisation/procedure',
    {
      schema: {
        tags: ['organisation'],
        summary: 'New procedure terms: a new version for complaints received from now on (administrator)',
        body: Type.Object(
          { terms: TermsSchema, requireConsultationPerStep: Type.Boolean() },
          { additionalProperties: false },
        ),
        response,
      },
    },
    async (request) =>
      jsonify(await reviseProcedureTerms(deps.db, deps.clock, accessOf(request), request.body)),
  );
  api.post(
    '/api/v1/organisation/closing-days',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Add a day the office is closed (administrator; future days only)',
        body: Type.Object(
          { date: LocalDateSchema, name: Type.String({ minLength: 1, maxLength: 100 }) },
          { additionalProperties: false },
        ),
        response,
      },
    },
    async (request) =>
      jsonify(
        await addClosingDay(deps.db, deps.clock, accessOf(request), {
          date: localDate(request.body.date, '/date'),
          name: request.body.name,
        }),
      ),
  );
  api.delete(
    '/api/v1/organisation/closing-days/:date',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Remove a future closing day (administrator)',
        params: Type.Object({ date: LocalDateSchema }, { additionalProperties: false }),
        response,
      },
    },
    async (request) =>
      jsonify(
        await removeClosingDay(
          deps.db,
          deps.clock,
          accessOf(request),
          localDate(request.params.date, 'params:/date'),
        ),
      ),
  );
}
