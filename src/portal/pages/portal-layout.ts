import { markup, type SafeHtml } from '../../public-form/html.ts';
import type { LanguageChoice } from '../../public-form/language.ts';
import { CSRF_FIELD } from '../portal-csrf.ts';
import { PORTAL_MESSAGES } from '../portal-messages.ts';

export interface PortalFrame {
  choice: LanguageChoice;
  title: string;
  /** Null where nothing may be revealed about whose link it was. */
  organisationName: string | null;
  styleSheets: readonly string[];
  /** The same page in the other language, where switching cannot lose anything typed. */
  otherLanguageUrl?: string | null;
  /** For a signed-in complainant: the sign-out button (a POST, so it carries the CSRF token). */
  signOut?: { action: string; csrf: string } | null;
  hasErrors?: boolean;
}

/** The portal's page: the complaint form's frame, with the portal's name and a way to sign out. */
export function renderPortalPage(frame: PortalFrame, main: SafeHtml): SafeHtml {
  const messages = PORTAL_MESSAGES[frame.choice.language];
  const organisation = frame.organisationName;
  const title = `${frame.hasErrors ? messages.errorTitlePrefix : ''}${frame.title}${organisation ? ` – ${organisation}` : ''}`;
  const other = messages.otherLanguageCode;
  const languageLink = frame.otherLanguageUrl
    ? markup`<a class="site-header__language" href="${frame.otherLanguageUrl}" lang="${other}" hreflang="${other}">${messages.otherLanguageName}</a>`
    : null;
  const signOut = frame.signOut
    ? markup`<form class="site-header__form" method="post" action="${frame.signOut.action}" enctype="multipart/form-data">
<input type="hidden" name="${CSRF_FIELD}" value="${frame.signOut.csrf}">
<button type="submit" class="link-button">${messages.signOut}</button>
</form>`
    : null;
  return markup`<!doctype html>
<html lang="${frame.choice.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
${frame.styleSheets.map((sheet) => markup`<link rel="stylesheet" href="${sheet}">`)}
</head>
<body>
<a class="skip-link" href="#inhoud">${messages.skipLink}</a>
<header class="site-header">
<div class="wrap site-header__inner">
<p class="site-header__name">${organisation ?? 'Klachtwijzer'}</p>
<div class="site-header__actions">${languageLink}${signOut}</div>
</div>
</header>
<main id="inhoud" class="wrap page" tabindex="-1">
${main}
</main>
<footer class="site-footer">
<div class="wrap">${organisation ? messages.footer(organisation) : 'Klachtwijzer'}</div>
</footer>
</body>
</html>
`;
}
