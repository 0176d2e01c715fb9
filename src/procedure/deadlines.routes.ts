import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  computeDeadlines,
  createWorkingDayCalendar,
  DEFAULT_PROCEDURE_TERMS,
} from '../domain/calendar/index.ts';
import { parseIsoTimestamp } from '../domain/iso-timestamp.ts';
import { renderClockExplanation } from '../domain/procedure/clock-explanation.ts';
import { ValidationError } from '../errors.ts';
import { accessOf } from '../http/authentication.ts';
import { problemResponses } from '../http/common-schemas.ts';
import { languageOf } from './procedure-language.ts';

const LocalDateSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

const DeadlinesSchema = Type.Object({
  received: LocalDateSchema,
  acknowledgeBy: LocalDateSchema,
  missingInformationBy: LocalDateSchema,
  decisionBy: LocalDateSchema,
  kifidNoPositionFrom: LocalDateSchema,
  provisional: Type.Boolean({
    description: 'A date depends on a year without a published decree (Atw art. 3 lid 3)',
  }),
  uncoveredYears: Type.Array(Type.Integer()),
  explanations: Type.Object({
    acknowledgeBy: Type.String(),
    missingInformationBy: Type.String(),
    decisionBy: Type.String(),
    kifidNoPositionFrom: Type.String(),
  }),
  language: Type.Union([Type.Literal('nl'), Type.Literal('en')]),
  explanationTexts: Type.Object(
    {
      acknowledgeBy: Type.String(),
      missingInformationBy: Type.String(),
      decisionBy: Type.String(),
      kifidNoPositionFrom: Type.String(),
    },
    { description: 'The explanations in the language asked for (lang, else Accept-Language)' },
  ),
});

const KEYS = ['acknowledgeBy', 'missingInformationBy', 'decisionBy', 'kifidNoPositionFrom'] as const;

/** The procedure's deadlines for a moment of receipt, as the CLI gives them, with Dutch explanations and the same in the language asked for. */
export function registerDeadlineRoutes(app: FastifyInstance): void {
  const calendar = createWorkingDayCalendar();
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/v1/deadlines',
    {
      schema: {
        tags: ['procedure'],
        summary: 'Deadlines of the default procedure for a moment of receipt',
        querystring: Type.Object(
          {
            receivedAt: Type.String({
              minLength: 1,
              maxLength: 40,
              description: 'ISO 8601 with offset or Z',
            }),
            lang: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('en')])),
          },
          { additionalProperties: false },
        ),
        response: { 200: DeadlinesSchema, ...problemResponses() },
      },
    },
    async (request) => {
      accessOf(request);
      const parsed = parseIsoTimestamp(request.query.receivedAt);
      if (!parsed.ok) {
        throw new ValidationError('Het moment van ontvangst is geen geldige ISO 8601-tijd met tijdzone.', [
          { field: 'querystring:/receivedAt', message: parsed.reason },
        ]);
      }
      const d = computeDeadlines(parsed.instant, DEFAULT_PROCEDURE_TERMS, calendar);
      const language = languageOf(request);
      const textOf = (key: (typeof KEYS)[number]) =>
        renderClockExplanation(
          {
            kind: 'term',
            start: d.details[key].start,
            term: d.details[key].result,
            note: key === 'kifidNoPositionFrom' ? 'kifid_no_position' : null,
          },
          language,
        );
      return {
        received: d.received,
        acknowledgeBy: d.acknowledgeBy,
        missingInformationBy: d.missingInformationBy,
        decisionBy: d.decisionBy,
        kifidNoPositionFrom: d.kifidNoPositionFrom,
        provisional: d.provisional,
        uncoveredYears: [...d.uncoveredYears],
        explanations: { ...d.explanations },
        language,
        explanationTexts: Object.fromEntries(KEYS.map((key) => [key, textOf(key)])) as Record<
          (typeof KEYS)[number],
          string
        >,
      };
    },
  );
}
