import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  LETTER_LANGUAGES,
  LETTER_TYPES,
  type LetterLanguage,
  type LetterType,
} from '../../domain/letters/letter-types.ts';
import type { LetterTemplateOverride } from '../../domain/letters/template-model.ts';
import { accessOf } from '../../http/authentication.ts';
import { DateTime, NullableString, problemResponses, Uuid } from '../../http/common-schemas.ts';
import { jsonify } from '../../http/json.ts';
import {
  getLetterTemplate,
  listLetterTemplateChanges,
  listLetterTemplates,
  previewLetterTemplate,
  resetLetterTemplate,
  restoreLetterTemplate,
  saveLetterTemplate,
  type TemplateDeps,
} from './letter-template.service.ts';

const LetterTypeSchema = Type.Unsafe<LetterType>({ type: 'string', enum: [...LETTER_TYPES] });
const LanguageSchema = Type.Unsafe<LetterLanguage>({ type: 'string', enum: [...LETTER_LANGUAGES] });

const TemplateParams = Type.Object(
  { type: LetterTypeSchema, language: LanguageSchema },
  { additionalProperties: false },
);

const BlockSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('fixed'), Type.Literal('text'), Type.Literal('element')]),
    text: Type.String({ maxLength: 5000 }),
    elements: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 20 }),
    ),
    heading: Type.Optional(Type.String({ maxLength: 200 })),
    label: Type.Optional(Type.String({ maxLength: 200 })),
  },
  {
    additionalProperties: false,
    description: '`elements` (the required elements this block states) only on kind `element`.',
  },
);

const TemplateTextsSchema = Type.Object({
  subject: Type.String(),
  salutation: Type.String(),
  closing: Type.String(),
  blocks: Type.Array(BlockSchema),
});

const OverrideBody = Type.Object(
  {
    subject: Type.Optional(Type.String({ maxLength: 500 })),
    salutation: Type.Optional(Type.String({ maxLength: 500 })),
    closing: Type.Optional(Type.String({ maxLength: 500 })),
    blocks: Type.Optional(Type.Array(BlockSchema, { maxItems: 60 })),
  },
  {
    additionalProperties: false,
    description:
      'The parts to change; a part left out keeps the default. Given `blocks` replace the default list as a whole.',
  },
);

const ProblemItem = Type.Object({
  code: Type.String(),
  message: Type.String(),
  block: Type.Optional(Type.Integer()),
});

const SummarySchema = Type.Object({
  type: LetterTypeSchema,
  language: LanguageSchema,
  name: Type.String(),
  source: Type.Union([Type.Literal('default'), Type.Literal('organisation')]),
  template: TemplateTextsSchema,
  updatedAt: Type.Union([DateTime, Type.Null()]),
  updatedBy: NullableString,
  problems: Type.Array(ProblemItem, {
    description: 'Why a stored version is set aside (letters then use the default); empty when fine.',
  }),
});

const DetailSchema = Type.Intersect([
  SummarySchema,
  Type.Object({
    defaultTemplate: TemplateTextsSchema,
    requiredElements: Type.Array(
      Type.Object({
        name: Type.String(),
        label: Type.String(),
        rule: Type.String(),
        kind: Type.String(),
        mention: NullableString,
      }),
    ),
    placeholders: Type.Array(
      Type.Object({
        name: Type.String(),
        label: Type.String(),
        required: Type.Boolean(),
        inline: Type.Boolean(),
      }),
    ),
  }),
]);

const ChangeSchema = Type.Object({
  id: Uuid,
  letterType: Type.String(),
  language: LanguageSchema,
  change: Type.Union([Type.Literal('saved'), Type.Literal('reset')]),
  template: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  templateSha256: NullableString,
  changedBy: NullableString,
  changedByName: NullableString,
  changedAt: DateTime,
});

const PDF_RESPONSE = {
  description: 'The PDF (application/pdf), shown inline',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};

function sendPdf(reply: import('fastify').FastifyReply, pdf: Buffer, fileName: string) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(pdf);
}

/**
 * Letter templates per organisation (see docs/letters.md): read by administrators, coordinators
 * and auditors, changed by administrators and coordinators; every change is kept in the history.
 */
export function registerLetterTemplateRoutes(app: FastifyInstance, deps: TemplateDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/v1/letter-templates',
    {
      schema: {
        tags: ['letters'],
        summary: 'Every letter template per type and language: the default or the organisation’s version',
        querystring: Type.Object(
          { type: Type.Optional(LetterTypeSchema), language: Type.Optional(LanguageSchema) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(SummarySchema), ...problemResponses() },
      },
    },
    async (request) => jsonify(await listLetterTemplates(deps.db, accessOf(request), request.query)),
  );

  api.get(
    '/api/v1/letter-templates/history',
    {
      schema: {
        tags: ['letters'],
        summary: 'Who changed which template, when and to what (newest first)',
        querystring: Type.Object(
          {
            type: Type.Optional(LetterTypeSchema),
            language: Type.Optional(LanguageSchema),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(ChangeSchema), ...problemResponses() },
      },
    },
    async (request) =>
      jsonify(
        await listLetterTemplateChanges(deps.db, accessOf(request), {
          ...(request.query.type ? { type: request.query.type } : {}),
          ...(request.query.language ? { language: request.query.language } : {}),
          limit: request.query.limit ?? 100,
        }),
      ),
  );

  api.get(
    '/api/v1/letter-templates/:type/:language',
    {
      schema: {
        tags: ['letters'],
        summary: 'One template with its default, its required elements and the placeholders it may use',
        params: TemplateParams,
        response: { 200: DetailSchema, ...problemResponses() },
      },
    },
    async (request) =>
      jsonify(
        await getLetterTemplate(deps.db, accessOf(request), request.params.type, request.params.language),
      ),
  );

  api.put(
    '/api/v1/letter-templates/:type/:language',
    {
      schema: {
        tags: ['letters'],
        summary:
          'Save the organisation’s version. Refused (400) when it would drop a required element (code template_element_removed) or is otherwise unusable (template_invalid); `problems` lists each with its own code.',
        params: TemplateParams,
        body: OverrideBody,
        response: { 200: DetailSchema, ...problemResponses() },
      },
    },
    async (request) =>
      jsonify(
        await saveLetterTemplate(
          deps,
          accessOf(request),
          request.params.type,
          request.params.language,
          request.body as LetterTemplateOverride,
        ),
      ),
  );

  api.delete(
    '/api/v1/letter-templates/:type/:language',
    {
      schema: {
        tags: ['letters'],
        summary: 'Return to the default template (the old version stays in the history)',
        params: TemplateParams,
        response: { 200: DetailSchema, ...problemResponses() },
      },
    },
    async (request) =>
      jsonify(
        await resetLetterTemplate(deps, accessOf(request), request.params.type, request.params.language),
      ),
  );

  api.post(
    '/api/v1/letter-templates/:type/:language/restore',
    {
      schema: {
        tags: ['letters'],
        summary:
          'Put an earlier saved version (an id from the history) back in use; checked and recorded as a save (400 with the same codes)',
        params: TemplateParams,
        body: Type.Object({ changeId: Uuid }, { additionalProperties: false }),
        response: { 200: DetailSchema, ...problemResponses() },
      },
    },
    async (request) =>
      jsonify(
        await restoreLetterTemplate(
          deps,
          accessOf(request),
          request.params.type,
          request.params.language,
          request.body.changeId,
        ),
      ),
  );

  api.get(
    '/api/v1/letter-templates/:type/:language/preview',
    {
      schema: {
        tags: ['letters'],
        summary: 'The template in use as a PDF, filled with sample data, on the organisation’s letterhead',
        params: TemplateParams,
        response: { 200: PDF_RESPONSE, ...problemResponses() },
      },
    },
    async (request, reply) => {
      const { type, language } = request.params;
      const pdf = await previewLetterTemplate(deps.db, accessOf(request), type, language, undefined);
      return sendPdf(reply, pdf, `voorbeeld-${type}-${language}.pdf`);
    },
  );

  api.post(
    '/api/v1/letter-templates/:type/:language/preview',
    {
      schema: {
        tags: ['letters'],
        summary:
          'An edit that is not saved yet as a PDF with sample data; checked as saving would check it (400 with the same codes)',
        params: TemplateParams,
        body: OverrideBody,
        response: { 200: PDF_RESPONSE, ...problemResponses() },
      },
    },
    async (request, reply) => {
      const { type, language } = request.params;
      const pdf = await previewLetterTemplate(
        deps.db,
        accessOf(request),
        type,
        language,
        request.body as LetterTemplateOverride,
      );
      return sendPdf(reply, pdf, `voorbeeld-${type}-${language}.pdf`);
    },
  );
}
