import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { accessOf } from '../http/authentication.ts';
import { DateTime, IdParams, NullableString, problemResponses, Uuid } from '../http/common-schemas.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { jsonify } from '../http/json.ts';
import type { ProcedureDeps } from '../procedure/procedure.service.ts';
import {
  getMyHearing,
  getMyHearingDocument,
  listMyHearings,
  signMyStatement,
  submitMyReaction,
} from './my-hearing.service.ts';

const NullableDateTime = Type.Union([DateTime, Type.Null()]);

export const OwnHearingSchema = Type.Object({
  complaintId: Uuid,
  reference: Type.String(),
  status: Type.Union([
    Type.Literal('requested'),
    Type.Literal('statement_draft'),
    Type.Literal('signed'),
    Type.Literal('waived'),
  ]),
  requestedAt: NullableDateTime,
  requestText: NullableString,
  reactionDueDate: Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), Type.Null()]),
  reactions: Type.Array(Type.Object({ id: Uuid, text: Type.String(), at: DateTime })),
  statement: Type.Union([Type.Object({ text: Type.String(), recordedAt: DateTime }), Type.Null()]),
  signedAt: NullableDateTime,
  waivedAt: NullableDateTime,
  documents: Type.Array(
    Type.Object({
      id: Uuid,
      letterType: Type.Union([
        Type.Literal('hearing_request'),
        Type.Literal('hearing_statement'),
        Type.Literal('hearing_statement_signed'),
      ]),
      fileName: Type.String(),
      mediaType: Type.String(),
      sizeBytes: Type.Integer(),
      issuedAt: DateTime,
    }),
  ),
  mayReact: Type.Boolean(),
  maySign: Type.Boolean(),
});

const DocumentParams = Type.Object({ id: Uuid, documentId: Uuid }, { additionalProperties: false });

/**
 * The involved employee's own hearing requests, under /my/: the only complaint data an employee
 * reaches. The dossier routes stay closed to them (404), whatever id they try.
 */
export function registerMyHearingRoutes(app: FastifyInstance, deps: ProcedureDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/v1/my/hearings',
    {
      schema: {
        tags: ['hearing'],
        summary: 'My hearing requests (wederhoor): the request, my reaction, the summary to sign',
        response: { 200: Type.Array(OwnHearingSchema), ...problemResponses() },
      },
    },
    async (request) => jsonify(await listMyHearings(deps, accessOf(request))),
  );

  api.get(
    '/api/v1/my/hearings/:id',
    {
      schema: {
        tags: ['hearing'],
        summary: 'One of my hearing requests (the id is the complaint id)',
        params: IdParams,
        response: { 200: OwnHearingSchema, ...problemResponses(404) },
      },
    },
    async (request) => jsonify(await getMyHearing(deps, accessOf(request), request.params.id)),
  );

  api.post(
    '/api/v1/my/hearings/:id/reaction',
    {
      schema: {
        tags: ['hearing'],
        summary: 'Write my reaction to a hearing request; it is added to the dossier',
        params: IdParams,
        body: Type.Object(
          { text: Type.String({ minLength: 1, maxLength: 50_000 }) },
          { additionalProperties: false },
        ),
        response: { 200: OwnHearingSchema, ...problemResponses(404, 409) },
      },
    },
    async (request) =>
      jsonify(await submitMyReaction(deps, accessOf(request), request.params.id, request.body)),
  );

  api.post(
    '/api/v1/my/hearings/:id/sign',
    {
      schema: {
        tags: ['hearing'],
        summary: 'Sign the summary of my reaction (the procedure step sign_hearing_statement)',
        params: IdParams,
        body: Type.Object({}, { additionalProperties: false }),
        response: { 200: OwnHearingSchema, ...problemResponses(404, 422) },
      },
    },
    async (request) => jsonify(await signMyStatement(deps, accessOf(request), request.params.id)),
  );

  api.get(
    '/api/v1/my/hearings/:id/documents/:documentId/content',
    {
      schema: {
        tags: ['hearing'],
        summary: 'Download the request, the summary to sign or the signed copy of my hearing',
        params: DocumentParams,
        response: { ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const document = await getMyHearingDocument(
        deps,
        accessOf(request),
        request.params.id,
        request.params.documentId,
      );
      return (
        reply
          .header('content-type', document.mediaType)
          .header('content-disposition', contentDisposition(document.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "sandbox; default-src 'none'")
          // The digest the dossier's events hold: the employee can show which PDF they were given.
          .header('digest', `sha-256=${Buffer.from(document.sha256, 'hex').toString('base64')}`)
          .send(Buffer.from(document.content))
      );
    },
  );
}
