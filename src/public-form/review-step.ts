import type { FastifyRequest } from 'fastify';
import { normaliseLine } from '../text.ts';
import {
  confirmationRedirect,
  dropAsBot,
  formUrls,
  freshFormToken,
  page,
  pageFrame,
  showForm,
  tooMany,
  tooManyWithForm,
  type FlowContext,
  type Outcome,
} from './form-flow.ts';
import { readFormToken } from './form-token.ts';
import { addError, hasErrors } from './form-values.ts';
import { renderReviewPage } from './pages/review-page.ts';
import { readSubmission } from './read-submission.ts';
import { retryAfterMs, type LimitCheck } from '../http/rate-limit/rate-limiter.ts';
import { checkUploads, validateValues, valuesFromSubmission } from './validate-form.ts';

/**
 * The first POST ("Controleren"). In this order: is it a bot (forged or missing form token, filled
 * honeypot, sent faster than a person can, a proof-of-work that does not check out)? Is the form
 * stale (signed before a restart, or hours old)? Would the rate limits refuse it? Then the fields:
 * with problems the form comes back with everything typed and every file kept; without, the review
 * page. Nothing is registered here.
 *
 * Without JavaScript there is no proof-of-work. Such a form is still accepted when the honeypot and
 * the fill time pass — the law requires a firm to handle a real person's complaint, and some people
 * browse without scripts — but under a stricter rate limit (see form-runtime.ts). A proof-of-work that
 * was sent and fails is a bot: a browser that ran the script does not send a wrong answer.
 */
export async function reviewStep(context: FlowContext, request: FastifyRequest): Promise<Outcome> {
  const { runtime, clock, messages, clientKey } = context;
  const now = clock.now();
  // Before reading anything: a flood of posts from one address costs us no parsing or memory.
  const early = await runtime.limits.postsPerAddress.takeOrWait(clientKey, now);
  if (early > 0) return tooMany(context, early);

  const submission = await readSubmission(request, runtime.attachmentLimits);
  const first = (name: string): string => submission.fields.get(name)?.[0] ?? '';
  const values = valuesFromSubmission(submission);

  const reading = readFormToken(runtime.formKey, first('formToken'), context.organisation.id, now);
  if (reading.status === 'forged') return dropAsBot(context, 'bad_token');
  if (first('website') !== '') return dropAsBot(context, 'honeypot');
  if (reading.status === 'stale') {
    // An honest page from before a restart or a long pause: show it again with what was typed. The
    // new token counts the fill time as done, since the person already filled the form once.
    const fresh = freshFormToken(context, true);
    return showForm(context, { status: 200, ...fresh, values, notice: messages.staleNotice });
  }
  const { formId, issuedAt } = reading.token;
  const tooFast = now.getTime() - issuedAt < runtime.minFillMs;
  const powPayload = first('altcha');
  const powVerified = powPayload !== '' && (await runtime.pow.verify(powPayload, formId, now));
  if (powPayload !== '' && !powVerified) return dropAsBot(context, 'bad_proof_of_work');
  const token = first('formToken');
  const errors = validateValues(values, submission.truncated, messages);
  if (tooFast) {
    // Only what would have been accepted is dropped; an early Enter in an empty form is a person
    // who gets the errors (nothing is kept, the files neither).
    if (!hasErrors(errors)) return dropAsBot(context, 'too_fast');
    return showForm(context, { status: 400, token, formId, values, errors });
  }

  const existing = await runtime.drafts.find(formId, context.organisation.id, now);
  // This form was sent already (the back button, or a replay): the same confirmation, nothing new.
  if (existing?.reference) return confirmationRedirect(context, existing.reference);

  const email = normaliseLine(values.email).toLowerCase();
  const checks: LimitCheck[] = [{ limiter: runtime.limits.complaintsPerAddress, key: clientKey }];
  if (!powVerified && !existing?.powVerified) {
    checks.push({ limiter: runtime.limits.complaintsWithoutPowPerAddress, key: clientKey });
  }
  if (email !== '') checks.push({ limiter: runtime.limits.complaintsPerEmail, key: email });
  const wait = await retryAfterMs(checks, now);
  if (wait > 0) return tooManyWithForm(context, wait, { token, formId, values, draft: existing });

  const remove = submission.fields.get('remove') ?? [];
  const uploads = checkUploads(
    submission,
    (existing?.files ?? []).filter((file) => !remove.includes(file.id)),
    runtime.attachmentLimits,
    messages,
    context.choice.language,
  );
  for (const message of uploads.errors) addError(errors, 'attachments', message);
  // The values count as checked only when the form has no errors; the files are kept either way.
  const saved = await runtime.drafts.save(
    formId,
    context.organisation.id,
    { powVerified, remove, add: uploads.accepted, reviewed: hasErrors(errors) ? null : values },
    now,
  );
  if (saved.kind === 'full') {
    return showForm(context, { status: 503, token, formId, values, errors, notice: messages.busyNotice });
  }
  const { draft } = saved;
  if (!saved.filesKept) addError(errors, 'attachments', messages.errFilesNotKept);

  if (hasErrors(errors)) {
    return showForm(context, { status: 400, token, formId, values, errors, draft });
  }
  const urls = formUrls(context.organisation.slug, context.choice);
  return page(
    200,
    renderReviewPage({
      frame: pageFrame(context),
      action: urls.send,
      formToken: token,
      values,
      files: draft.files.map((file) => ({ id: file.id, fileName: file.fileName, size: file.size })),
    }),
  );
}
