import { amsterdamDateOf, type LocalDate } from '../../domain/calendar/local-date.ts';
import { markup, type SafeHtml } from '../../public-form/html.ts';
import { fileSize } from '../../public-form/messages.ts';
import { contactList } from '../../public-form/pages/message-page.ts';
import { dateTime, longDate } from '../portal-dates.ts';
import { PORTAL_MESSAGES, type PortalMessages } from '../portal-messages.ts';
import type { PortalOverview } from '../portal-view.service.ts';
import { notice } from './form-parts.ts';
import { renderPortalPage, type PortalFrame } from './portal-layout.ts';

export interface OverviewPage {
  frame: PortalFrame;
  overview: PortalOverview;
  urls: {
    message: string;
    preference: string;
    letter: (documentId: string) => string;
  };
  notice: string | null;
}

function statusText(overview: PortalOverview, messages: PortalMessages): string {
  const decided =
    overview.decision.mode === 'meeting' ? messages.statusDecidedMeeting : messages.statusDecidedLetter;
  const texts: Record<PortalOverview['status'], string> = {
    received: messages.statusReceived,
    acknowledged: messages.statusAcknowledged,
    in_investigation: messages.statusInvestigation,
    decided,
    closed: messages.statusClosed,
    withdrawn: messages.statusWithdrawn,
    reclassified: messages.statusReclassified,
  };
  return texts[overview.status];
}

function row(label: string, value: SafeHtml | string, multiline = false): SafeHtml {
  return markup`<div class="summary__row"><dt class="summary__key">${label}</dt><dd class="summary__value${multiline ? ' summary__value--text' : ''}">${value}</dd></div>`;
}

function datesList(page: OverviewPage, messages: PortalMessages): SafeHtml {
  const { overview } = page;
  const language = page.frame.choice.language;
  const date = (d: LocalDate) => longDate(d, language);
  const withdrawn = overview.status === 'withdrawn' || overview.status === 'reclassified';
  const rows: SafeHtml[] = [row(messages.dateReceived, date(overview.receivedOn))];
  const ack = overview.acknowledgment;
  if (ack.sentOn) rows.push(row(messages.dateAcknowledgment, messages.sentOn(date(ack.sentOn))));
  else if (ack.dueOn && !withdrawn)
    rows.push(row(messages.dateAcknowledgment, messages.dueBy(date(ack.dueOn))));
  const decision = overview.decision;
  if (decision.givenOn) {
    rows.push(row(messages.dateDecision, messages.givenOn(date(decision.givenOn), decision.mode)));
  } else if (decision.dueOn && !withdrawn && overview.status !== 'closed') {
    rows.push(row(messages.dateDecision, messages.dueBy(date(decision.dueOn))));
  }
  if (overview.endedOn) {
    const label = overview.status === 'closed' ? messages.dateClosed : messages.dateWithdrawn;
    rows.push(row(label, date(overview.endedOn)));
  }
  return markup`<dl class="summary">${rows}</dl>`;
}

function informationSection(page: OverviewPage, messages: PortalMessages): SafeHtml | null {
  const requests = page.overview.informationRequests;
  if (requests.length === 0) return null;
  const language = page.frame.choice.language;
  const items = requests.map((request) =>
    request.whatIsMissing
      ? markup`<p>${messages.informationAsked(longDate(request.sentOn, language))}</p>
<p class="quote">${request.whatIsMissing}</p>`
      : markup`<p>${messages.informationAskedWithout(longDate(request.sentOn, language))}</p>`,
  );
  return markup`<h2 id="informatie">${messages.sectionInformation}</h2>
${items}
<p><a href="${page.urls.message}">${messages.linkSendInformation}</a></p>`;
}

function actionsSection(page: OverviewPage, messages: PortalMessages): SafeHtml {
  const { overview } = page;
  const preference = overview.preferenceOpen
    ? markup`<li><a href="${page.urls.preference}">${messages.linkPreference}</a>
<span class="action-list__note">${overview.preference ? messages.preferenceChosen(overview.preference) : messages.preferenceNotChosen}</span></li>`
    : null;
  return markup`<h2>${messages.sectionActions}</h2>
<ul class="action-list">
<li><a href="${page.urls.message}">${messages.linkMessage}</a></li>
${preference}
</ul>`;
}

function lettersSection(page: OverviewPage, messages: PortalMessages): SafeHtml {
  const language = page.frame.choice.language;
  const letters = page.overview.letters;
  if (letters.length === 0) {
    return markup`<h2>${messages.sectionLetters}</h2>
<p>${messages.noLetters}</p>`;
  }
  const items = letters.map((letter) => {
    const title = messages.letterTitle(letter.letterType);
    const sentOn = longDate(amsterdamDateOf(letter.issuedAt), language);
    return markup`<li class="letter-list__item">
<p class="letter-list__title">${title}</p>
<p class="letter-list__meta">${messages.letterSent(sentOn, letter.delivery)}</p>
<a href="${page.urls.letter(letter.documentId)}" download>${messages.downloadLetter(title, fileSize(letter.sizeBytes, language))}</a>
</li>`;
  });
  return markup`<h2>${messages.sectionLetters}</h2>
<ul class="letter-list">${items}</ul>`;
}

function yoursSection(page: OverviewPage, messages: PortalMessages): SafeHtml {
  const { overview } = page;
  const language = page.frame.choice.language;
  const complaintRows = [
    overview.product ? row(messages.labelProduct, overview.product) : null,
    row(messages.labelDescription, overview.description, true),
    overview.desiredOutcome ? row(messages.labelDesiredOutcome, overview.desiredOutcome, true) : null,
  ];
  const submissions =
    overview.submissions.length === 0
      ? null
      : markup`<h3>${messages.yourMessages}</h3>
<ul class="message-list">${overview.submissions.map(
          (s) => markup`<li class="message-list__item">
<p class="message-list__meta">${messages.sentAt(dateTime(s.at, language))}</p>
${s.text ? markup`<p class="message-list__text">${s.text}</p>` : null}
${s.fileNames.length > 0 ? markup`<p class="message-list__files">${messages.filesSent} ${s.fileNames.join(', ')}</p>` : null}
</li>`,
        )}</ul>`;
  return markup`<h2>${messages.sectionYours}</h2>
<h3>${messages.yourComplaint}</h3>
<dl class="summary">${complaintRows}</dl>
${submissions}`;
}

function kifidSection(page: OverviewPage, messages: PortalMessages): SafeHtml | null {
  const kifid = page.overview.kifid;
  if (!kifid) return null;
  const language = page.frame.choice.language;
  const term = kifid.windowEndsOn
    ? markup`<p>${
        kifid.windowElapsed
          ? messages.kifidTermElapsed(longDate(kifid.windowEndsOn, language))
          : messages.kifidTerm(longDate(kifid.windowEndsOn, language))
      }</p>`
    : null;
  const website = /^https?:\/\//i.test(kifid.website) ? kifid.website : `https://${kifid.website}`;
  return markup`<h2 id="kifid">${messages.sectionKifid}</h2>
<p>${messages.kifidIntro}</p>
${term}
${kifid.affiliationNumber ? markup`<p>${messages.kifidAffiliation(kifid.affiliationNumber)}</p>` : null}
<dl class="summary">
${row(messages.kifidAddress, markup`${kifid.name}<br>${kifid.postalAddress}<br>${kifid.postalCodeCity}`)}
${row(messages.kifidPhone, kifid.phone)}
${row(messages.kifidEmail, markup`<a href="mailto:${kifid.email}">${kifid.email}</a>`)}
${row(messages.kifidWebsite, markup`<a href="${website}" rel="noopener noreferrer">${kifid.website}</a>`)}
</dl>
<p>${messages.kifidTalkToUs}</p>`;
}

/**
 * The complainant's view of their complaint: where it stands, the dates that matter to them, the
 * letters we sent, what they sent us, and after our position the way to KiFiD.
 */
export function renderOverviewPage(page: OverviewPage): SafeHtml {
  const messages = PORTAL_MESSAGES[page.frame.choice.language];
  const { overview } = page;
  const language = page.frame.choice.language;
  const moved =
    overview.decision.movedFrom && overview.decision.dueOn && !overview.decision.givenOn
      ? markup`<p>${messages.movedNotice(longDate(overview.decision.dueOn, language), longDate(overview.decision.movedFrom, language))}</p>`
      : null;
  const title = messages.overviewTitle(overview.reference);
  const main = markup`<p class="portal-name">${messages.portalName}</p>
<h1>${title}</h1>
${notice(page.notice, 'success')}
<h2>${messages.sectionStatus}</h2>
<div class="status-panel"><p>${statusText(overview, messages)}</p></div>
${datesList(page, messages)}
${moved}
${informationSection(page, messages)}
${actionsSection(page, messages)}
${kifidSection(page, messages)}
${lettersSection(page, messages)}
${yoursSection(page, messages)}
${contactList(overview.organisation) ? markup`<p>${messages.contactUs}</p>${contactList(overview.organisation)}` : null}`;
  return renderPortalPage({ ...page.frame, title }, main);
}
