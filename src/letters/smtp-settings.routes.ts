import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { accessOf } from '../http/authentication.ts';
import { DateTime, NullableString, problemResponses } from '../http/common-schemas.ts';
import { jsonify } from '../http/json.ts';
import type { Secrets } from '../secrets.ts';
import { getSmtpSettings, saveSmtpSettings, testSmtpSettings } from './smtp-settings.service.ts';

const SmtpSchema = Type.Object({
  host: Type.String(),
  port: Type.Integer(),
  secure: Type.Boolean(),
  username: NullableString,
  hasPassword: Type.Boolean(),
  fromAddress: Type.String(),
  fromName: Type.String(),
  replyTo: NullableString,
  lastError: NullableString,
  lastErrorAt: Type.Union([DateTime, Type.Null()]),
  lastSuccessAt: Type.Union([DateTime, Type.Null()]),
});

export function registerSmtpSettingsRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock; secrets: Secrets },
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/api/v1/organisation/smtp',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Outgoing mail settings and their last error (never the password)',
        response: { 200: Type.Union([SmtpSchema, Type.Null()]), ...problemResponses() },
      },
    },
    async (request) => jsonify(await getSmtpSettings(deps.db, accessOf(request))),
  );
  api.put(
    '/api/v1/organisation/smtp',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Set the outgoing mail server (administrator); leave out the password to keep it',
        body: Type.Object(
          {
            host: Type.String({ minLength: 1, maxLength: 253 }),
            port: Type.Integer({ minimum: 1, maximum: 65535 }),
            secure: Type.Boolean(),
            username: Type.Union([Type.String({ minLength: 1, maxLength: 254 }), Type.Null()]),
            password: Type.Optional(
              Type.Union([Type.String({ minLength: 1, maxLength: 1000 }), Type.Null()]),
            ),
            fromAddress: Type.String({ format: 'email', maxLength: 254 }),
            fromName: Type.String({ minLength: 1, maxLength: 200 }),
            replyTo: Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()]),
          },
          { additionalProperties: false },
        ),
        response: { 200: SmtpSchema, ...problemResponses() },
      },
    },
    async (request) => jsonify(await saveSmtpSettings(deps, accessOf(request), request.body)),
  );
  api.post(
    '/api/v1/organisation/smtp/test',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Test the outgoing mail server; the answer says in Dutch what is wrong',
        response: {
          200: Type.Object({ ok: Type.Boolean(), message: Type.String() }),
          ...problemResponses(404),
        },
      },
    },
    async (request) => testSmtpSettings(deps, accessOf(request)),
  );
}
