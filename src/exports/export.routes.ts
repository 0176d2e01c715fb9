import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { accessOf } from '../http/authentication.ts';
import { IdParams, problemResponses } from '../http/common-schemas.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { exportAfmKlachtenuitvraag } from './afm-export.service.ts';
import { startDossierExport } from './dossier-export.service.ts';

const YearParams = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2999 }) },
  { additionalProperties: false },
);

export function registerExportRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock; secrets?: { afmCodeKey: Buffer } },
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/v1/complaints/:id/export',
    {
      schema: {
        tags: ['exports'],
        summary:
          'The whole dossier as one ZIP (index PDF, every document as sent or received, event log, ' +
          'SHA-256 manifest); coordinator, auditor, or the assigned handler. Every export is recorded.',
        params: IdParams,
        response: { ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const started = await startDossierExport(deps, accessOf(request), request.params.id);
      started.done.then(
        (outcome) => {
          if (outcome.digestMismatches.length > 0) {
            request.log.error(
              { files: outcome.digestMismatches },
              'dossier export: stored documents differ from their recorded digest',
            );
          }
        },
        (error: unknown) => request.log.error({ err: error }, 'dossier export failed while streaming'),
      );
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', contentDisposition(started.fileName))
        .header('cache-control', 'no-store')
        .send(started.stream);
    },
  );

  const secrets = deps.secrets;
  if (!secrets) return;
  api.get(
    '/api/v1/reports/afm-klachtenuitvraag/:year',
    {
      schema: {
        tags: ['exports'],
        summary:
          'AFM klachtenuitvraag for one year as CSV (semicolons, UTF-8): every complaint received, ' +
          'closed or open in that year under a stable anonymous code; coordinator or auditor.',
        params: YearParams,
        response: { ...problemResponses() },
      },
    },
    async (request, reply) => {
      const result = await exportAfmKlachtenuitvraag(
        { db: deps.db, clock: deps.clock, afmCodeKey: secrets.afmCodeKey },
        accessOf(request),
        request.params.year,
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(result.fileName))
        .header('cache-control', 'no-store')
        .header('digest', `sha-256=${Buffer.from(result.sha256, 'hex').toString('base64')}`)
        .send(result.csv);
    },
  );
}
