import { languageQuery, type LanguageChoice } from '../public-form/language.ts';
import { PORTAL_PATH } from './portal-cookie.ts';

/** The portal's own addresses; a language chosen with `?lang=` travels along on every one. */
export function portalUrls(choice: LanguageChoice) {
  const query = languageQuery(choice);
  return {
    overview: `${PORTAL_PATH}/klacht${query}`,
    message: `${PORTAL_PATH}/bericht${query}`,
    preference: `${PORTAL_PATH}/voorkeur${query}`,
    code: `${PORTAL_PATH}/code${query}`,
    sendCode: `${PORTAL_PATH}/code/versturen${query}`,
    signOut: `${PORTAL_PATH}/afmelden${query}`,
    signedOut: `${PORTAL_PATH}/afgemeld${query}`,
    letter: (documentId: string) => `${PORTAL_PATH}/brieven/${encodeURIComponent(documentId)}`,
    /** With `?notice=` after a POST, so the page after the redirect can say what happened. */
    overviewWith: (notice: string) => `${PORTAL_PATH}/klacht?notice=${notice}${languageQuery(choice, '&')}`,
  };
}

/** The same page in the other language. */
export function otherLanguageUrl(path: string, choice: LanguageChoice): string {
  return `${path}?lang=${choice.language === 'nl' ? 'en' : 'nl'}`;
}
