import multipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance } from 'fastify';
import { multipartLimits } from '../public-form/read-submission.ts';
import { registerPortalDossierRoutes } from './portal-dossier.routes.ts';
import { AppError } from '../errors.ts';
import { frameFor, portalRequest, sendPage, tooLargePage } from './portal-http.ts';
import { PORTAL_PATH } from './portal-cookie.ts';
import { registerPortalSignInRoutes } from './portal-sign-in.routes.ts';
import { createPortalRuntime, type PortalDeps, type PortalRuntime } from './portal-runtime.ts';
import { PORTAL_STATIC_PREFIX } from './portal-assets.ts';
import { renderNoticePage } from './pages/notice-page.ts';

/**
 * The complainant portal at /portaal: server-rendered HTML like the complaint form, no script, its
 * own session cookie (never the staff one) and its own CSRF tokens. Every route is public to the
 * staff authentication and checks the portal session itself.
 */
export function registerPortalRoutes(app: FastifyInstance, deps: PortalDeps): void {
  const runtime = createPortalRuntime(deps);
  // Encapsulated: the multipart parser, the HTML error pages and the headers apply to the portal only.
  void app.register(
    async (scope) => {
      await scope.register(multipart, {
        limits: multipartLimits(runtime.services.attachmentLimits),
        throwFileSizeLimit: false,
      });
      registerScope(scope, runtime);
    },
    { prefix: PORTAL_PATH },
  );
}

function registerScope(scope: FastifyInstance, runtime: PortalRuntime): void {
  scope.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith(PORTAL_STATIC_PREFIX)) return payload;
    // Personal data on every page: never cached, never indexed, never named in a Referer.
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-robots-tag', 'noindex, nofollow');
    reply.header('vary', 'Accept-Language, Cookie');
    return payload;
  });

  const plainPage = (
    request: Parameters<typeof portalRequest>[1],
    kind: 'notFound' | 'badRequest' | 'serverError',
  ) => {
    const context = portalRequest(runtime, request);
    const m = context.messages;
    const texts = {
      notFound: { title: m.notFoundTitle, text: m.notFoundText },
      badRequest: { title: m.badRequestTitle, text: m.badRequestText },
      serverError: { title: m.serverErrorTitle, text: m.serverErrorText },
    }[kind];
    return renderNoticePage(frameFor(runtime, context), {
      title: texts.title,
      paragraphs: [texts.text],
      link: { href: context.urls.overview, label: m.backToOverview },
    });
  };

  scope.setNotFoundHandler((request, reply) => sendPage(reply, 404, plainPage(request, 'notFound')));

  scope.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error instanceof AppError ? error.status : (error.statusCode ?? 500);
    if (status === 404) return sendPage(reply, 404, plainPage(request, 'notFound'));
    if (status === 413) return tooLargePage(reply, runtime, portalRequest(runtime, request));
    if (status >= 400 && status < 500) return sendPage(reply, 400, plainPage(request, 'badRequest'));
    request.log.error({ err: error }, 'complainant portal failed');
    return sendPage(reply, 500, plainPage(request, 'serverError'));
  });

  scope.get<{ Params: { file: string } }>(
    '/_static/:file',
    { config: { public: true }, schema: { hide: true } },
    async (request, reply) => {
      const asset = runtime.assets.byFileName.get(request.params.file);
      if (!asset) return sendPage(reply, 404, plainPage(request, 'notFound'));
      return reply
        .header('content-type', asset.contentType)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(asset.body);
    },
  );

  registerPortalSignInRoutes(scope, runtime);
  registerPortalDossierRoutes(scope, runtime);
}
