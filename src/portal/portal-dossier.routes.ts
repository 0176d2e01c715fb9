import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contentDisposition } from '../http/content-disposition.ts';
import type { PortalSession } from './portal-access.service.ts';
import { recordDecisionPreference, sendPortalMessage } from './portal-contact.service.ts';
import { portalCsrfToken } from './portal-csrf.ts';
import {
  currentSession,
  DOWNLOAD_CONTENT_SECURITY_POLICY,
  firstField,
  frameFor,
  limitOrPass,
  portalRequest,
  readPortalPost,
  sendPage,
  signedOutPage,
  type PortalRequest,
} from './portal-http.ts';
import { messageProblemError, uploadProblemErrors } from './message-errors.ts';
import type { PortalRuntime } from './portal-runtime.ts';
import { otherLanguageUrl } from './portal-urls.ts';
import { getLetterDocument, loadPortalBasics, loadPortalOverview } from './portal-view.service.ts';
import type { FieldError } from './pages/form-parts.ts';
import { renderMessagePage } from './pages/message-page.ts';
import { renderOverviewPage } from './pages/overview-page.ts';
import { renderPreferencePage } from './pages/preference-page.ts';

const PAGE = { config: { public: true }, schema: { hide: true } } as const;

/** The complainant's own dossier: the overview, letters, messages and files, the preference. */
export function registerPortalDossierRoutes(scope: FastifyInstance, runtime: PortalRuntime): void {
  /** A GET page that needs a signed-in complainant; one with only a code session is sent to the code. */
  async function activeSession(
    request: FastifyRequest,
    reply: FastifyReply,
    context: PortalRequest,
  ): Promise<PortalSession | null> {
    const session = await currentSession(runtime, request);
    if (!session) {
      signedOutPage(reply, request, runtime, context);
      return null;
    }
    if (session.stage !== 'active') {
      void reply.redirect(context.urls.code, 303);
      return null;
    }
    return session;
  }

  const postLimits = (context: PortalRequest, session: PortalSession) => [
    { limiter: runtime.limits.postsPerAddress, key: context.clientKey },
    { limiter: runtime.limits.postsPerComplaint, key: session.complaintId },
  ];

  scope.get<{ Querystring: { notice?: string } }>('/klacht', PAGE, async (request, reply) => {
    const context = portalRequest(runtime, request);
    const session = await activeSession(request, reply, context);
    if (!session) return reply;
    const overview = await loadPortalOverview(runtime.services, session);
    const notices: Record<string, string> = {
      bericht: context.messages.noticeMessageSent,
      voorkeur: context.messages.noticePreferenceSaved,
    };
    return sendPage(
      reply,
      200,
      renderOverviewPage({
        frame: frameFor(runtime, context, {
          organisationName: overview.organisation.name,
          session,
          otherLanguageUrl: otherLanguageUrl('/portaal/klacht', context.choice),
        }),
        overview,
        urls: {
          message: context.urls.message,
          preference: context.urls.preference,
          letter: context.urls.letter,
        },
        notice: notices[request.query.notice ?? ''] ?? null,
      }),
    );
  });

  scope.get<{ Params: { documentId: string } }>('/brieven/:documentId', PAGE, async (request, reply) => {
    const context = portalRequest(runtime, request);
    const session = await activeSession(request, reply, context);
    if (!session) return reply;
    const document = await getLetterDocument(runtime.services, session, request.params.documentId);
    return reply
      .header('content-type', document.mediaType)
      .header('content-disposition', contentDisposition(document.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', DOWNLOAD_CONTENT_SECURITY_POLICY)
      .header('digest', `sha-256=${Buffer.from(document.sha256, 'hex').toString('base64')}`)
      .send(Buffer.from(document.content));
  });

  async function showMessagePage(
    reply: FastifyReply,
    context: PortalRequest,
    session: PortalSession,
    options: { status: number; text: string; errors: FieldError[]; switchLanguage: boolean },
  ): Promise<FastifyReply> {
    const basics = await loadPortalBasics(runtime.services, session);
    return sendPage(
      reply,
      options.status,
      renderMessagePage({
        frame: frameFor(runtime, context, {
          organisationName: basics.organisation.name,
          session,
          otherLanguageUrl: options.switchLanguage
            ? otherLanguageUrl('/portaal/bericht', context.choice)
            : null,
        }),
        action: context.urls.message,
        backUrl: context.urls.overview,
        csrf: portalCsrfToken(session.secret),
        text: options.text,
        errors: options.errors,
        limits: runtime.services.attachmentLimits,
      }),
    );
  }

  scope.get('/bericht', PAGE, async (request, reply) => {
    const context = portalRequest(runtime, request);
    const session = await activeSession(request, reply, context);
    if (!session) return reply;
    return showMessagePage(reply, context, session, {
      status: 200,
      text: '',
      errors: [],
      switchLanguage: true,
    });
  });

  scope.post('/bericht', PAGE, async (request, reply) => {
    const context = portalRequest(runtime, request);
    const post = await readPortalPost(request, reply, runtime, context, { stage: 'active', files: true });
    if (!post) return reply;
    const now = runtime.services.clock.now();
    const limited = await limitOrPass(reply, runtime, context, postLimits(context, post.session), now);
    if (limited) return limited;
    const text = firstField(post.submission, 'message');
    const limits = runtime.services.attachmentLimits;
    const errors = uploadProblemErrors(post.submission.uploadProblems, context, limits);
    if (post.submission.truncated.has('message')) {
      errors.push({ target: 'message', message: context.messages.errUnreadable });
    }
    if (errors.length === 0) {
      const outcome = await sendPortalMessage(runtime.services, post.session, {
        text,
        files: post.submission.files,
      });
      if (outcome.kind === 'sent') return reply.redirect(context.urls.overviewWith('bericht'), 303);
      errors.push(...outcome.problems.map((problem) => messageProblemError(problem, context, limits)));
    }
    return showMessagePage(reply, context, post.session, {
      status: 400,
      text,
      errors,
      switchLanguage: false,
    });
  });

  async function showPreferencePage(
    reply: FastifyReply,
    context: PortalRequest,
    session: PortalSession,
    options: { status: number; errors: FieldError[]; switchLanguage: boolean },
  ): Promise<FastifyReply> {
    const basics = await loadPortalBasics(runtime.services, session);
    return sendPage(
      reply,
      options.status,
      renderPreferencePage({
        frame: frameFor(runtime, context, {
          organisationName: basics.organisation.name,
          session,
          otherLanguageUrl: options.switchLanguage
            ? otherLanguageUrl('/portaal/voorkeur', context.choice)
            : null,
        }),
        action: context.urls.preference,
        backUrl: context.urls.overview,
        csrf: portalCsrfToken(session.secret),
        chosen: basics.preference,
        open: basics.preferenceOpen,
        errors: options.errors,
      }),
    );
  }

  scope.get('/voorkeur', PAGE, async (request, reply) => {
    const context = portalRequest(runtime, request);
    const session = await activeSession(request, reply, context);
    if (!session) return reply;
    return showPreferencePage(reply, context, session, { status: 200, errors: [], switchLanguage: true });
  });

  scope.post('/voorkeur', PAGE, async (request, reply) => {
    const context = portalRequest(runtime, request);
    const post = await readPortalPost(request, reply, runtime, context, { stage: 'active', files: false });
    if (!post) return reply;
    const limited = await limitOrPass(
      reply,
      runtime,
      context,
      postLimits(context, post.session),
      runtime.services.clock.now(),
    );
    if (limited) return limited;
    const chosen = firstField(post.submission, 'preference');
    if (chosen !== 'meeting' && chosen !== 'letter') {
      return showPreferencePage(reply, context, post.session, {
        status: 400,
        errors: [{ target: 'preference-meeting', message: context.messages.errPreferenceMissing }],
        switchLanguage: false,
      });
    }
    const outcome = await recordDecisionPreference(runtime.services, post.session, chosen);
    if (outcome === 'too_late') {
      return showPreferencePage(reply, context, post.session, {
        status: 409,
        errors: [],
        switchLanguage: false,
      });
    }
    return reply.redirect(context.urls.overviewWith('voorkeur'), 303);
  });
}
