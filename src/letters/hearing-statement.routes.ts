import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { accessOf } from '../http/authentication.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { DateTime, problemResponses, Uuid } from '../http/common-schemas.ts';
import { getHearingStatementPdf, listOwnHearingStatements } from './hearing-statement.service.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

const StatementParams = Type.Object({ id: Uuid, employeeId: Uuid }, { additionalProperties: false });

/** The hearing statement (R4) as the employee sees it to sign, and as filed once signed. */
export function registerHearingStatementRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock },
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/v1/me/hearing-statements',
    {
      schema: {
        tags: ['hearing'],
        summary: "The summaries of the current user's own reactions to complaints (to read and sign)",
        response: {
          200: Type.Array(
            Type.Object({
              complaintId: Uuid,
              reference: Type.String(),
              status: Type.String(),
              recordedAt: Nullable(DateTime),
              signedAt: Nullable(DateTime),
              statementDocumentId: Uuid,
              signedDocumentId: Nullable(Uuid),
            }),
          ),
          ...problemResponses(),
        },
      },
    },
    async (request) =>
      (await listOwnHearingStatements(deps.db, accessOf(request))).map((s) => ({
        ...s,
        recordedAt: s.recordedAt?.toISOString() ?? null,
        signedAt: s.signedAt?.toISOString() ?? null,
      })),
  );

  for (const [path, version] of [
    ['statement', 'for_signature'],
    ['signed-statement', 'signed'],
  ] as const) {
    api.get(
      `/api/v1/complaints/:id/hearings/:employeeId/${path}`,
      {
        schema: {
          tags: ['hearing'],
          summary:
            version === 'signed'
              ? 'The signed summary of the employee’s reaction, as filed in the dossier (PDF)'
              : 'The summary of the employee’s reaction put to them for signature (PDF)',
          params: StatementParams,
          response: { ...problemResponses(404) },
        },
      },
      async (request, reply) => {
        const document = await getHearingStatementPdf(
          deps,
          accessOf(request),
          request.params.id,
          request.params.employeeId,
          version,
        );
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', contentDisposition(document.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "sandbox; default-src 'none'")
          .header('digest', `sha-256=${Buffer.from(document.sha256, 'hex').toString('base64')}`)
          .send(Buffer.from(document.content));
      },
    );
  }
}
