import { markup, type SafeHtml } from '../html.ts';
import { MESSAGES } from '../messages.ts';
import { renderPage, type PageFrame } from './layout.ts';

export interface OrganisationContact {
  email: string | null;
  phone: string | null;
}

export function contactList(contact: OrganisationContact): SafeHtml | null {
  if (!contact.email && !contact.phone) return null;
  return markup`<ul class="contact-list">
${contact.email ? markup`<li><a href="mailto:${contact.email}">${contact.email}</a></li>` : null}
${contact.phone ? markup`<li><a href="tel:${contact.phone.replace(/[^\d+]/g, '')}">${contact.phone}</a></li>` : null}
</ul>`;
}

/** Not found, too many, too large, unreadable, our fault: a title, a sentence, a way on. */
export function renderMessagePage(
  frame: PageFrame,
  page: { title: string; text: string; contact?: OrganisationContact | null; formUrl?: string | null },
): SafeHtml {
  const messages = MESSAGES[frame.choice.language];
  const contact = page.contact ? contactList(page.contact) : null;
  const main = markup`<h1>${page.title}</h1>
<p class="lead">${page.text}</p>
${contact ? markup`<p>${messages.contactUs}</p>${contact}` : null}
${page.formUrl ? markup`<p><a href="${page.formUrl}">${messages.backToForm}</a></p>` : null}`;
  return renderPage({ ...frame, title: page.title }, main);
}
