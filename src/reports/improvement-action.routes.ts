import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { isLocalDate, type LocalDate } from '../domain/calendar/local-date.ts';
import { ValidationError } from '../errors.ts';
import { accessOf } from '../http/authentication.ts';
import { IdParams, problemResponses } from '../http/common-schemas.ts';
import { jsonify } from '../http/json.ts';
import {
  changeImprovementAction,
  createImprovementAction,
  getImprovementAction,
  listImprovementActions,
  removeImprovementAction,
} from './improvement-action.service.ts';
import { recordKifidOutcome } from './kifid-outcome.service.ts';
import {
  ImprovementActionChangeBody,
  ImprovementActionSchema,
  ImprovementListQuery,
  KifidOutcomeBody,
  KifidOutcomeSchema,
  NewImprovementActionBody,
} from './reports.schemas.ts';
import type { ReportDeps } from './reports.service.ts';

function existingDate(value: string, field: string): LocalDate {
  if (isLocalDate(value)) return value;
  throw new ValidationError('Deze datum bestaat niet.', [
    { field, message: 'not an existing calendar date' },
  ]);
}

/** Improvement actions (read: coordinator, auditor; change: coordinator) and KiFiD outcomes. */
export function registerImprovementActionRoutes(app: FastifyInstance, deps: ReportDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/v1/improvement-actions',
    {
      schema: {
        tags: ['reports'],
        summary: 'Improvement actions, nearest due date first, with the complaints that led to them',
        querystring: ImprovementListQuery,
        response: { 200: Type.Array(ImprovementActionSchema), ...problemResponses() },
      },
    },
    async (request) => jsonify(await listImprovementActions(deps, accessOf(request), request.query.status)),
  );

  api.post(
    '/api/v1/improvement-actions',
    {
      schema: {
        tags: ['reports'],
        summary: 'Record an improvement action (coordinator)',
        body: NewImprovementActionBody,
        response: { 201: ImprovementActionSchema, ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const view = await createImprovementAction(deps, accessOf(request), {
        ...body,
        dueDate: existingDate(body.dueDate, '/dueDate'),
      });
      return reply
        .status(201)
        .header('location', `/api/v1/improvement-actions/${view.id}`)
        .send(jsonify(view));
    },
  );

  api.get(
    '/api/v1/improvement-actions/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'One improvement action',
        params: IdParams,
        response: { 200: ImprovementActionSchema, ...problemResponses(404) },
      },
    },
    async (request) => jsonify(await getImprovementAction(deps, accessOf(request), request.params.id)),
  );

  api.patch(
    '/api/v1/improvement-actions/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'Change an improvement action; complaintIds replaces the linked complaints (coordinator)',
        params: IdParams,
        body: ImprovementActionChangeBody,
        response: { 200: ImprovementActionSchema, ...problemResponses(404) },
      },
    },
    async (request) => {
      const { dueDate, ...rest } = request.body;
      return jsonify(
        await changeImprovementAction(deps, accessOf(request), request.params.id, {
          ...rest,
          ...(dueDate === undefined ? {} : { dueDate: existingDate(dueDate, '/dueDate') }),
        }),
      );
    },
  );

  api.delete(
    '/api/v1/improvement-actions/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'Remove an improvement action (coordinator); its links leave an event in each dossier',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      await removeImprovementAction(deps, accessOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  api.put(
    '/api/v1/complaints/:id/kifid-outcome',
    {
      schema: {
        tags: ['reports'],
        summary: 'Record how the KiFiD case of this complaint ended (coordinator)',
        params: IdParams,
        body: KifidOutcomeBody,
        response: { 200: KifidOutcomeSchema, ...problemResponses(404, 422) },
      },
    },
    async (request) =>
      jsonify(
        await recordKifidOutcome(deps, accessOf(request), request.params.id, {
          outcomeCode: request.body.outcomeCode,
          decidedOn: existingDate(request.body.decidedOn, '/decidedOn'),
        }),
      ),
  );
}
