import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { Type } from 'typebox';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { accessOf } from '../http/authentication.ts';
import { requireRole } from '../auth/access-context.ts';
import { DateTime, IdParams, NullableString, problemResponses, Uuid } from '../http/common-schemas.ts';
import { jsonify } from '../http/json.ts';
import type { Secrets } from '../secrets.ts';
import { pollMailbox, reprocessQuarantinedMail } from './mail-intake.ts';
import { createMailbox, listMailboxes, setMailboxEnabled, testMailbox } from './mailbox.service.ts';
import { listQuarantinedMail } from './quarantine.service.ts';

const MailboxSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  host: Type.String(),
  port: Type.Integer(),
  secure: Type.Boolean(),
  username: Type.String(),
  folder: Type.String(),
  ourAddresses: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  lastPolledAt: Type.Union([DateTime, Type.Null()]),
  lastError: NullableString,
  lastErrorAt: Type.Union([DateTime, Type.Null()]),
});

export interface MailboxRouteDeps {
  db: Kysely<Database>;
  clock: Clock;
  secrets: Secrets;
  log: Logger;
  limits: { maxMailBytes: number; maxAttachmentBytes: number };
}

export function registerMailboxRoutes(app: FastifyInstance, deps: MailboxRouteDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const intake = () => ({
    db: deps.db,
    clock: deps.clock,
    secrets: deps.secrets,
    log: deps.log,
    maxMessageBytes: deps.limits.maxMailBytes,
    maxAttachmentBytes: deps.limits.maxAttachmentBytes,
  });

  api.get(
    '/api/v1/mailboxes',
    {
      schema: {
        tags: ['mailboxes'],
        summary: 'The mailboxes complaints are read from, with their last error',
        response: { 200: Type.Array(MailboxSchema), ...problemResponses() },
      },
    },
    async (request) => jsonify(await listMailboxes(deps.db, accessOf(request))),
  );
  api.post(
    '/api/v1/mailboxes',
    {
      schema: {
        tags: ['mailboxes'],
        summary: 'Add an IMAP mailbox (administrator); the password is stored encrypted',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            host: Type.String({ minLength: 1, maxLength: 253 }),
            port: Type.Integer({ minimum: 1, maximum: 65535 }),
            secure: Type.Boolean(),
            username: Type.String({ minLength: 1, maxLength: 254 }),
            password: Type.String({ minLength: 1, maxLength: 1000 }),
            folder: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            ourAddresses: Type.Array(Type.String({ format: 'email', maxLength: 254 }), { maxItems: 20 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: MailboxSchema, ...problemResponses() },
      },
    },
    async (request, reply) =>
      reply.status(201).send(jsonify(await createMailbox(deps, accessOf(request), request.body))),
  );
  api.post(
    '/api/v1/mailboxes/:id/test',
    {
      schema: {
        tags: ['mailboxes'],
        summary: 'Test the connection; the answer says in Dutch what is wrong',
        params: IdParams,
        response: {
          200: Type.Object({ ok: Type.Boolean(), message: Type.String() }),
          ...problemResponses(404),
        },
      },
    },
    async (request) => testMailbox(deps, accessOf(request), request.params.id),
  );
  api.post(
    '/api/v1/mailboxes/:id/enabled',
    {
      schema: {
        tags: ['mailboxes'],
        summary: 'Switch reading a mailbox on or off (administrator)',
        params: IdParams,
        body: Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: MailboxSchema, ...problemResponses(404) },
      },
    },
    async (request) =>
      jsonify(await setMailboxEnabled(deps.db, accessOf(request), request.params.id, request.body.enabled)),
  );
  api.post(
    '/api/v1/mailboxes/:id/poll',
    {
      schema: {
        tags: ['mailboxes'],
        summary: 'Read the mailbox now instead of waiting for the next minute',
        params: IdParams,
        response: {
          200: Type.Object({
            fetched: Type.Integer(),
            stored: Type.Integer(),
            duplicates: Type.Integer(),
            error: NullableString,
          }),
          ...problemResponses(404),
        },
      },
    },
    async (request) => {
      const access = accessOf(request);
      requireRole(access, ['admin', 'coordinator']);
      const report = await pollMailbox(intake(), access.organisationId, request.params.id);
      return {
        fetched: report.fetched,
        stored: report.stored,
        duplicates: report.duplicates,
        error: report.error,
      };
    },
  );
  api.post(
    '/api/v1/mail/:id/reprocess',
    {
      schema: {
        tags: ['mailboxes'],
        summary: 'Process a quarantined message after all (coordinator)',
        params: IdParams,
        body: Type.Object(
          { acceptOwnAddress: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ classification: Type.String() }), ...problemResponses(404, 409) },
      },
    },
    async (request) => {
      const access = accessOf(request);
      requireRole(access, ['coordinator']);
      const classification = await reprocessQuarantinedMail(
        intake(),
        access.organisationId,
        request.params.id,
        {
          acceptOwnAddress: request.body.acceptOwnAddress ?? false,
        },
      );
      return { classification };
    },
  );

  api.get(
    '/api/v1/mail/quarantine',
    {
      schema: {
        tags: ['mailboxes'],
        summary: 'Mail that could not be processed on its own, with the reason (coordinator, auditor)',
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Array(
            Type.Object({
              id: Uuid,
              mailboxId: Uuid,
              mailboxName: Type.String(),
              receivedAt: DateTime,
              fromAddress: NullableString,
              subject: NullableString,
              sizeBytes: Type.Integer(),
              classification: Type.String(),
              reason: NullableString,
              explanation: Type.String(),
            }),
          ),
          ...problemResponses(),
        },
      },
    },
    async (request) =>
      jsonify(await listQuarantinedMail(deps.db, accessOf(request), { limit: request.query.limit ?? 100 })),
  );
}
