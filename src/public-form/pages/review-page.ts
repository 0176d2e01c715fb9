import { TEXT_FIELDS, type FormValues } from '../form-values.ts';
import { markup, type SafeHtml } from '../html.ts';
import { MESSAGES, fileSize } from '../messages.ts';
import type { KeptFile } from './form-page.ts';
import { renderPage, type PageFrame } from './layout.ts';

export interface ReviewPage {
  frame: PageFrame;
  action: string;
  formToken: string;
  values: FormValues;
  files: readonly KeptFile[];
}

/**
 * "Controleer uw klacht". The hidden copies of the text are a fallback only: if the draft is gone
 * (expired, restart) they refill the form so nothing typed is lost. They are never registered — what
 * is registered is the draft the server kept, exactly what this page showed.
 */
export function renderReviewPage(page: ReviewPage): SafeHtml {
  const messages = MESSAGES[page.frame.choice.language];
  const language = page.frame.choice.language;
  const row = (label: string, value: string, multiline = false): SafeHtml => {
    const shown =
      value.trim() === ''
        ? markup`<span class="summary__empty">${messages.reviewNotFilled}</span>`
        : value.trim();
    return markup`<div class="summary__row"><dt class="summary__key">${label}</dt><dd class="summary__value${multiline ? ' summary__value--text' : ''}">${shown}</dd></div>`;
  };
  const v = page.values;
  const files =
    page.files.length === 0
      ? markup`<p>${messages.reviewNoFiles}</p>`
      : markup`<ul class="file-list">${page.files.map(
          (file) =>
            markup`<li>${file.fileName} <span class="kept-files__size">(${fileSize(file.size, language)})</span></li>`,
        )}</ul>`;
  const hidden = TEXT_FIELDS.map(
    (field) => markup`<input type="hidden" name="${field}" value="${v[field]}">`,
  );
  const main = markup`<p class="step">${messages.stepReview}</p>
<h1>${messages.reviewTitle}</h1>
<p class="lead">${messages.reviewIntro}</p>

<h2>${messages.sectionYou}</h2>
<dl class="summary">
${row(messages.labelName, v.name)}
${row(messages.labelEmail, v.email)}
${row(messages.labelPhone, v.phone)}
${row(messages.labelStreet, v.street)}
${row(messages.labelPostalCode, v.postalCode)}
${row(messages.labelCity, v.city)}
</dl>

<h2>${messages.sectionComplaint}</h2>
<dl class="summary">
${row(messages.labelProduct, v.product)}
${row(messages.labelDescription, v.description, true)}
${row(messages.labelDesiredOutcome, v.desiredOutcome, true)}
</dl>

<h2>${messages.reviewFiles}</h2>
${files}

<h2>${messages.sectionConsent}</h2>
<p>${messages.reviewConsentGiven}</p>

<form method="post" action="${page.action}" enctype="multipart/form-data" class="review-form">
<input type="hidden" name="formToken" value="${page.formToken}">
${hidden}
${v.consent ? markup`<input type="hidden" name="consent" value="yes">` : null}
<div class="form-actions">
<button type="submit" class="button" name="action" value="send">${messages.buttonSend}</button>
<button type="submit" class="button button--secondary" name="action" value="edit">${messages.buttonEdit}</button>
</div>
</form>`;
  return renderPage({ ...page.frame, title: messages.reviewTitle }, main);
}
