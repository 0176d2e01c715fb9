import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SafeHtml } from '../public-form/html.ts';
import { chooseLanguage, type LanguageChoice } from '../public-form/language.ts';
import { megabytes } from '../public-form/messages.ts';
import { rateLimitKey } from '../http/client-address.ts';
import { takeHits, type LimitCheck } from '../http/rate-limit/rate-limiter.ts';
import { readSubmission, requestCeiling, type Submission } from '../public-form/read-submission.ts';
import { resolvePortalSession, type PortalSession } from './portal-access.service.ts';
import { portalCsrfMatches, portalCsrfToken, CSRF_FIELD } from './portal-csrf.ts';
import { PORTAL_MESSAGES, type PortalMessages } from './portal-messages.ts';
import type { PortalRuntime } from './portal-runtime.ts';
import { portalUrls } from './portal-urls.ts';
import { renderNoticePage } from './pages/notice-page.ts';
import type { PortalFrame } from './pages/portal-layout.ts';

/**
 * The portal runs no script and loads only our own style sheets; it may not be framed (its buttons
 * act for the complainant) and sends no Referer anywhere.
 */
export const PORTAL_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Served documents never run as a page of ours, whatever they contain. */
export const DOWNLOAD_CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'";

export interface PortalRequest {
  choice: LanguageChoice;
  messages: PortalMessages;
  urls: ReturnType<typeof portalUrls>;
  /** The client's address as a rate-limit key (TRUSTED_PROXIES decide whether X-Forwarded-For counts). */
  clientKey: string;
}

export function portalRequest(runtime: PortalRuntime, request: FastifyRequest): PortalRequest {
  const choice = chooseLanguage(request.query, request.headers['accept-language']);
  return {
    choice,
    messages: PORTAL_MESSAGES[choice.language],
    urls: portalUrls(choice),
    clientKey: rateLimitKey(
      runtime.clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for']),
    ),
  };
}

export function frameFor(
  runtime: PortalRuntime,
  context: PortalRequest,
  options: {
    organisationName?: string | null;
    session?: PortalSession | null;
    otherLanguageUrl?: string | null;
  } = {},
): PortalFrame {
  return {
    choice: context.choice,
    title: '',
    organisationName: options.organisationName ?? null,
    styleSheets: runtime.assets.styleSheets,
    otherLanguageUrl: options.otherLanguageUrl ?? null,
    signOut: options.session
      ? { action: context.urls.signOut, csrf: portalCsrfToken(options.session.secret) }
      : null,
  };
}

export function sendPage(reply: FastifyReply, status: number, body: SafeHtml): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', PORTAL_CONTENT_SECURITY_POLICY)
    .send(body.value);
}

/** The 429 page with Retry-After; `null` when every limit allows one more (and the hit is counted). */
export async function limitOrPass(
  reply: FastifyReply,
  runtime: PortalRuntime,
  context: PortalRequest,
  checks: readonly LimitCheck[],
  now: Date,
): Promise<FastifyReply | null> {
  const wait = await takeHits(checks, now);
  if (wait === 0) return null;
  const seconds = Math.max(1, Math.ceil(wait / 1000));
  reply.header('retry-after', String(seconds));
  return sendPage(
    reply,
    429,
    renderNoticePage(frameFor(runtime, context), {
      title: context.messages.tooManyTitle,
      paragraphs: [context.messages.tooManyText(Math.ceil(seconds / 60))],
    }),
  );
}

/** No live session: a calm page that says how to get back in, and the stale cookie removed. */
export function signedOutPage(
  reply: FastifyReply,
  request: FastifyRequest,
  runtime: PortalRuntime,
  context: PortalRequest,
): FastifyReply {
  runtime.cookies.clear(request, reply);
  return sendPage(
    reply,
    401,
    renderNoticePage(frameFor(runtime, context), {
      title: context.messages.signedOutTitle,
      paragraphs: [context.messages.signedOutText],
    }),
  );
}

export function forbiddenPage(
  reply: FastifyReply,
  runtime: PortalRuntime,
  context: PortalRequest,
): FastifyReply {
  return sendPage(
    reply,
    403,
    renderNoticePage(frameFor(runtime, context), {
      title: context.messages.forbiddenTitle,
      paragraphs: [context.messages.forbiddenText],
      link: { href: context.urls.overview, label: context.messages.backToOverview },
    }),
  );
}

export function tooLargePage(
  reply: FastifyReply,
  runtime: PortalRuntime,
  context: PortalRequest,
): FastifyReply {
  reply.header('connection', 'close');
  const max = megabytes(runtime.services.attachmentLimits.maxTotalBytes, context.choice.language);
  return sendPage(
    reply,
    413,
    renderNoticePage(frameFor(runtime, context), {
      title: context.messages.tooLargeTitle,
      paragraphs: [context.messages.tooLargeText(max)],
    }),
  );
}

export async function currentSession(
  runtime: PortalRuntime,
  request: FastifyRequest,
): Promise<PortalSession | null> {
  return resolvePortalSession(runtime.services, runtime.cookies.read(request));
}

/**
 * Every POST of the portal: a live session of the right stage first (nobody else gets a body read),
 * then a bounded multipart read, then the CSRF token of that session — before anything is done.
 * Answers itself (and returns null) when any of that fails.
 */
export async function readPortalPost(
  request: FastifyRequest,
  reply: FastifyReply,
  runtime: PortalRuntime,
  context: PortalRequest,
  options: { stage: 'active' | 'code' | 'any'; files: boolean },
): Promise<{ session: PortalSession; submission: Submission } | null> {
  const session = await currentSession(runtime, request);
  if (!session) {
    signedOutPage(reply, request, runtime, context);
    return null;
  }
  if (options.stage !== 'any' && session.stage !== options.stage) {
    void reply.redirect(session.stage === 'code' ? context.urls.code : context.urls.overview, 303);
    return null;
  }
  const limits = runtime.services.attachmentLimits;
  if (Number(request.headers['content-length'] ?? 0) > requestCeiling(limits)) {
    tooLargePage(reply, runtime, context);
    return null;
  }
  const submission = await readSubmission(request, options.files ? limits : { ...limits, maxFiles: 0 });
  if (!portalCsrfMatches(session.secret, submission.fields.get(CSRF_FIELD)?.[0])) {
    forbiddenPage(reply, runtime, context);
    return null;
  }
  return { session, submission };
}

export function firstField(submission: Submission, name: string): string {
  return submission.fields.get(name)?.[0] ?? '';
}
