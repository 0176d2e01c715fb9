import type { Challenge } from 'altcha-lib';
import type { AttachmentLimits } from '../../domain/attachment-policy.ts';
import { ALLOWED_EXTENSIONS } from '../../domain/attachment-policy.ts';
import type { ErrorTarget, FieldErrors, FormValues, TextField } from '../form-values.ts';
import { markup, type SafeHtml } from '../html.ts';
import { MESSAGES, fileSize, megabytes, type Messages } from '../messages.ts';
import { FILE_FIELD } from '../read-submission.ts';
import { renderPage, type PageFrame } from './layout.ts';

export interface KeptFile {
  id: string;
  fileName: string;
  size: number;
}

export interface FormPage {
  frame: PageFrame;
  action: string;
  privacyUrl: string;
  formToken: string;
  challenge: Challenge | null;
  powWorker: string;
  values: FormValues;
  errors: FieldErrors;
  keptFiles: readonly KeptFile[];
  notice: string | null;
  limits: AttachmentLimits;
}

/** Error summary order = the order of the fields on the page. */
const ERROR_ORDER: readonly ErrorTarget[] = [
  'name',
  'email',
  'phone',
  'street',
  'postalCode',
  'city',
  'product',
  'description',
  'desiredOutcome',
  'attachments',
  'consent',
];

interface FieldSpec {
  id: TextField;
  label: string;
  required?: boolean;
  hint?: string;
  /** Ids of hints outside the field that also describe it. */
  describedBy?: string[];
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  rows?: number;
  width?: 'short' | 'medium';
  spellcheck?: boolean;
}

function errorParagraph(
  id: string,
  messages: Messages,
  errors: readonly string[] | undefined,
): SafeHtml | null {
  if (!errors || errors.length === 0) return null;
  const lines = errors.map(
    (message, index) =>
      markup`${index > 0 ? markup`<br>` : null}<span class="visually-hidden">${messages.errorPrefix} </span>${message}`,
  );
  return markup`<p class="field__error" id="${id}-error">${lines}</p>`;
}

function describedBy(ids: ReadonlyArray<string | null>): string | null {
  const present = ids.filter((id): id is string => id !== null);
  return present.length > 0 ? present.join(' ') : null;
}

function textField(page: FormPage, messages: Messages, spec: FieldSpec): SafeHtml {
  const errors = page.errors[spec.id];
  const invalid = errors !== undefined && errors.length > 0;
  const hintId = spec.hint ? `${spec.id}-hint` : null;
  const describers = describedBy([...(spec.describedBy ?? []), hintId, invalid ? `${spec.id}-error` : null]);
  const value = page.values[spec.id];
  const attributes = markup`id="${spec.id}" name="${spec.id}"${spec.required ? markup` required` : null}${
    invalid ? markup` aria-invalid="true"` : null
  }${describers ? markup` aria-describedby="${describers}"` : null}${
    spec.autocomplete ? markup` autocomplete="${spec.autocomplete}"` : null
  }${spec.spellcheck === false ? markup` spellcheck="false"` : null}`;
  const textareaClass = `textarea${invalid ? ' textarea--error' : ''}`;
  const inputClass = `input${spec.width ? ` input--${spec.width}` : ''}${invalid ? ' input--error' : ''}`;
  // The newline after <textarea> keeps a value's own leading newline: the HTML parser drops one.
  const control =
    spec.rows !== undefined
      ? markup`<textarea class="${textareaClass}" rows="${spec.rows}" ${attributes}>
${value}</textarea>`
      : markup`<input class="${inputClass}" type="${spec.type ?? 'text'}" value="${value}" ${attributes}>`;
  const marker = spec.required ? markup` <span class="field__marker">${messages.required}</span>` : null;
  return markup`<div class="field${invalid ? ' field--error' : ''}">
<label class="field__label" for="${spec.id}">${spec.label}${marker}</label>
${spec.hint ? markup`<p class="field__hint" id="${hintId}">${spec.hint}</p>` : null}
${errorParagraph(spec.id, messages, errors)}
${control}
</div>`;
}

function errorSummary(page: FormPage, messages: Messages): SafeHtml | null {
  const items = ERROR_ORDER.flatMap((target) =>
    (page.errors[target] ?? []).map((message) => markup`<li><a href="#${target}">${message}</a></li>`),
  );
  if (items.length === 0) return null;
  // Focused on arrival, and announced, so someone who cannot see the page learns what went wrong first.
  return markup`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 class="error-summary__title" id="error-summary-title">${messages.errorSummaryTitle}</h2>
<ul class="error-summary__list">${items}</ul>
</div>`;
}

function keptFilesList(page: FormPage, messages: Messages): SafeHtml | null {
  if (page.keptFiles.length === 0) return null;
  const language = page.frame.choice.language;
  const items = page.keptFiles.map(
    (file) => markup`<li class="kept-files__item">
<span class="kept-files__name">${file.fileName}</span> <span class="kept-files__size">(${fileSize(file.size, language)})</span>
<span class="checkbox checkbox--small"><input type="checkbox" id="remove-${file.id}" name="remove" value="${file.id}"><label for="remove-${file.id}">${messages.removeFile}<span class="visually-hidden"> ${file.fileName}</span></label></span>
</li>`,
  );
  return markup`<p class="field__hint">${messages.keptFiles}</p>
<ul class="kept-files">${items}</ul>`;
}

function attachmentsSection(page: FormPage, messages: Messages): SafeHtml {
  const language = page.frame.choice.language;
  const errors = page.errors.attachments;
  const invalid = errors !== undefined && errors.length > 0;
  const accept = ALLOWED_EXTENSIONS.map((extension) => `.${extension}`).join(',');
  const hint = messages.hintAttachments(
    page.limits.maxFiles,
    megabytes(page.limits.maxFileBytes, language),
    megabytes(page.limits.maxTotalBytes, language),
  );
  const describers = describedBy([
    'attachments-hint',
    invalid ? 'attachments-error' : null,
    'attachments-live',
  ]);
  return markup`<fieldset class="section">
<legend class="section__legend"><h2 class="section__title">${messages.sectionAttachments} <span class="section__marker">${messages.optional}</span></h2></legend>
${keptFilesList(page, messages)}
<div class="field${invalid ? ' field--error' : ''}">
<label class="field__label" for="${FILE_FIELD}">${messages.labelAttachments}</label>
<p class="field__hint" id="attachments-hint">${hint}</p>
${errorParagraph(FILE_FIELD, messages, errors)}
<input class="file-input" type="file" id="${FILE_FIELD}" name="${FILE_FIELD}" multiple accept="${accept}" data-max-file-bytes="${page.limits.maxFileBytes}" data-too-large="${messages.fileTooLargeHint}" aria-describedby="${describers}"${invalid ? markup` aria-invalid="true"` : null}>
<p class="field__live" id="attachments-live" aria-live="polite"></p>
</div>
</fieldset>`;
}

function consentSection(page: FormPage, messages: Messages): SafeHtml {
  const errors = page.errors.consent;
  const invalid = errors !== undefined && errors.length > 0;
  const state = markup`${page.values.consent ? markup` checked` : null}${
    invalid ? markup` aria-invalid="true" aria-describedby="consent-error"` : null
  }`;
  return markup`<fieldset class="section">
<legend class="section__legend"><h2 class="section__title">${messages.sectionConsent}</h2></legend>
<p><a href="${page.privacyUrl}" target="_blank" rel="noopener">${messages.privacyLink}</a></p>
<div class="field${invalid ? ' field--error' : ''}">
${errorParagraph('consent', messages, errors)}
<div class="checkbox">
<input type="checkbox" id="consent" name="consent" value="yes" required${state}>
<label for="consent">${messages.labelConsent} <span class="field__marker">${messages.required}</span></label>
</div>
</div>
</fieldset>`;
}

export function renderFormPage(page: FormPage): SafeHtml {
  const messages = MESSAGES[page.frame.choice.language];
  const hasErrors = ERROR_ORDER.some((target) => (page.errors[target]?.length ?? 0) > 0);
  const field = (spec: FieldSpec): SafeHtml => textField(page, messages, spec);
  const pow = page.challenge
    ? markup` data-pow-challenge="${JSON.stringify(page.challenge)}" data-pow-worker="${page.powWorker}" data-pow-waiting="${messages.powWaiting}"`
    : null;
  const main = markup`<p class="step">${messages.stepForm}</p>
<h1>${messages.formTitle}</h1>
${errorSummary(page, messages)}
${page.notice ? markup`<div class="notice" role="status"><p>${page.notice}</p></div>` : null}
<p class="lead">${messages.formIntro}</p>
<p>${messages.formWhatNext}</p>
<p class="required-note">${messages.requiredNote}</p>
<form class="complaint-form" method="post" action="${page.action}" enctype="multipart/form-data" novalidate${pow}>
<input type="hidden" name="formToken" value="${page.formToken}">
<input type="hidden" name="altcha" value="">
<div class="extra-field" aria-hidden="true">
<label for="website">${messages.honeypotLabel}</label>
<input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off">
</div>

<fieldset class="section">
<legend class="section__legend"><h2 class="section__title">${messages.sectionYou}</h2></legend>
${field({ id: 'name', label: messages.labelName, required: true, autocomplete: 'name', spellcheck: false })}
<p class="field__hint contact-hint" id="contact-hint">${messages.contactHint}</p>
${field({ id: 'email', label: messages.labelEmail, type: 'email', autocomplete: 'email', describedBy: ['contact-hint'], spellcheck: false })}
${field({ id: 'phone', label: messages.labelPhone, type: 'tel', autocomplete: 'tel', width: 'medium' })}
<fieldset class="subsection">
<legend class="subsection__legend"><h3 class="subsection__title">${messages.sectionAddress}</h3></legend>
<p class="field__hint" id="address-hint">${messages.sectionAddressHint}</p>
${field({ id: 'street', label: messages.labelStreet, autocomplete: 'street-address', describedBy: ['address-hint'] })}
${field({ id: 'postalCode', label: messages.labelPostalCode, autocomplete: 'postal-code', width: 'short', spellcheck: false })}
${field({ id: 'city', label: messages.labelCity, autocomplete: 'address-level2', width: 'medium' })}
</fieldset>
</fieldset>

<fieldset class="section">
<legend class="section__legend"><h2 class="section__title">${messages.sectionComplaint}</h2></legend>
${field({ id: 'product', label: messages.labelProduct, hint: messages.hintProduct })}
${field({ id: 'description', label: messages.labelDescription, required: true, hint: messages.hintDescription, rows: 8 })}
${field({ id: 'desiredOutcome', label: messages.labelDesiredOutcome, hint: messages.hintDesiredOutcome, rows: 4 })}
</fieldset>

${attachmentsSection(page, messages)}
${consentSection(page, messages)}

<div class="form-actions">
<button type="submit" class="button">${messages.buttonReview}</button>
</div>
<p class="form-status" id="form-status" role="status"></p>
</form>`;
  return renderPage({ ...page.frame, title: messages.formTitle, hasErrors }, main);
}
