import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { registerAccountAdminRoutes } from './auth/account-admin.routes.ts';
import { createAttemptLimits, type AttemptLimitRules } from './auth/attempt-limits.ts';
import { registerAuthRoutes } from './auth/auth.routes.ts';
import type { IssuedLink } from './auth/identity-deps.ts';
import { createPasswordHasher, type PasswordHashingCost } from './auth/password-hasher.ts';
import { createSessionCookies } from './auth/session-cookie.ts';
import { createProviderClients } from './auth/sso/provider-clients.ts';
import { registerSsoSettingsRoutes } from './auth/sso/sso-settings.routes.ts';
import { registerOwnSessionRoutes } from './auth/own-sessions.routes.ts';
import { registerSsoIdentityAdminRoutes } from './auth/sso/sso-identity-admin.routes.ts';
import { registerSsoRoutes } from './auth/sso/sso.routes.ts';
import type { Clock } from './clock.ts';
import { registerComplaintRoutes } from './complaints/complaint.routes.ts';
import type { Config } from './config.ts';
import type { Database } from './db/schema.ts';
import { registerDossierRoutes } from './dossier/dossier.routes.ts';
import { registerExportRoutes } from './exports/export.routes.ts';
import { installAuthentication } from './http/authentication.ts';
import { createRateLimitStore } from './http/rate-limit/rate-limit-store.ts';
import { createClientInfoReader } from './http/client-info.ts';
import { ProblemSchema } from './http/common-schemas.ts';
import { registerHealthRoutes, type ReadinessProbe } from './http/health.routes.ts';
import { hasWebAppBuild, registerWebAppRoutes } from './http/web-app.routes.ts';
import { problem, sendProblem, toProblem } from './http/problem.ts';
import { PrivacyLogController } from './http/request-log.ts';
import { installSecurityHeaders } from './http/security-headers.ts';
import { installValidators } from './http/validation.ts';
import { registerIntakeRoutes } from './intake/intake.routes.ts';
import { registerMailboxRoutes } from './intake/mailbox.routes.ts';
import { registerSmtpSettingsRoutes } from './letters/smtp-settings.routes.ts';
import { registerCancellationLetterRoutes } from './letters/cancellation-letters.routes.ts';
import { registerLetterTemplateRoutes } from './letters/templates/letter-template.routes.ts';
import { registerComplaintLetterRoutes } from './letters/complaint-letter.routes.ts';
import type { Secrets } from './secrets.ts';
import type { Logger } from 'pino';
import { registerNotificationRoutes } from './notifications/notification.routes.ts';
import { registerOrganisationRoutes } from './organisations/organisation.routes.ts';
import { registerProcedureSettingsRoutes } from './organisations/procedure-settings.routes.ts';
import { registerPortalRoutes } from './portal/portal.routes.ts';
import { registerSavedViewRoutes } from './saved-views/saved-view.routes.ts';
import { registerPublicFormRoutes } from './public-form/public-form.routes.ts';
import { registerDeadlineRoutes } from './procedure/deadlines.routes.ts';
import { registerProcedureRoutes } from './procedure/procedure.routes.ts';
import { registerUserRoutes } from './users/user.routes.ts';
import { registerReportRoutes } from './reports/reports.routes.ts';
import { registerImprovementActionRoutes } from './reports/improvement-action.routes.ts';
import { registerPrivacyRoutes } from './privacy/privacy.routes.ts';
import { registerMyHearingRoutes } from './hearing/my-hearing.routes.ts';
import { registerInvolvementRoutes } from './complaints/involvement.routes.ts';
import { registerBulkAssignmentRoutes } from './complaints/bulk-assignment.routes.ts';
import { inProcessBulkQueue } from './complaints/bulk-assignment.runner.ts';
import type { BulkAssignmentQueue } from './complaints/bulk-assignment.service.ts';
import { registerUserAdminRoutes } from './users/user-admin.routes.ts';

export interface AppDeps {
  db: Kysely<Database>;
  clock: Clock;
  config: Pick<Config, 'logLevel' | 'maxAttachmentBytes' | 'maxJsonBodyBytes'> &
    Partial<
      Pick<
        Config,
        | 'maxMailBytes'
        | 'trustedProxies'
        | 'formMinFillSeconds'
        | 'formSecret'
        | 'cookieSecure'
        | 'portalTokenDaysAfterClose'
        | 'publicBaseUrl'
      >
    >;
  /** Needed by the routes that store or sign something (mailboxes, sign-in); without it they are not offered. */
  secrets?: Secrets;
  /** Called after a step queued mail, so the outbox sends it now instead of at the next minute. */
  onMailQueued?: () => void;
  /** Runs reassignments of several complaints (pg-boss); without it, this process runs them itself. */
  bulkAssignmentQueue?: BulkAssignmentQueue;
  readiness: ReadinessProbe;
  /** Staff sign-in knobs that only tests turn: a cheaper password hash, other limits, the reset-link catcher. */
  identity?: {
    passwordHashing?: PasswordHashingCost;
    attemptLimits?: Partial<AttemptLimitRules>;
    resetLinkSink?: (link: IssuedLink) => void;
  };
}

/** Builds the HTTP application; `main.ts` listens, tests use `app.inject()`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: deps.config.logLevel,
      // Only what operators need; no addresses, headers, query strings or bodies (personal data).
      serializers: {
        req: (req: { method?: string; routeOptions?: { url?: string } }) => ({
          method: req.method,
          route: req.routeOptions?.url,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
    },
    logController: new PrivacyLogController(),
    genReqId: () => randomUUID(),
    bodyLimit: deps.config.maxJsonBodyBytes,
    trustProxy: false,
    return503OnClosing: true,
  });

  installValidators(app);
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });
  app.addSchema(ProblemSchema);

  const cookies = createSessionCookies(deps.config.cookieSecure ?? 'auto');
  const clientInfo = createClientInfoReader(deps.config.trustedProxies ?? []);
  // Every limit of the app counts in the database, so all processes on it count together.
  const rateLimits = createRateLimitStore(deps.db, deps.secrets?.rateLimitKey);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });
  installSecurityHeaders(app, { isSecure: cookies.isSecure });
  app.setErrorHandler((error, request, reply) => {
    const body = toProblem(error);
    if (body.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, request, body);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, problem(404, 'route_not_found', 'Dit adres bestaat niet.')),
  );

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Klachtwijzer API',
        version: '1',
        description:
          'Klachtenbehandeling volgens de klachtenprocedure. Errors are RFC 9457 problem documents.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (kw1_…) for other systems' },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: '__Host-kw_session',
            description:
              'Browser session from POST /api/v1/auth/login (kw_session on http://localhost); requests ' +
              'that change something also send X-CSRF-Token.',
          },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, index) =>
        typeof json.$id === 'string' ? json.$id : `def-${index}`,
    },
  });

  await app.register(cookie);
  installAuthentication(app, { db: deps.db, clock: deps.clock, cookies });

  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  registerHealthRoutes(app, deps.readiness);
  registerComplaintRoutes(app, deps);
  registerDossierRoutes(app, { ...deps, maxAttachmentBytes: deps.config.maxAttachmentBytes });
  registerOrganisationRoutes(app, deps);
  registerProcedureSettingsRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerAccountAdminRoutes(app, { db: deps.db, clock: deps.clock, clientInfo });
  registerUserAdminRoutes(app, { db: deps.db, clock: deps.clock, clientInfo });
  registerNotificationRoutes(app, deps);
  registerDeadlineRoutes(app);
  const procedureDeps = {
    db: deps.db,
    clock: deps.clock,
    ...(deps.secrets
      ? {
          letters: {
            secrets: deps.secrets,
            ...(deps.onMailQueued ? { onMailQueued: deps.onMailQueued } : {}),
            ...(deps.config.publicBaseUrl ? { publicBaseUrl: deps.config.publicBaseUrl } : {}),
          },
        }
      : {}),
  };
  registerProcedureRoutes(app, procedureDeps);
  registerIntakeRoutes(app, deps);
  registerPublicFormRoutes(app, { ...deps, rateLimits });
  registerPortalRoutes(app, { ...deps, rateLimits });
  registerExportRoutes(app, deps);
  registerCancellationLetterRoutes(app, deps);
  registerLetterTemplateRoutes(app, deps);
  registerComplaintLetterRoutes(app, {
    db: deps.db,
    clock: deps.clock,
    ...(deps.config.publicBaseUrl ? { publicBaseUrl: deps.config.publicBaseUrl } : {}),
  });
  registerReportRoutes(app, deps);
  registerImprovementActionRoutes(app, deps);
  registerPrivacyRoutes(app, deps);
  registerSavedViewRoutes(app, deps);
  registerMyHearingRoutes(app, procedureDeps);
  registerInvolvementRoutes(app, deps);
  registerBulkAssignmentRoutes(app, {
    db: deps.db,
    clock: deps.clock,
    queue: deps.bulkAssignmentQueue ?? inProcessBulkQueue(procedureDeps, app.log),
  });
  if (deps.secrets) {
    const identity = {
      db: deps.db,
      clock: deps.clock,
      secrets: deps.secrets,
      passwords: createPasswordHasher(deps.identity?.passwordHashing),
      limits: createAttemptLimits(rateLimits, deps.identity?.attemptLimits),
      ...(deps.identity?.resetLinkSink ? { resetLinkSink: deps.identity.resetLinkSink } : {}),
    };
    registerAuthRoutes(app, { identity, cookies, clientInfo });
    registerOwnSessionRoutes(app, { db: deps.db, clock: deps.clock, cookies, clientInfo });
    const providers = createProviderClients();
    const publicBaseUrl = deps.config.publicBaseUrl ? { publicBaseUrl: deps.config.publicBaseUrl } : {};
    registerSsoRoutes(app, { sso: { ...identity, providers }, cookies, clientInfo, ...publicBaseUrl });
    registerSsoIdentityAdminRoutes(app, { db: deps.db, clock: deps.clock, clientInfo });
    registerSsoSettingsRoutes(app, {
      db: deps.db,
      clock: deps.clock,
      secrets: deps.secrets,
      providers,
      isSecure: cookies.isSecure,
      ...publicBaseUrl,
    });
    registerSmtpSettingsRoutes(app, { db: deps.db, clock: deps.clock, secrets: deps.secrets });
    registerMailboxRoutes(app, {
      db: deps.db,
      clock: deps.clock,
      secrets: deps.secrets,
      log: app.log as unknown as Logger,
      limits: {
        maxMailBytes: deps.config.maxMailBytes ?? 40 * 1024 * 1024,
        maxAttachmentBytes: deps.config.maxAttachmentBytes,
      },
    });
  }

  // The staff app (web/dist) when it was built; API-only tests run without it.
  if (hasWebAppBuild()) await registerWebAppRoutes(app);

  await app.ready();
  return app;
}
