import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { isLocalDate, type LocalDate } from '../domain/calendar/local-date.ts';
import type { DecisionLetterContent } from '../domain/procedure/decision-letter.ts';
import { ValidationError } from '../errors.ts';
import { accessOf } from '../http/authentication.ts';
import { IdParams, problemResponses } from '../http/common-schemas.ts';
import { jsonify } from '../http/json.ts';
import { LanguageQuery, languageOf, localiseState } from './procedure-language.ts';
import { ACTION_BODIES, ProcedureStateSchema } from './procedure.schemas.ts';
import {
  getProcedureState,
  performAction,
  type LetterOptions,
  type ProcedureActionInput,
  type ProcedureDeps,
} from './procedure.service.ts';

type ActionName = keyof typeof ACTION_BODIES;
type Body = Record<string, unknown>;

function localDate(value: unknown, field: string): LocalDate {
  if (typeof value === 'string' && isLocalDate(value)) return value;
  throw new ValidationError('Deze datum bestaat niet.', [
    { field, message: 'not an existing calendar date' },
  ]);
}

function toInput(action: ActionName, body: Body): ProcedureActionInput {
  const text = (key: string) => String(body[key]);
  const optional = (key: string): unknown => body[key];
  switch (action) {
    case 'assign_handler':
      return { action, handlerId: text('handlerId') };
    case 'request_information':
      return { action, whatIsMissing: text('whatIsMissing') };
    case 'register_information_received': {
      const requestId = optional('requestId');
      return typeof requestId === 'string' ? { action, requestId } : { action };
    }
    case 'start_hearing':
      return { action, employeeId: text('employeeId'), requestText: text('requestText') };
    case 'record_hearing_statement':
      return { action, employeeId: text('employeeId'), statementText: text('statementText') };
    case 'sign_hearing_statement':
      return { action, employeeId: text('employeeId') };
    case 'waive_hearing':
      return { action, employeeId: text('employeeId'), reason: text('reason') };
    case 'record_insurer_consultation':
      return { action, at: new Date(text('at')), withWhom: text('withWhom'), agreed: text('agreed') };
    case 'send_delay_notice':
      return { action, reason: text('reason'), newDate: localDate(body['newDate'], '/newDate') };
    case 'plan_meeting':
      return { action, scheduledFor: new Date(text('scheduledFor')) };
    case 'confirm_meeting': {
      const moved = optional('scheduledFor');
      return typeof moved === 'string' ? { action, scheduledFor: new Date(moved) } : { action };
    }
    case 'record_meeting':
      return { action, heldAt: new Date(text('heldAt')), minutes: text('minutes') };
    case 'send_decision_letter': {
      const letter = body['letter'] as DecisionLetterContent;
      if (letter.receivedDate !== null) localDate(letter.receivedDate, '/letter/receivedDate');
      return { action, letter };
    }
    case 'close':
      return {
        action,
        ...('category' in body ? { category: (optional('category') as string | null) ?? null } : {}),
        ...('rootCause' in body ? { rootCause: (optional('rootCause') as string | null) ?? null } : {}),
        ...('outcome' in body ? { outcome: (optional('outcome') as ProcedureOutcome | null) ?? null } : {}),
      };
    case 'reclassify':
      return {
        action,
        kind: body['kind'] as 'question' | 'claim' | 'cancellation' | 'other',
        reason: text('reason'),
      };
    case 'record_kifid_referral':
      return {
        action,
        caseNumber: text('caseNumber'),
        outcome: (optional('outcome') as string | null) ?? null,
      };
    case 'acknowledge':
    case 'close_information_not_needed':
    case 'flag_liability':
    case 'notify_insurer':
    case 'withdraw':
      return { action };
    default:
      return action satisfies never;
  }
}

type ProcedureOutcome = 'gegrond' | 'deels_gegrond' | 'ongegrond' | 'ingetrokken';

/**
 * One route per step (`/actions/acknowledge`, `/actions/send-decision-letter`, ...) so each has its
 * own schema in the OpenAPI document. A refused step answers 422 with every refusal and its code.
 */
export function registerProcedureRoutes(app: FastifyInstance, deps: ProcedureDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/api/v1/complaints/:id/procedure',
    {
      schema: {
        tags: ['procedure'],
        summary:
          'Clocks, investigation sub-states and the steps this user may take now (with the reasons if not)',
        params: IdParams,
        querystring: LanguageQuery,
        response: { 200: ProcedureStateSchema, ...problemResponses(404) },
      },
    },
    async (request) => {
      const state = await getProcedureState(deps, accessOf(request), request.params.id);
      return jsonify(localiseState(state, languageOf(request)));
    },
  );

  for (const action of Object.keys(ACTION_BODIES) as ActionName[]) {
    api.post(
      `/api/v1/complaints/:id/actions/${action.replaceAll('_', '-')}`,
      {
        schema: {
          tags: ['procedure'],
          summary: `Step: ${action}`,
          params: IdParams,
          querystring: LanguageQuery,
          body: ACTION_BODIES[action],
          response: { 200: ProcedureStateSchema, 204: Type.Null(), ...problemResponses(404, 422) },
        },
      },
      async (request, reply) => {
        const body = request.body as Body;
        const delivery = body['delivery'];
        const letter: LetterOptions = {
          ...(delivery === 'email' || delivery === 'post' ? { delivery } : {}),
          ...(typeof body['letterFields'] === 'object' && body['letterFields'] !== null
            ? { letterFields: body['letterFields'] as Record<string, unknown> }
            : {}),
        };
        const language = languageOf(request);
        const state = await performAction(
          deps,
          accessOf(request),
          request.params.id,
          { ...toInput(action, body), ...letter },
          { language },
        );
        // An involved employee signing their own statement gets no dossier back.
        return state ? jsonify(localiseState(state, language)) : reply.status(204).send(null);
      },
    );
  }
}
