import { markup, type SafeHtml } from '../html.ts';
import { MESSAGES } from '../messages.ts';
import { renderPage, type PageFrame } from './layout.ts';

/**
 * Only the reference and what happens next: whoever opens this URL later learns nothing about the
 * complaint. Without a reference (a dropped automated submission) the page reads the same otherwise.
 */
export function renderConfirmationPage(frame: PageFrame, reference: string | null): SafeHtml {
  const messages = MESSAGES[frame.choice.language];
  const panel =
    reference === null
      ? markup`<div class="panel panel--success"><p class="panel__text">${messages.confirmationReceived}</p></div>`
      : markup`<div class="panel panel--success">
<p class="panel__label">${messages.confirmationReference}</p>
<p class="panel__reference">${reference}</p>
</div>
<p>${messages.confirmationKeepReference}</p>`;
  const main = markup`<h1>${messages.confirmationTitle}</h1>
${panel}
<h2>${messages.confirmationWhatNext}</h2>
<p>${messages.confirmationAcknowledgment}</p>`;
  return renderPage({ ...frame, title: messages.confirmationTitle }, main);
}
