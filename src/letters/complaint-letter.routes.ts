import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { isLocalDate } from '../domain/calendar/local-date.ts';
import { ValidationError } from '../errors.ts';
import { accessOf } from '../http/authentication.ts';
import { DateTime, IdParams, NullableString, problemResponses, Uuid } from '../http/common-schemas.ts';
import { jsonify } from '../http/json.ts';
import type { ComplaintLetterType } from './complaint-letters.ts';
import {
  listLettersOfComplaint,
  markLetterPosted,
  previewLetterOfComplaint,
  type ComplaintLetterDeps,
} from './complaint-letter.service.ts';

const COMPLAINT_LETTER_TYPES = [
  'acknowledgment',
  'information_request',
  'delay_notice',
  'meeting_invitation',
  'meeting_confirmation',
  'decision',
  'hearing_request',
  'hearing_statement',
  'insurer_notification',
  'insurer_consultation_record',
] as const satisfies readonly ComplaintLetterType[];

const PreviewBody = Type.Object(
  {
    type: Type.Unsafe<ComplaintLetterType>({ type: 'string', enum: [...COMPLAINT_LETTER_TYPES] }),
    fields: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description:
          'Content fields as the step would take them in `letterFields` (and the step’s own input, e.g. `missingInformation`, `reason` and `newDate`, `meetingDate`/`startTime`/`endTime`, the decision’s elements).',
      }),
    ),
    employeeId: Type.Optional(Uuid),
    step: Type.Optional(
      Type.Object(
        {
          scheduledFor: Type.Optional(
            Type.String({
              format: 'date-time',
              description: 'meeting_confirmation: the time now agreed (default: the planned meeting’s)',
            }),
          ),
          consultedAt: Type.Optional(
            Type.String({ format: 'date-time', description: 'insurer_consultation_record: when' }),
          ),
          withWhom: Type.Optional(Type.String({ maxLength: 300 })),
          agreed: Type.Optional(Type.String({ maxLength: 10_000 })),
          statementText: Type.Optional(
            Type.String({ maxLength: 50_000, description: 'hearing_statement: the summary to be signed' }),
          ),
        },
        {
          additionalProperties: false,
          description:
            'For the letters written from what their step stores (meeting_confirmation, insurer_consultation_record, hearing_statement): the step’s input, not stored. The step’s own gates apply: 409 with its refusal code (no_meeting_planned, liability_not_flagged, hearing_not_requested, …), 400 for an impossible time.',
        },
      ),
    ),
  },
  { additionalProperties: false },
);

const PreviewSchema = Type.Object({
  type: Type.String(),
  complete: Type.Boolean({ description: 'The letter could go out as it is' }),
  problems: Type.Array(Type.String(), {
    description: 'In Dutch, each missing or wrong required element; the PDF then says CONCEPT',
  }),
  subject: Type.String(),
  fileName: Type.String(),
  mediaType: Type.Literal('application/pdf'),
  pdf: Type.String({ contentEncoding: 'base64', description: 'The PDF, base64-encoded' }),
});

const LetterSchema = Type.Object({
  id: Uuid,
  letterType: Type.String(),
  language: Type.String(),
  recipientKind: Type.String(),
  recipientName: Type.String(),
  delivery: Type.Union([Type.Literal('email'), Type.Literal('post')]),
  status: Type.Union([Type.Literal('sent'), Type.Literal('posted'), Type.Literal('undeliverable')]),
  documentId: Uuid,
  pdfSha256: Type.String(),
  issuedAt: DateTime,
  issuedBy: NullableString,
  postedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  undeliverableAt: Type.Union([DateTime, Type.Null()]),
  automatic: Type.Boolean({ description: 'Went out without a person looking (Auto-Submitted)' }),
});

const LetterParams = Type.Object({ id: Uuid, letterId: Uuid }, { additionalProperties: false });

const PostedBody = Type.Object(
  {
    postedOn: Type.String({
      format: 'date',
      description:
        'The day the printed letter went into the post (Amsterdam); not in the future, not before issue',
    }),
  },
  { additionalProperties: false },
);

export function registerComplaintLetterRoutes(app: FastifyInstance, deps: ComplaintLetterDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/api/v1/complaints/:id/letters/preview',
    {
      schema: {
        tags: ['letters'],
        summary:
          'The PDF of a letter as it would go out now, with the problems that would refuse it. JSON with the PDF in base64, so one answer gives both the document to show and the list to show beside it. Issues nothing: no letter, no event, no mail, no portal link.',
        params: IdParams,
        body: PreviewBody,
        response: { 200: PreviewSchema, ...problemResponses(404, 409) },
      },
    },
    async (request) => {
      const step = request.body.step;
      const preview = await previewLetterOfComplaint(deps, accessOf(request), request.params.id, {
        type: request.body.type,
        ...(request.body.fields ? { fields: request.body.fields } : {}),
        ...(request.body.employeeId ? { employeeId: request.body.employeeId } : {}),
        ...(step
          ? {
              step: {
                ...(step.scheduledFor ? { scheduledFor: new Date(step.scheduledFor) } : {}),
                ...(step.consultedAt ? { consultedAt: new Date(step.consultedAt) } : {}),
                ...(step.withWhom !== undefined ? { withWhom: step.withWhom } : {}),
                ...(step.agreed !== undefined ? { agreed: step.agreed } : {}),
                ...(step.statementText !== undefined ? { statementText: step.statementText } : {}),
              },
            }
          : {}),
      });
      return {
        type: preview.type,
        complete: preview.complete,
        problems: preview.problems,
        subject: preview.subject,
        fileName: preview.fileName,
        mediaType: 'application/pdf' as const,
        pdf: preview.pdf.toString('base64'),
      };
    },
  );

  api.get(
    '/api/v1/complaints/:id/letters',
    {
      schema: {
        tags: ['letters'],
        summary: 'The letters of a complaint, oldest first',
        params: IdParams,
        response: { 200: Type.Array(LetterSchema), ...problemResponses(404) },
      },
    },
    async (request) => jsonify(await listLettersOfComplaint(deps, accessOf(request), request.params.id)),
  );

  api.post(
    '/api/v1/complaints/:id/letters/:letterId/posted',
    {
      schema: {
        tags: ['letters'],
        summary:
          'Record that a printed letter was posted on a day; the clocks count it as sent that day. 400 posted_date_in_future / posted_date_before_issue; 409 letter_already_posted / letter_not_for_post.',
        params: LetterParams,
        body: PostedBody,
        response: { 200: LetterSchema, ...problemResponses(404, 409) },
      },
    },
    async (request) => {
      const postedOn = request.body.postedOn;
      if (!isLocalDate(postedOn)) {
        throw new ValidationError('Deze datum bestaat niet.', [
          { field: '/postedOn', message: 'not an existing calendar date' },
        ]);
      }
      return jsonify(
        await markLetterPosted(deps, accessOf(request), request.params.id, request.params.letterId, postedOn),
      );
    },
  );
}
