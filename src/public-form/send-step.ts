import type { FastifyRequest } from 'fastify';
import { ValidationError } from '../errors.ts';
import { normaliseLine } from '../text.ts';
import {
  confirmationRedirect,
  dropAsBot,
  freshFormToken,
  page,
  pageFrame,
  showForm,
  tooManyWithForm,
  type FlowContext,
  type Outcome,
} from './form-flow.ts';
import { readFormToken } from './form-token.ts';
import { addError, type ErrorTarget, type FieldErrors } from './form-values.ts';
import { renderMessagePage } from './pages/message-page.ts';
import { submitPublicComplaint } from './public-form.service.ts';
import { readSubmission } from './read-submission.ts';
import { takeHits, type LimitCheck } from '../http/rate-limit/rate-limiter.ts';
import { valuesFromSubmission } from './validate-form.ts';

/** Where the complaint service's field paths show on the form. */
const SERVICE_FIELDS: Readonly<Record<string, ErrorTarget>> = {
  '/complainant/name': 'name',
  '/complainant': 'email',
  '/description': 'description',
  '/attachments': 'attachments',
};

/**
 * The second POST: "Versturen" registers the draft the review page showed, "Wijzigen" goes back to
 * the form. The moment of receipt is when this POST arrived. The draft is keyed on the form id, so a
 * double click (or the back button and Versturen again) finds the registration already running or
 * done and answers with the same confirmation: one complaint.
 */
export async function sendStep(context: FlowContext, request: FastifyRequest): Promise<Outcome> {
  const { runtime, clock, messages, clientKey } = context;
  const receivedAt = clock.now();
  // The review page has no file field; anything sent as a file here is read and dropped.
  const submission = await readSubmission(request, { ...runtime.attachmentLimits, maxFiles: 0 });
  const first = (name: string): string => submission.fields.get(name)?.[0] ?? '';
  const typed = valuesFromSubmission(submission);

  const reading = readFormToken(runtime.formKey, first('formToken'), context.organisation.id, receivedAt);
  if (reading.status === 'forged') return dropAsBot(context, 'bad_token');
  if (reading.status === 'stale') {
    const fresh = freshFormToken(context, true);
    return showForm(context, { status: 200, ...fresh, values: typed, notice: messages.staleNotice });
  }
  const { formId } = reading.token;
  const token = first('formToken');
  const draft = await runtime.drafts.find(formId, context.organisation.id, receivedAt);
  if (draft?.reference) return confirmationRedirect(context, draft.reference);
  const sendingKey = `${context.organisation.id}:${formId}`;
  const running = runtime.sending.get(sendingKey);
  if (running) return confirmationAfter(context, running);
  if (first('action') === 'edit') {
    return showForm(context, { status: 200, token, formId, values: draft?.reviewed ?? typed, draft });
  }
  if (!draft?.reviewed) {
    // The draft expired or the server restarted: the text comes back from the page, files must be re-added.
    return showForm(context, {
      status: 200,
      token,
      formId,
      values: typed,
      draft,
      notice: messages.staleNotice,
    });
  }

  const values = draft.reviewed;
  const email = normaliseLine(values.email).toLowerCase();
  const checks: LimitCheck[] = [{ limiter: runtime.limits.complaintsPerAddress, key: clientKey }];
  if (!draft.powVerified)
    checks.push({ limiter: runtime.limits.complaintsWithoutPowPerAddress, key: clientKey });
  if (email !== '') checks.push({ limiter: runtime.limits.complaintsPerEmail, key: email });
  const wait = await takeHits(checks, receivedAt);
  if (wait > 0) return tooManyWithForm(context, wait, { token, formId, values, draft });

  // A second click that arrived while this one awaited the draft and the limits joins the first.
  const joined = runtime.sending.get(sendingKey);
  if (joined) return confirmationAfter(context, joined);
  // Set before the next await, so a concurrent second click in this process finds it. Another
  // process that sends the same form meanwhile is kept apart by the form id's idempotency key
  // (public-form.service.ts).
  const registration = runtime.drafts
    .contents(draft)
    .then((files) =>
      submitPublicComplaint(
        { db: context.db, clock, attachmentLimits: runtime.attachmentLimits },
        context.organisation.id,
        formId,
        values,
        files,
        receivedAt,
        (tx, reference) =>
          runtime.drafts.markSent(tx, context.organisation.id, formId, reference, clock.now()),
      ),
    )
    .then((outcome) => (outcome.kind === 'in_progress' ? null : outcome.reference));
  runtime.sending.set(sendingKey, registration);
  try {
    return confirmationRedirect(context, await registration);
  } catch (error) {
    if (error instanceof ValidationError) {
      const errors: FieldErrors = {};
      for (const problem of error.fields)
        addError(errors, SERVICE_FIELDS[problem.field] ?? 'description', problem.message);
      return showForm(context, { status: 400, token, formId, values, errors, draft });
    }
    throw error;
  } finally {
    runtime.sending.delete(sendingKey);
  }
}

async function confirmationAfter(
  context: FlowContext,
  registration: Promise<string | null>,
): Promise<Outcome> {
  try {
    return confirmationRedirect(context, await registration);
  } catch {
    // The first click reports the failure; this one says the same without logging it twice.
    return page(
      500,
      renderMessagePage(pageFrame(context), {
        title: context.messages.serverErrorTitle,
        text: context.messages.serverErrorText,
        contact: context.organisation,
      }),
    );
  }
}
