import type { LetterLanguage } from './letter-types.ts';

export interface LetterLabels {
  readonly reference: string;
  readonly yourReference: string;
  readonly subject: string;
  readonly page: (page: number, pages: number) => string;
  readonly phone: string;
  readonly email: string;
  readonly website: string;
  readonly kvk: string;
  readonly afm: string;
  readonly affiliationNumber: (number: string) => string;
  /** Where a required value is still empty in a preview. */
  readonly missing: (what: string) => string;
  readonly draft: string;
  /** On top of every page of a preview that may not be sent yet. */
  readonly draftNote: string;
  readonly countersign: {
    readonly heading: string;
    readonly statement: (reference: string) => string;
    readonly name: string;
    readonly date: string;
    readonly signature: string;
  };
}

/** The fixed words around a letter's text, which no template changes. */
export const LETTER_LABELS: { readonly [L in LetterLanguage]: LetterLabels } = {
  nl: {
    reference: 'Ons kenmerk',
    yourReference: 'Uw kenmerk',
    subject: 'Betreft',
    page: (page, pages) => `Pagina ${page} van ${pages}`,
    phone: 'Telefoon',
    email: 'E-mail',
    website: 'Website',
    kvk: 'KvK',
    afm: 'AFM',
    affiliationNumber: (number) => `Ons aansluitnummer bij KiFiD is ${number}.`,
    missing: (what) => `[ontbreekt: ${what}]`,
    draft: 'CONCEPT',
    draftNote: 'CONCEPT – deze brief is nog niet compleet en kan zo niet worden verstuurd.',
    countersign: {
      heading: 'Voor akkoord',
      statement: (reference) =>
        `Ik heb deze samenvatting (ons kenmerk ${reference}) gelezen en herken mij erin.`,
      name: 'Naam',
      date: 'Datum',
      signature: 'Handtekening',
    },
  },
  en: {
    reference: 'Our reference',
    yourReference: 'Your reference',
    subject: 'Subject',
    page: (page, pages) => `Page ${page} of ${pages}`,
    phone: 'Phone',
    email: 'E-mail',
    website: 'Website',
    kvk: 'Chamber of Commerce',
    afm: 'AFM',
    affiliationNumber: (number) => `Our KiFiD affiliation number is ${number}.`,
    missing: (what) => `[missing: ${what}]`,
    draft: 'DRAFT',
    draftNote: 'DRAFT – this letter is not complete and cannot be sent as it is.',
    countersign: {
      heading: 'Agreed',
      statement: (reference) =>
        `I have read this summary (our reference ${reference}) and it reflects my response.`,
      name: 'Name',
      date: 'Date',
      signature: 'Signature',
    },
  },
};
