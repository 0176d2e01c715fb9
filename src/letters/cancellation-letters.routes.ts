import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { requireRole, type AccessContext } from '../auth/access-context.ts';
import type { Database } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { NotFoundError } from '../errors.ts';
import { accessOf } from '../http/authentication.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { DateTime, IdParams, NullableString, problemResponses, Uuid } from '../http/common-schemas.ts';
import { findCancellationDocument, listCancellationLetters } from './cancellation-documents.ts';

/** Who handles cancellation requests, and the auditor who reads them (as `listCancellations`). */
const READERS = ['coordinator', 'handler', 'auditor'] as const;

async function requireCancellation(db: Kysely<Database>, context: AccessContext, id: string): Promise<void> {
  const found = await withTenant(db, context.organisationId, (tx) =>
    tx
      .selectFrom('cancellation_requests')
      .select('id')
      .where('organisation_id', '=', context.organisationId)
      .where('id', '=', id)
      .executeTakeFirst(),
  );
  if (!found) throw new NotFoundError('De opzegging');
}

/** The letters of a cancellation request (R10) and their PDFs as sent. */
export function registerCancellationLetterRoutes(app: FastifyInstance, deps: { db: Kysely<Database> }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/v1/cancellations/:id/letters',
    {
      schema: {
        tags: ['cancellations'],
        summary: 'The letters sent about a cancellation request, with their PDF as sent',
        params: IdParams,
        response: {
          200: Type.Array(
            Type.Object({
              id: Uuid,
              letterType: Type.String(),
              delivery: Type.String(),
              status: Type.String(),
              issuedAt: DateTime,
              recipientEmail: NullableString,
              documentId: Uuid,
              fileName: Type.String(),
              sizeBytes: Type.Integer(),
              sha256: Type.String(),
            }),
          ),
          ...problemResponses(404),
        },
      },
    },
    async (request) => {
      const context = accessOf(request);
      requireRole(context, READERS);
      await requireCancellation(deps.db, context, request.params.id);
      const rows = await withTenant(deps.db, context.organisationId, (tx) =>
        listCancellationLetters(tx, context.organisationId, request.params.id),
      );
      return rows.map((r) => ({
        id: r.id,
        letterType: r.letter_type,
        delivery: r.delivery,
        status: r.status,
        issuedAt: new Date(r.issued_at).toISOString(),
        recipientEmail: r.recipient_email,
        documentId: r.document_id,
        fileName: r.file_name,
        sizeBytes: Number(r.size_bytes),
        sha256: r.sha256,
      }));
    },
  );

  api.get(
    '/api/v1/cancellations/:id/documents/:documentId/content',
    {
      schema: {
        tags: ['cancellations'],
        summary: 'Download a letter of a cancellation request as sent, always as an attachment',
        params: Type.Object({ id: Uuid, documentId: Uuid }, { additionalProperties: false }),
        response: { ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const context = accessOf(request);
      requireRole(context, READERS);
      const document = await withTenant(deps.db, context.organisationId, (tx) =>
        findCancellationDocument(tx, context.organisationId, request.params.id, request.params.documentId),
      );
      if (!document?.content) throw new NotFoundError('Het document');
      return reply
        .header('content-type', document.media_type)
        .header('content-disposition', contentDisposition(document.file_name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('digest', `sha-256=${Buffer.from(document.sha256, 'hex').toString('base64')}`)
        .send(Buffer.from(document.content));
    },
  );
}
