import { markup, type SafeHtml } from '../../public-form/html.ts';
import { contactList, type OrganisationContact } from '../../public-form/pages/message-page.ts';
import { PORTAL_MESSAGES } from '../portal-messages.ts';
import { renderPortalPage, type PortalFrame } from './portal-layout.ts';

/** A title, a few calm sentences and a way on: bad link, signed out, too many tries, our fault. */
export function renderNoticePage(
  frame: PortalFrame,
  page: {
    title: string;
    paragraphs: readonly string[];
    contact?: OrganisationContact | null;
    link?: { href: string; label: string } | null;
  },
): SafeHtml {
  const messages = PORTAL_MESSAGES[frame.choice.language];
  const contact = page.contact ? contactList(page.contact) : null;
  const [lead, ...rest] = page.paragraphs;
  const main = markup`<h1>${page.title}</h1>
${lead ? markup`<p class="lead">${lead}</p>` : null}
${rest.map((paragraph) => markup`<p>${paragraph}</p>`)}
${contact ? markup`<p>${messages.contactUs}</p>${contact}` : null}
${page.link ? markup`<p><a href="${page.link.href}">${page.link.label}</a></p>` : null}`;
  return renderPortalPage({ ...frame, title: page.title }, main);
}
