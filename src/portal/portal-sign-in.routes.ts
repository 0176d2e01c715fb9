import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  checkCode,
  describeCodeStep,
  endSession,
  requestCode,
  useLink,
  type PortalSession,
} from './portal-access.service.ts';
import { portalCsrfToken } from './portal-csrf.ts';
import {
  currentSession,
  firstField,
  frameFor,
  limitOrPass,
  portalRequest,
  readPortalPost,
  sendPage,
  signedOutPage,
  type PortalRequest,
} from './portal-http.ts';
import type { PortalRuntime } from './portal-runtime.ts';
import { sha256Hex } from './portal-secret.ts';
import { otherLanguageUrl } from './portal-urls.ts';
import type { FieldError } from './pages/form-parts.ts';
import { renderCodePage } from './pages/code-page.ts';
import { renderNoticePage } from './pages/notice-page.ts';

const PAGE = { config: { public: true }, schema: { hide: true } } as const;

/**
 * Getting in and out: the personal link (once), the one-time code (after that), signing out. The
 * link's page answers with a redirect to a clean address at once, so the link is in no page's
 * history entry, title or Referer.
 */
export function registerPortalSignInRoutes(scope: FastifyInstance, runtime: PortalRuntime): void {
  /** One page for every link that does not work, whatever the reason: nothing about it is revealed. */
  const invalidLink = (reply: FastifyReply, context: PortalRequest): FastifyReply =>
    sendPage(
      reply,
      404,
      renderNoticePage(frameFor(runtime, context), {
        title: context.messages.linkInvalidTitle,
        paragraphs: [context.messages.linkInvalidText, context.messages.linkInvalidHelp],
      }),
    );

  scope.get('/', PAGE, async (request, reply) => {
    const context = portalRequest(runtime, request);
    const session = await currentSession(runtime, request);
    if (session)
      return reply.redirect(session.stage === 'code' ? context.urls.code : context.urls.overview, 303);
    return invalidLink(reply, context);
  });

  // Mail scanners and link previews probe with HEAD: that must never spend the link's one use.
  scope.head('/:link', PAGE, async (_request, reply) =>
    reply.status(200).type('text/html; charset=utf-8').send(),
  );

  scope.get<{ Params: { link: string } }>(
    '/:link',
    { ...PAGE, exposeHeadRoute: false },
    async (request, reply) => {
      const context = portalRequest(runtime, request);
      const now = runtime.services.clock.now();
      const link = request.params.link;
      const limited = await limitOrPass(
        reply,
        runtime,
        context,
        [
          { limiter: runtime.limits.linkUsesPerAddress, key: context.clientKey },
          { limiter: runtime.limits.linkUsesPerLink, key: sha256Hex(link) },
        ],
        now,
      );
      if (limited) return limited;
      const outcome = await useLink(runtime.services, link, await currentSession(runtime, request));
      switch (outcome.kind) {
        case 'invalid':
          return invalidLink(reply, context);
        case 'already_signed_in':
          return reply.redirect(context.urls.overview, 303);
        case 'signed_in':
          runtime.cookies.write(request, reply, outcome.cookie);
          return reply.redirect(context.urls.overview, 303);
        default:
          if (outcome.cookie) runtime.cookies.write(request, reply, outcome.cookie);
          return reply.redirect(context.urls.code, 303);
      }
    },
  );

  async function showCodePage(
    request: FastifyRequest,
    reply: FastifyReply,
    context: PortalRequest,
    session: PortalSession,
    options: { status?: number; errors?: FieldError[]; notice?: string | null } = {},
  ): Promise<FastifyReply> {
    const step = await describeCodeStep(runtime.services, session);
    const path = request.url.split('?')[0] ?? '';
    return sendPage(
      reply,
      options.status ?? 200,
      renderCodePage({
        frame: frameFor(runtime, context, {
          organisationName: step.organisationName,
          session,
          otherLanguageUrl: request.method === 'GET' ? otherLanguageUrl(path, context.choice) : null,
        }),
        step,
        csrf: portalCsrfToken(session.secret),
        urls: { sendCode: context.urls.sendCode, checkCode: context.urls.code },
        errors: options.errors ?? [],
        notice: options.notice ?? null,
      }),
    );
  }

  scope.get('/code', PAGE, async (request, reply) => {
    const context = portalRequest(runtime, request);
    const session = await currentSession(runtime, request);
    if (!session) return signedOutPage(reply, request, runtime, context);
    if (session.stage === 'active') return reply.redirect(context.urls.overview, 303);
    return showCodePage(request, reply, context, session);
  });

  scope.post('/code/versturen', PAGE, async (request, reply) => {
    const context = portalRequest(runtime, request);
    const post = await readPortalPost(request, reply, runtime, context, { stage: 'code', files: false });
    if (!post) return reply;
    const limited = await limitOrPass(
      reply,
      runtime,
      context,
      [{ limiter: runtime.limits.codeRequestsPerAddress, key: context.clientKey }],
      runtime.services.clock.now(),
    );
    if (limited) return limited;
    const outcome = await requestCode(runtime.services, post.session, context.choice.language);
    if (outcome.kind === 'too_many') {
      const minutes = Math.ceil(outcome.retryAfterMs / 60_000);
      reply.header('retry-after', String(Math.ceil(outcome.retryAfterMs / 1000)));
      return showCodePage(request, reply, context, post.session, {
        status: 429,
        notice: `${context.messages.tooManyTitle}. ${context.messages.tooManyText(minutes)}`,
      });
    }
    return reply.redirect(context.urls.code, 303);
  });

  scope.post('/code', PAGE, async (request, reply) => {
    const context = portalRequest(runtime, request);
    const post = await readPortalPost(request, reply, runtime, context, { stage: 'code', files: false });
    if (!post) return reply;
    const limited = await limitOrPass(
      reply,
      runtime,
      context,
      [
        { limiter: runtime.limits.codeChecksPerAddress, key: context.clientKey },
        { limiter: runtime.limits.codeChecksPerComplaint, key: post.session.complaintId },
      ],
      runtime.services.clock.now(),
    );
    if (limited) return limited;
    const outcome = await checkCode(runtime.services, post.session, firstField(post.submission, 'code'));
    const messages = context.messages;
    switch (outcome.kind) {
      case 'signed_in':
        runtime.cookies.write(request, reply, outcome.cookie);
        return reply.redirect(context.urls.overview, 303);
      case 'malformed':
        return showCodePage(request, reply, context, post.session, {
          status: 400,
          errors: [{ target: 'code', message: messages.errCodeMalformed }],
        });
      case 'wrong':
        return showCodePage(request, reply, context, post.session, {
          status: 400,
          errors: [{ target: 'code', message: messages.errCodeWrong(outcome.attemptsLeft) }],
        });
      default:
        // Locked, expired or no code: the page itself says which and offers a new code.
        return showCodePage(request, reply, context, post.session, { status: 400 });
    }
  });

  scope.post('/afmelden', PAGE, async (request, reply) => {
    const context = portalRequest(runtime, request);
    const post = await readPortalPost(request, reply, runtime, context, { stage: 'any', files: false });
    if (!post) return reply;
    await endSession(runtime.services, post.session);
    runtime.cookies.clear(request, reply);
    return reply.redirect(context.urls.signedOut, 303);
  });

  scope.get('/afgemeld', PAGE, async (request, reply) => {
    const context = portalRequest(runtime, request);
    return sendPage(
      reply,
      200,
      renderNoticePage(
        frameFor(runtime, context, {
          otherLanguageUrl: otherLanguageUrl('/portaal/afgemeld', context.choice),
        }),
        { title: context.messages.loggedOutTitle, paragraphs: [context.messages.loggedOutText] },
      ),
    );
  });

  // Someone who reloads or bookmarks the address a form posts to gets the page it belongs to.
  for (const path of ['/code/versturen', '/afmelden']) {
    scope.get(path, PAGE, async (request, reply) =>
      reply.redirect(portalRequest(runtime, request).urls.code, 303),
    );
  }
}
