import { markup, type SafeHtml } from '../../public-form/html.ts';
import { contactList } from '../../public-form/pages/message-page.ts';
import type { CodeStep } from '../portal-access.service.ts';
import { PORTAL_MESSAGES } from '../portal-messages.ts';
import { PORTAL_CODE_TTL_MS } from '../portal-policy.ts';
import { csrfField, errorSummary, fieldErrors, notice, type FieldError } from './form-parts.ts';
import { renderPortalPage, type PortalFrame } from './portal-layout.ts';

export interface CodePage {
  frame: PortalFrame;
  step: CodeStep;
  csrf: string;
  urls: { sendCode: string; checkCode: string };
  errors: readonly FieldError[];
  notice: string | null;
}

/**
 * "Bevestig dat u het bent": after a link's first use, a code by e-mail lets the complainant back
 * in. One page for every state of the code, so the address never changes under the complainant.
 */
export function renderCodePage(page: CodePage): SafeHtml {
  const messages = PORTAL_MESSAGES[page.frame.choice.language];
  const { step } = page;
  const minutes = PORTAL_CODE_TTL_MS / 60_000;
  const sendForm = (label: string, secondary: boolean): SafeHtml =>
    markup`<form method="post" action="${page.urls.sendCode}" enctype="multipart/form-data">
${csrfField(page.csrf)}
<div class="form-actions"><button type="submit" class="button${secondary ? ' button--secondary' : ''}">${label}</button></div>
</form>`;

  let body: SafeHtml;
  if (step.maskedEmail === null) {
    body = markup`<p class="lead">${messages.codeIntro}</p>
<p>${messages.codeNoEmail}</p>
${contactList(step.contact)}`;
  } else if (step.code === 'active') {
    const invalid = page.errors.length > 0;
    const describedBy = ['code-hint', invalid ? 'code-error' : null].filter((id) => id !== null).join(' ');
    body = markup`<p class="lead">${messages.codeSentTo(step.maskedEmail, minutes)}</p>
<form method="post" action="${page.urls.checkCode}" enctype="multipart/form-data" novalidate>
${csrfField(page.csrf)}
<div class="field${invalid ? ' field--error' : ''}">
<label class="field__label" for="code">${messages.labelCode}</label>
<p class="field__hint" id="code-hint">${messages.hintCode}</p>
${fieldErrors('code', page.errors, messages)}
<input class="input input--code${invalid ? ' input--error' : ''}" type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" spellcheck="false" maxlength="12" aria-describedby="${describedBy}"${invalid ? markup` aria-invalid="true"` : null}>
</div>
<div class="form-actions"><button type="submit" class="button">${messages.buttonCheckCode}</button></div>
</form>
<div class="secondary-action">
<p>${messages.codeNotReceived}</p>
${sendForm(messages.buttonNewCode, true)}
</div>`;
  } else if (step.code === 'locked' || step.code === 'expired') {
    body = markup`<div class="notice" role="status"><p>${step.code === 'locked' ? messages.codeLocked : messages.codeExpired}</p></div>
${sendForm(messages.buttonNewCode, false)}`;
  } else {
    body = markup`<p class="lead">${messages.codeIntro}</p>
<p>${messages.codeWillSendTo(step.maskedEmail)}</p>
${sendForm(messages.buttonSendCode, false)}`;
  }

  const main = markup`<h1>${messages.codeTitle}</h1>
${errorSummary(page.errors, messages)}
${notice(page.notice)}
${body}`;
  return renderPortalPage(
    { ...page.frame, title: messages.codeTitle, hasErrors: page.errors.length > 0 },
    main,
  );
}
