import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Clock } from '../clock.ts';
import {
  AddNoteBody,
  AttachmentQuery,
  DocumentParams,
  DossierEventSchema,
  DossierItemSchema,
} from '../complaints/complaint.schemas.ts';
import type { Database } from '../db/schema.ts';
import { accessOf } from '../http/authentication.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { IdParams, problemResponses } from '../http/common-schemas.ts';
import { jsonify } from '../http/json.ts';
import { AppError } from '../errors.ts';
import {
  addAttachment,
  addNote,
  getDocument,
  listDossierReads,
  listEvents,
  listItems,
} from './dossier.service.ts';

export function registerDossierRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock; maxAttachmentBytes: number },
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/v1/complaints/:id/items',
    {
      schema: {
        tags: ['dossier'],
        summary: 'Everything in the dossier, oldest first',
        params: IdParams,
        response: { 200: Type.Array(DossierItemSchema), ...problemResponses(404) },
      },
    },
    async (request) => jsonify(await listItems(deps, accessOf(request), request.params.id)),
  );

  api.get(
    '/api/v1/complaints/:id/events',
    {
      schema: {
        tags: ['dossier'],
        summary: 'The dossier event log with its hash chain',
        params: IdParams,
        response: { 200: Type.Array(DossierEventSchema), ...problemResponses(404) },
      },
    },
    async (request) => {
      const rows = await listEvents(deps, accessOf(request), request.params.id);
      return rows.map((row) => ({
        id: row.id,
        sequence: row.sequence,
        type: row.type,
        actor: { kind: row.actor_kind, id: row.actor_id },
        occurredAt: new Date(row.occurred_at).toISOString(),
        data: row.data,
        previousHash: row.previous_hash,
        hash: row.hash,
      }));
    },
  );

  api.get(
    '/api/v1/complaints/:id/reads',
    {
      schema: {
        tags: ['dossier'],
        summary: 'Who read this dossier, when and what (coordinator, auditor)',
        params: IdParams,
        response: {
          200: Type.Array(
            Type.Object({
              userId: Type.Union([Type.String(), Type.Null()]),
              actorKind: Type.String(),
              what: Type.String(),
              readAt: Type.String({ format: 'date-time' }),
            }),
          ),
          ...problemResponses(404),
        },
      },
    },
    async (request) => jsonify(await listDossierReads(deps, accessOf(request), request.params.id)),
  );

  api.post(
    '/api/v1/complaints/:id/notes',
    {
      schema: {
        tags: ['dossier'],
        summary: 'Add a note to the dossier',
        params: IdParams,
        body: AddNoteBody,
        response: { 201: DossierItemSchema, ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const item = await addNote(deps, accessOf(request), request.params.id, request.body);
      return reply.status(201).send(jsonify(item));
    },
  );

  api.post(
    '/api/v1/complaints/:id/attachments',
    {
      bodyLimit: deps.maxAttachmentBytes,
      schema: {
        tags: ['dossier'],
        summary: 'Add a file to the dossier (raw bytes as application/octet-stream)',
        params: IdParams,
        querystring: AttachmentQuery,
        response: { 201: DossierItemSchema, ...problemResponses(404, 413, 415) },
      },
    },
    async (request, reply) => {
      const content = request.body;
      if (!Buffer.isBuffer(content)) {
        throw new AppError(415, 'unsupported_media_type', 'Stuur de bijlage als application/octet-stream.');
      }
      const item = await addAttachment(deps, accessOf(request), request.params.id, {
        fileName: request.query.fileName,
        content,
        ...(request.query.title ? { title: request.query.title } : {}),
      });
      return reply.status(201).send(jsonify(item));
    },
  );

  api.get(
    '/api/v1/complaints/:id/documents/:documentId/content',
    {
      schema: {
        tags: ['dossier'],
        summary: 'Download a document, always as an attachment',
        params: DocumentParams,
        response: { ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const document = await getDocument(
        deps,
        accessOf(request),
        request.params.id,
        request.params.documentId,
      );
      return reply
        .header('content-type', document.mediaType)
        .header('content-disposition', contentDisposition(document.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('digest', `sha-256=${Buffer.from(document.sha256, 'hex').toString('base64')}`)
        .send(Buffer.from(document.content));
    },
  );
}
