import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { rateLimitKey } from '../http/client-address.ts';
import type { RateLimitStore } from '../http/rate-limit/rate-limit-store.ts';
import { readConfirmationToken } from './confirmation-token.ts';
import {
  formUrls,
  freshFormToken,
  pageFrame,
  showForm,
  type FlowContext,
  type Outcome,
} from './form-flow.ts';
import { createPublicFormRuntime, type PublicFormConfig, type PublicFormRuntime } from './form-runtime.ts';
import { emptyValues } from './form-values.ts';
import type { SafeHtml } from './html.ts';
import { chooseLanguage, type LanguageChoice } from './language.ts';
import { MESSAGES, megabytes } from './messages.ts';
import { renderConfirmationPage } from './pages/confirmation-page.ts';
import { renderMessagePage } from './pages/message-page.ts';
import { renderPrivacyPage } from './pages/privacy-page.ts';
import { findFormOrganisation } from './public-form.service.ts';
import { multipartLimits, requestCeiling } from './read-submission.ts';
import { reviewStep } from './review-step.ts';
import { sendStep } from './send-step.ts';
import { STATIC_PREFIX } from './static-assets.ts';

export interface PublicFormDeps {
  db: Kysely<Database>;
  clock: Clock;
  config: PublicFormConfig;
  /** The installation's key for form tokens, once the composition root hands one over. */
  secrets?: { formKey: Buffer };
  /** Where the limits count (the database, shared by every process). */
  rateLimits: RateLimitStore;
}

/**
 * Pages may be framed by any site (the firm's own website embeds the form) and run only our own
 * script and style sheet, so inline script or style injected by anyone cannot run.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  'frame-ancestors *',
].join('; ');

interface SlugParams {
  slug: string;
}

/** The public complaint form at /klacht/<slug>: server-rendered HTML, works without JavaScript. */
export function registerPublicFormRoutes(app: FastifyInstance, deps: PublicFormDeps): void {
  const runtime = createPublicFormRuntime(
    deps.config,
    { db: deps.db, limits: deps.rateLimits },
    deps.secrets?.formKey,
  );
  if (!runtime.sharedSecret) {
    app.log.info(
      'no FORM_SECRET and no installation secret: the public form signs with a key of this process only',
    );
  }
  // Encapsulated: the multipart parser, the HTML error pages and the headers apply to the form only.
  void app.register(
    async (scope) => {
      await scope.register(multipart, {
        limits: multipartLimits(runtime.attachmentLimits),
        throwFileSizeLimit: false,
      });
      registerRoutes(scope, deps, runtime);
    },
    { prefix: '/klacht' },
  );
}

function registerRoutes(scope: FastifyInstance, deps: PublicFormDeps, runtime: PublicFormRuntime): void {
  const publicRoute = { config: { public: true }, schema: { hide: true } } as const;

  scope.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith(STATIC_PREFIX)) return payload;
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cache-control', 'no-store');
    reply.header('vary', 'Accept-Language');
    return payload;
  });

  scope.setNotFoundHandler((request, reply) => sendPage(reply, 404, plainPage(runtime, request, 'notFound')));

  scope.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) return sendPage(reply, 413, plainPage(runtime, request, 'tooLarge'));
    if (status >= 400 && status < 500) return sendPage(reply, 400, plainPage(runtime, request, 'badRequest'));
    request.log.error({ err: error }, 'public complaint form failed');
    return sendPage(reply, 500, plainPage(runtime, request, 'serverError'));
  });

  scope.get<{ Params: { file: string } }>('/_static/:file', publicRoute, async (request, reply) => {
    const asset = runtime.assets.byFileName.get(request.params.file);
    if (!asset) return sendPage(reply, 404, plainPage(runtime, request, 'notFound'));
    return reply
      .header('content-type', asset.contentType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(asset.body);
  });

  /** Resolves the organisation and the per-request context, or answers 404 itself. */
  async function withContext(
    request: FastifyRequest<{ Params: SlugParams }>,
    reply: FastifyReply,
    work: (context: FlowContext) => Promise<Outcome>,
  ): Promise<FastifyReply> {
    const choice = choiceOf(request);
    const organisation = await findFormOrganisation(deps.db, request.params.slug);
    if (!organisation) return sendPage(reply, 404, plainPage(runtime, request, 'notFound'));
    const context: FlowContext = {
      db: deps.db,
      clock: deps.clock,
      runtime,
      organisation,
      choice,
      messages: MESSAGES[choice.language],
      clientKey: rateLimitKey(
        runtime.clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for']),
      ),
      log: request.log,
    };
    return sendOutcome(reply, await work(context));
  }

  scope.get<{ Params: SlugParams }>('/:slug', publicRoute, (request, reply) =>
    withContext(request, reply, async (context) => {
      const fresh = freshFormToken(context, false);
      return showForm(context, { status: 200, ...fresh, values: emptyValues(), otherLanguage: true });
    }),
  );

  const ceiling = requestCeiling(runtime.attachmentLimits);
  const checkSize = async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply | undefined> => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > ceiling) {
      // Answer at once and close: reading a body this size only to refuse it helps nobody.
      reply.header('connection', 'close');
      return sendPage(reply, 413, plainPage(runtime, request, 'tooLarge'));
    }
    // Without a Content-Length (chunked), count as it arrives.
    let received = 0;
    request.raw.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > ceiling) request.raw.destroy();
    });
    // A 'data' listener sets the stream flowing: without this pause, whatever arrives while the
    // handler awaits the database (organisation, rate limits) would be counted here and then lost to
    // the form parser, which pipes (and so resumes) the stream when it starts reading.
    request.raw.pause();
    return undefined;
  };

  scope.post<{ Params: SlugParams }>(
    '/:slug/controleren',
    { ...publicRoute, preHandler: checkSize },
    (request, reply) => withContext(request, reply, (context) => reviewStep(context, request)),
  );
  scope.post<{ Params: SlugParams }>(
    '/:slug/versturen',
    { ...publicRoute, preHandler: checkSize },
    (request, reply) => withContext(request, reply, (context) => sendStep(context, request)),
  );

  // Someone who reloads or bookmarks a step's address gets the form, not an error.
  for (const step of ['controleren', 'versturen']) {
    scope.get<{ Params: SlugParams }>(`/:slug/${step}`, publicRoute, async (request, reply) =>
      reply.redirect(formUrls(request.params.slug, choiceOf(request)).form, 303),
    );
  }

  scope.get<{ Params: SlugParams; Querystring: { t?: string } }>(
    '/:slug/ontvangen',
    publicRoute,
    (request, reply) =>
      withContext(request, reply, async (context) => {
        const confirmation = readConfirmationToken(
          runtime.confirmationKey,
          request.query.t,
          context.organisation.id,
          context.clock.now(),
        );
        if (!confirmation) {
          const body = renderMessagePage(pageFrame(context), {
            title: context.messages.confirmationTitle,
            text: context.messages.confirmationGone,
            contact: context.organisation,
          });
          return { kind: 'page', status: 404, body };
        }
        return {
          kind: 'page',
          status: 200,
          body: renderConfirmationPage(pageFrame(context), confirmation.reference),
        };
      }),
  );

  scope.get<{ Params: SlugParams }>('/:slug/privacy', publicRoute, (request, reply) =>
    withContext(request, reply, async (context) => ({
      kind: 'page',
      status: 200,
      body: renderPrivacyPage(pageFrame(context), context.organisation.name, context.organisation),
    })),
  );
}

function choiceOf(request: FastifyRequest): LanguageChoice {
  return chooseLanguage(request.query, request.headers['accept-language']);
}

/** Pages outside any organisation's context: unknown address, unreadable or oversized post, our fault. */
function plainPage(
  runtime: PublicFormRuntime,
  request: FastifyRequest,
  kind: 'notFound' | 'tooLarge' | 'badRequest' | 'serverError',
): SafeHtml {
  const choice = choiceOf(request);
  const messages = MESSAGES[choice.language];
  const max = megabytes(runtime.attachmentLimits.maxTotalBytes, choice.language);
  const texts = {
    notFound: { title: messages.notFoundTitle, text: messages.notFoundText },
    tooLarge: { title: messages.tooLargeTitle, text: messages.tooLargeText(max) },
    badRequest: { title: messages.badRequestTitle, text: messages.badRequestText },
    serverError: { title: messages.serverErrorTitle, text: messages.serverErrorText },
  }[kind];
  const slug = (request.params as { slug?: unknown } | undefined)?.slug;
  const formUrl = kind !== 'notFound' && typeof slug === 'string' ? formUrls(slug, choice).form : null;
  return renderMessagePage(
    { choice, title: '', organisationName: null, styleSheet: runtime.assets.styleSheet },
    { ...texts, formUrl },
  );
}

function sendPage(reply: FastifyReply, status: number, body: SafeHtml): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(body.value);
}

function sendOutcome(reply: FastifyReply, outcome: Outcome): FastifyReply {
  if (outcome.kind === 'redirect') return reply.redirect(outcome.location, 303);
  if (outcome.retryAfterSeconds !== undefined) reply.header('retry-after', String(outcome.retryAfterSeconds));
  return sendPage(reply, outcome.status, outcome.body);
}
