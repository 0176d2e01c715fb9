import { markup, type SafeHtml } from '../../public-form/html.ts';
import { CSRF_FIELD } from '../portal-csrf.ts';
import type { PortalMessages } from '../portal-messages.ts';

/** The pieces every portal form shares, built like the complaint form's so they behave alike. */
export interface FieldError {
  /** The id of the field the summary links to. */
  target: string;
  message: string;
}

export function csrfField(csrf: string): SafeHtml {
  return markup`<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">`;
}

/** Focused on arrival and announced, so someone who cannot see the page hears what went wrong first. */
export function errorSummary(errors: readonly FieldError[], messages: PortalMessages): SafeHtml | null {
  if (errors.length === 0) return null;
  return markup`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 class="error-summary__title" id="error-summary-title">${messages.errorSummaryTitle}</h2>
<ul class="error-summary__list">${errors.map((e) => markup`<li><a href="#${e.target}">${e.message}</a></li>`)}</ul>
</div>`;
}

export function fieldErrors(
  id: string,
  errors: readonly FieldError[],
  messages: PortalMessages,
): SafeHtml | null {
  const mine = errors.filter((e) => e.target === id);
  if (mine.length === 0) return null;
  const lines = mine.map(
    (e, index) =>
      markup`${index > 0 ? markup`<br>` : null}<span class="visually-hidden">${messages.errorPrefix} </span>${e.message}`,
  );
  return markup`<p class="field__error" id="${id}-error">${lines}</p>`;
}

export function notice(text: string | null, kind: 'info' | 'success' = 'info'): SafeHtml | null {
  if (text === null) return null;
  return markup`<div class="notice${kind === 'success' ? ' notice--success' : ''}" role="status"><p>${text}</p></div>`;
}
