import { markup, type SafeHtml } from '../html.ts';
import type { LanguageChoice } from '../language.ts';
import { MESSAGES } from '../messages.ts';

export interface PageFrame {
  choice: LanguageChoice;
  title: string;
  organisationName: string | null;
  styleSheet: string;
  /** Only the form itself loads a script; every other page works (and is read) without one. */
  script?: string | null;
  /** The same page in the other language, when switching cannot lose anything typed. */
  otherLanguageUrl?: string | null;
  hasErrors?: boolean;
}

export function renderPage(frame: PageFrame, main: SafeHtml): SafeHtml {
  const messages = MESSAGES[frame.choice.language];
  const organisation = frame.organisationName;
  const title = `${frame.hasErrors ? messages.errorTitlePrefix : ''}${frame.title}${organisation ? ` – ${organisation}` : ''}`;
  const other = messages.otherLanguageCode;
  const languageLink = frame.otherLanguageUrl
    ? markup`<a class="site-header__language" href="${frame.otherLanguageUrl}" lang="${other}" hreflang="${other}">${messages.otherLanguageName}</a>`
    : null;
  return markup`<!doctype html>
<html lang="${frame.choice.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<link rel="stylesheet" href="${frame.styleSheet}">
${frame.script ? markup`<script src="${frame.script}" defer></script>` : null}
</head>
<body>
<a class="skip-link" href="#inhoud">${messages.skipLink}</a>
<header class="site-header">
<div class="wrap site-header__inner">
<p class="site-header__name">${organisation ?? 'Klachtwijzer'}</p>
${languageLink}
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
