import { markup, type SafeHtml } from '../../public-form/html.ts';
import { PORTAL_MESSAGES } from '../portal-messages.ts';
import { csrfField, errorSummary, fieldErrors, type FieldError } from './form-parts.ts';
import { renderPortalPage, type PortalFrame } from './portal-layout.ts';

export interface PreferencePage {
  frame: PortalFrame;
  action: string;
  backUrl: string;
  csrf: string;
  chosen: 'meeting' | 'letter' | null;
  /** False once our position is given or the complaint has ended: then only the explanation shows. */
  open: boolean;
  errors: readonly FieldError[];
}

/** R7: our position preferably in a personal conversation, otherwise in writing — the complainant says which. */
export function renderPreferencePage(page: PreferencePage): SafeHtml {
  const messages = PORTAL_MESSAGES[page.frame.choice.language];
  const invalid = page.errors.length > 0;
  const option = (value: 'meeting' | 'letter', label: string, hint: string): SafeHtml =>
    markup`<div class="radio">
<input type="radio" id="preference-${value}" name="preference" value="${value}" aria-describedby="preference-${value}-hint"${page.chosen === value ? markup` checked` : null}>
<div><label for="preference-${value}">${label}</label>
<p class="radio__hint" id="preference-${value}-hint">${hint}</p></div>
</div>`;
  const form = page.open
    ? markup`<form method="post" action="${page.action}" enctype="multipart/form-data" novalidate>
${csrfField(page.csrf)}
<div class="field${invalid ? ' field--error' : ''}">
<fieldset class="fieldset"${invalid ? markup` aria-describedby="preference-meeting-error"` : null}>
<legend class="fieldset__legend">${messages.preferenceLegend}</legend>
${fieldErrors('preference-meeting', page.errors, messages)}
${option('meeting', messages.optionMeeting, messages.optionMeetingHint)}
${option('letter', messages.optionLetter, messages.optionLetterHint)}
</fieldset>
</div>
<div class="form-actions"><button type="submit" class="button">${messages.buttonSave}</button></div>
</form>`
    : markup`<div class="notice" role="status"><p>${messages.preferenceTooLate}</p></div>`;
  const main = markup`<h1>${messages.preferenceTitle}</h1>
${errorSummary(page.errors, messages)}
<p class="lead">${messages.preferenceIntro}</p>
${form}
<p class="secondary-action"><a href="${page.backUrl}">${messages.backToOverview}</a></p>`;
  return renderPortalPage({ ...page.frame, title: messages.preferenceTitle, hasErrors: invalid }, main);
}
