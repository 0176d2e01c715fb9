import { ALLOWED_EXTENSIONS, type AttachmentLimits } from '../../domain/attachment-policy.ts';
import { markup, type SafeHtml } from '../../public-form/html.ts';
import { megabytes } from '../../public-form/messages.ts';
import { FILE_FIELD } from '../../public-form/read-submission.ts';
import { PORTAL_MESSAGES } from '../portal-messages.ts';
import { csrfField, errorSummary, fieldErrors, type FieldError } from './form-parts.ts';
import { renderPortalPage, type PortalFrame } from './portal-layout.ts';

export interface MessagePage {
  frame: PortalFrame;
  action: string;
  backUrl: string;
  csrf: string;
  /** What was typed, shown again after an error so nothing is lost. */
  text: string;
  errors: readonly FieldError[];
  limits: AttachmentLimits;
}

/** A message, files, or both: the answer to our question or anything the complainant wants to add. */
export function renderMessagePage(page: MessagePage): SafeHtml {
  const messages = PORTAL_MESSAGES[page.frame.choice.language];
  const language = page.frame.choice.language;
  const textInvalid = page.errors.some((e) => e.target === 'message');
  const filesInvalid = page.errors.some((e) => e.target === FILE_FIELD);
  const textDescribers = ['message-hint', textInvalid ? 'message-error' : null].filter((id) => id !== null);
  const fileDescribers = ['files-hint', filesInvalid ? `${FILE_FIELD}-error` : null].filter(
    (id) => id !== null,
  );
  const accept = ALLOWED_EXTENSIONS.map((extension) => `.${extension}`).join(',');
  const hint = messages.hintFiles(
    page.limits.maxFiles,
    megabytes(page.limits.maxFileBytes, language),
    megabytes(page.limits.maxTotalBytes, language),
  );
  // The newline after <textarea> keeps a message's own leading newline: the HTML parser drops one.
  const main = markup`<h1>${messages.messageTitle}</h1>
${errorSummary(page.errors, messages)}
<p class="lead">${messages.messageIntro}</p>
<form method="post" action="${page.action}" enctype="multipart/form-data" novalidate>
${csrfField(page.csrf)}
<div class="field${textInvalid ? ' field--error' : ''}">
<label class="field__label" for="message">${messages.labelMessage}</label>
<p class="field__hint" id="message-hint">${messages.hintMessage}</p>
${fieldErrors('message', page.errors, messages)}
<textarea class="textarea${textInvalid ? ' textarea--error' : ''}" id="message" name="message" rows="8" aria-describedby="${textDescribers.join(' ')}"${textInvalid ? markup` aria-invalid="true"` : null}>
${page.text}</textarea>
</div>
<div class="field${filesInvalid ? ' field--error' : ''}">
<label class="field__label" for="${FILE_FIELD}">${messages.labelFiles} <span class="field__marker">${messages.optional}</span></label>
<p class="field__hint" id="files-hint">${hint}</p>
${fieldErrors(FILE_FIELD, page.errors, messages)}
<input class="file-input" type="file" id="${FILE_FIELD}" name="${FILE_FIELD}" multiple accept="${accept}" aria-describedby="${fileDescribers.join(' ')}"${filesInvalid ? markup` aria-invalid="true"` : null}>
</div>
<div class="form-actions"><button type="submit" class="button">${messages.buttonSend}</button></div>
</form>
<p class="secondary-action"><a href="${page.backUrl}">${messages.backToOverview}</a></p>`;
  return renderPortalPage(
    { ...page.frame, title: messages.messageTitle, hasErrors: page.errors.length > 0 },
    main,
  );
}
