import { markup, type SafeHtml } from '../html.ts';
import { MESSAGES } from '../messages.ts';
import { renderPage, type PageFrame } from './layout.ts';
import { contactList, type OrganisationContact } from './message-page.ts';

/**
 * A plain statement of what the form's data is used for, so the consent box links to something real.
 * An organisation's own privacy statement (a URL setting) would be better; there is none yet.
 */
export function renderPrivacyPage(
  frame: PageFrame,
  organisationName: string,
  contact: OrganisationContact,
): SafeHtml {
  const messages = MESSAGES[frame.choice.language];
  const main = markup`<h1>${messages.privacyTitle}</h1>
${messages.privacyParagraphs(organisationName).map((paragraph) => markup`<p>${paragraph}</p>`)}
${contactList(contact)}`;
  return renderPage({ ...frame, title: messages.privacyTitle }, main);
}
