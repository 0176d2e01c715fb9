import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database, OrganisationRow } from '../db/schema.ts';
import { issueConfirmationToken, CONFIRMATION_MAX_AGE_MS } from './confirmation-token.ts';
import type { Draft } from './draft-store.ts';
import type { PublicFormRuntime } from './form-runtime.ts';
import { issueFormToken, newFormId, type FormToken } from './form-token.ts';
import type { FieldErrors, FormValues } from './form-values.ts';
import type { SafeHtml } from './html.ts';
import { languageQuery, type LanguageChoice } from './language.ts';
import { MESSAGES, type Messages } from './messages.ts';
import { renderFormPage } from './pages/form-page.ts';
import type { PageFrame } from './pages/layout.ts';
import { renderMessagePage } from './pages/message-page.ts';

/** What a step answers: a page, or a 303 to another page. */
export type PageOutcome = { kind: 'page'; status: number; body: SafeHtml; retryAfterSeconds?: number };
export type Outcome = PageOutcome | { kind: 'redirect'; location: string };

export interface FlowContext {
  db: Kysely<Database>;
  clock: Clock;
  runtime: PublicFormRuntime;
  organisation: OrganisationRow;
  choice: LanguageChoice;
  messages: Messages;
  /** The client's address as a rate-limit key (see client-address.ts). */
  clientKey: string;
  log: FastifyBaseLogger;
}

export function formUrls(slug: string, choice: LanguageChoice) {
  const base = `/klacht/${encodeURIComponent(slug)}`;
  const query = languageQuery(choice);
  return {
    form: `${base}${query}`,
    review: `${base}/controleren${query}`,
    send: `${base}/versturen${query}`,
    privacy: `${base}/privacy${query}`,
    otherLanguage: `${base}?lang=${MESSAGES[choice.language].otherLanguageCode}`,
    confirmation: (token: string) =>
      `${base}/ontvangen?t=${encodeURIComponent(token)}${languageQuery(choice, '&')}`,
  };
}

export function pageFrame(
  context: FlowContext,
  options: { script?: boolean; otherLanguage?: boolean } = {},
): PageFrame {
  const urls = formUrls(context.organisation.slug, context.choice);
  return {
    choice: context.choice,
    title: '',
    organisationName: context.organisation.name,
    styleSheet: context.runtime.assets.styleSheet,
    script: options.script ? context.runtime.assets.script : null,
    otherLanguageUrl: options.otherLanguage ? urls.otherLanguage : null,
  };
}

export function page(status: number, body: SafeHtml): PageOutcome {
  return { kind: 'page', status, body };
}

/** A fresh form token; `credited` counts the minimum fill time as done (see review-step.ts). */
export function freshFormToken(context: FlowContext, credited: boolean): { token: string; formId: string } {
  const now = context.clock.now().getTime();
  const formId = newFormId();
  const token: FormToken = {
    formId,
    organisationId: context.organisation.id,
    issuedAt: credited ? now - context.runtime.minFillMs : now,
  };
  return { token: issueFormToken(context.runtime.formKey, token), formId };
}

export async function showForm(
  context: FlowContext,
  form: {
    status: number;
    token: string;
    formId: string;
    values: FormValues;
    errors?: FieldErrors;
    draft?: Draft | undefined;
    notice?: string | null;
    otherLanguage?: boolean;
  },
): Promise<PageOutcome> {
  const urls = formUrls(context.organisation.slug, context.choice);
  const body = renderFormPage({
    frame: pageFrame(context, { script: true, otherLanguage: form.otherLanguage ?? false }),
    action: urls.review,
    privacyUrl: urls.privacy,
    formToken: form.token,
    challenge: await context.runtime.pow.createChallenge(form.formId),
    powWorker: context.runtime.assets.powWorker,
    values: form.values,
    errors: form.errors ?? {},
    keptFiles: (form.draft?.files ?? []).map((file) => ({
      id: file.id,
      fileName: file.fileName,
      size: file.size,
    })),
    notice: form.notice ?? null,
    limits: context.runtime.attachmentLimits,
  });
  return page(form.status, body);
}

export function confirmationRedirect(context: FlowContext, reference: string | null): Outcome {
  const token = issueConfirmationToken(context.runtime.confirmationKey, {
    organisationId: context.organisation.id,
    reference,
    expiresAt: context.clock.now().getTime() + CONFIRMATION_MAX_AGE_MS,
  });
  return {
    kind: 'redirect',
    location: formUrls(context.organisation.slug, context.choice).confirmation(token),
  };
}

export type BotReason = 'honeypot' | 'too_fast' | 'bad_token' | 'bad_proof_of_work';

/**
 * An automated submission looks accepted (the same redirect to a confirmation, without a reference)
 * and leaves nothing behind. Logged without anything personal, so an operator sees the volume.
 */
export function dropAsBot(context: FlowContext, reason: BotReason): Outcome {
  context.log.info(
    { organisationId: context.organisation.id, reason },
    'public complaint form: automated submission dropped',
  );
  return confirmationRedirect(context, null);
}

/** A rate limit answer: 429 with Retry-After, and a plain page when there is nothing typed to keep. */
export function tooMany(context: FlowContext, retryAfterMs: number): Outcome {
  const seconds = retryAfterSeconds(retryAfterMs);
  context.log.info({ organisationId: context.organisation.id }, 'public complaint form: rate limit reached');
  const body = renderMessagePage(pageFrame(context), {
    title: context.messages.tooManyTitle,
    text: context.messages.tooManyText(Math.ceil(seconds / 60)),
    contact: context.organisation,
  });
  return { kind: 'page', status: 429, body, retryAfterSeconds: seconds };
}

/** The same answer with the form and everything typed in it, so waiting costs nothing but time. */
export async function tooManyWithForm(
  context: FlowContext,
  retryAfterMs: number,
  form: { token: string; formId: string; values: FormValues; draft?: Draft | undefined },
): Promise<Outcome> {
  const seconds = retryAfterSeconds(retryAfterMs);
  context.log.info({ organisationId: context.organisation.id }, 'public complaint form: rate limit reached');
  const notice = `${context.messages.tooManyTitle}. ${context.messages.tooManyText(Math.ceil(seconds / 60))}`;
  const outcome = await showForm(context, { ...form, status: 429, notice });
  return { ...outcome, retryAfterSeconds: seconds };
}

function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
