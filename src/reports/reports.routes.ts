import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Channel, ComplaintStatus } from '../db/schema.ts';
import {
  amsterdamDateOf,
  isLocalDate,
  localDateFromParts,
  yearOf,
  type LocalDate,
} from '../domain/calendar/local-date.ts';
import { DEFAULT_RECURRENCE_RULE, type RecurrenceRule } from '../domain/reports/outcomes.ts';
import { handlingSummary } from '../domain/reports/register.ts';
import { TIMELINESS_GROUPINGS, type TimelinessGrouping } from '../domain/reports/timeliness.ts';
import { ValidationError } from '../errors.ts';
import { accessOf } from '../http/authentication.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { problemResponses } from '../http/common-schemas.ts';
import { jsonify } from '../http/json.ts';
import { annualReportPdf } from './annual-report/annual-report.service.ts';
import type { ReportFilter } from './report-data.repository.ts';
import {
  AnnualReportQuery,
  ExportLogSchema,
  OutcomesQuery,
  OutcomesReportSchema,
  RegisterEntrySchema,
  RegisterExportQuery,
  ReportFilterQuery,
  TimelinessQuery,
  TimelinessReportSchema,
} from './reports.schemas.ts';
import {
  exportRegister,
  getExportLog,
  getOutcomes,
  getRegister,
  getTimeliness,
  type ExportedFile,
  type ReportDeps,
} from './reports.service.ts';

interface FilterQuery {
  from?: string;
  to?: string;
  status?: string[];
  handlerId?: string;
  category?: string;
  channel?: string;
  product?: string;
}

function dateParameter(value: string | undefined, field: string, fallback: LocalDate): LocalDate {
  if (value === undefined) return fallback;
  if (isLocalDate(value)) return value;
  throw new ValidationError('Deze datum bestaat niet.', [
    { field: `querystring:/${field}`, message: 'not an existing calendar date' },
  ]);
}

/** Without a period: this calendar year up to and including today (Europe/Amsterdam). */
function filterOf(query: FilterQuery, now: Date): ReportFilter {
  const today = amsterdamDateOf(now);
  return {
    from: dateParameter(query.from, 'from', localDateFromParts(yearOf(today), 1, 1)),
    to: dateParameter(query.to, 'to', today),
    ...(query.status?.length ? { statuses: query.status as ComplaintStatus[] } : {}),
    ...(query.handlerId ? { handlerId: query.handlerId } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.channel ? { channel: query.channel as Channel } : {}),
    ...(query.product ? { product: query.product } : {}),
  };
}

function ruleOf(query: { threshold?: number; windowDays?: number }): RecurrenceRule {
  return {
    threshold: query.threshold ?? DEFAULT_RECURRENCE_RULE.threshold,
    windowDays: query.windowDays ?? DEFAULT_RECURRENCE_RULE.windowDays,
  };
}

// A file answer has no JSON schema (as the dossier's documents); only its problems are described.
const FILE_RESPONSE = problemResponses();

function sendFile(reply: FastifyReply, file: ExportedFile): FastifyReply {
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}

/**
 * Reports for the coordinator and the auditor: the complaints register (JSON, CSV, XLSX), timeliness,
 * outcomes and causes, the yearly PDF, and the log of exports. Every figure is defined in
 * docs/reports.md.
 */
export function registerReportRoutes(app: FastifyInstance, deps: ReportDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/v1/reports/register',
    {
      schema: {
        tags: ['reports'],
        summary: 'The complaints register (BGfo): who complained, about what, when, how handled and answered',
        querystring: ReportFilterQuery,
        response: { 200: Type.Array(RegisterEntrySchema), ...problemResponses() },
      },
    },
    async (request) => {
      const entries = await getRegister(deps, accessOf(request), filterOf(request.query, deps.clock.now()));
      return jsonify(entries.map((e) => ({ ...e, handling: handlingSummary(e) })));
    },
  );

  api.get(
    '/api/v1/reports/register/export',
    {
      schema: {
        tags: ['reports'],
        summary: 'The register as CSV or XLSX; formulas neutralised; every export is logged',
        querystring: RegisterExportQuery,
        response: FILE_RESPONSE,
      },
    },
    async (request, reply) => {
      const file = await exportRegister(
        deps,
        accessOf(request),
        filterOf(request.query, deps.clock.now()),
        request.query.format,
      );
      return sendFile(reply, file);
    },
  );

  api.get(
    '/api/v1/reports/timeliness',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Share of promises kept (acknowledgment, information, decision, delay notice) and handling time',
        querystring: TimelinessQuery,
        response: { 200: TimelinessReportSchema, ...problemResponses() },
      },
    },
    async (request) => {
      const groupBy = (request.query.groupBy ?? TIMELINESS_GROUPINGS) as TimelinessGrouping[];
      return jsonify(
        await getTimeliness(deps, accessOf(request), filterOf(request.query, deps.clock.now()), groupBy),
      );
    },
  );

  api.get(
    '/api/v1/reports/outcomes',
    {
      schema: {
        tags: ['reports'],
        summary: 'Outcomes, categories and root causes over time, recurring causes, KiFiD outcomes',
        querystring: OutcomesQuery,
        response: { 200: OutcomesReportSchema, ...problemResponses() },
      },
    },
    async (request) =>
      jsonify(
        await getOutcomes(
          deps,
          accessOf(request),
          filterOf(request.query, deps.clock.now()),
          ruleOf(request.query),
        ),
      ),
  );

  api.get(
    '/api/v1/reports/annual',
    {
      schema: {
        tags: ['reports'],
        summary: 'The yearly complaints report as PDF, for the board',
        querystring: AnnualReportQuery,
        response: FILE_RESPONSE,
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await annualReportPdf(deps, accessOf(request), request.query.year, ruleOf(request.query)),
      ),
  );

  api.get(
    '/api/v1/reports/exports',
    {
      schema: {
        tags: ['reports'],
        summary: 'Who exported which report when, newest first',
        response: { 200: ExportLogSchema, ...problemResponses() },
      },
    },
    async (request) => jsonify(await getExportLog(deps, accessOf(request))),
  );
}
