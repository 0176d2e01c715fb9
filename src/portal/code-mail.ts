import type { Language } from '../public-form/language.ts';
import { PORTAL_CODE_TTL_MS } from './portal-policy.ts';

/**
 * The e-mail with a one-time code. Plain text, the code on a line of its own, the reference in the
 * subject (as on all our mail), and the warning that we never ask for the code: a code read out to
 * a caller "from the firm" is how such codes are usually stolen.
 */
export function codeMail(
  language: Language,
  input: { reference: string; code: string; organisationName: string },
): { subject: string; textBody: string } {
  const minutes = PORTAL_CODE_TTL_MS / 60_000;
  if (language === 'en') {
    return {
      subject: `Your code for your complaint [${input.reference}]`,
      textBody: [
        'Dear Sir or Madam,',
        '',
        `You asked for a code to see your complaint ${input.reference} online. Your code is:`,
        '',
        `    ${input.code}`,
        '',
        `The code works for ${minutes} minutes, once, in the browser where you asked for it.`,
        'We will never ask you for this code by phone or e-mail; do not give it to anyone.',
        'Did you not ask for a code? Then you can ignore this message.',
        '',
        'Kind regards,',
        input.organisationName,
      ].join('\n'),
    };
  }
  return {
    subject: `Uw code voor uw klacht [${input.reference}]`,
    textBody: [
      'Geachte heer, mevrouw,',
      '',
      `U vroeg om een code om uw klacht ${input.reference} online te bekijken. Uw code is:`,
      '',
      `    ${input.code}`,
      '',
      `De code werkt ${minutes} minuten, één keer, in de browser waarin u de code aanvroeg.`,
      'Wij vragen nooit per telefoon of e-mail naar deze code; geef hem aan niemand door.',
      'Heeft u geen code aangevraagd? Dan kunt u dit bericht negeren.',
      '',
      'Met vriendelijke groet,',
      input.organisationName,
    ].join('\n'),
  };
}
