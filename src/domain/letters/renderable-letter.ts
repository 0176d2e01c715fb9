import type { LetterLanguage, LetterType } from './letter-types.ts';

/** A row of a small two-column table: "Datum | dinsdag 7 april 2026". */
export interface DetailRow {
  readonly label: string;
  readonly value: string;
}

/**
 * The body of a composed letter. Every string is plain text: the PDF puts it in text nodes and the
 * e-mail in a text/plain body, so nothing in it is ever read as markup or as a placeholder.
 */
export type LetterPart =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'details'; readonly rows: readonly DetailRow[] }
  /** Lines kept together and set apart: the KiFiD address of R8 g. */
  | { readonly kind: 'box'; readonly lines: readonly string[] };

/** The lines the recipient fills in when signing for agreement (the hearing statement, R4). */
export interface Countersign {
  readonly heading: string;
  readonly statement: string;
  readonly rows: readonly DetailRow[];
}

/** A letter with every text decided, ready for the PDF and the e-mail body. */
export interface RenderableLetter {
  readonly type: LetterType;
  readonly language: LetterLanguage;
  /** For the PDF's metadata and the file name: "Ontvangstbevestiging KL-2026-0042". */
  readonly title: string;
  readonly reference: string;
  /** "Uw kenmerk", when the recipient gave one. */
  readonly yourReference: string | null;
  /** "Amsterdam, 21 januari 2026". */
  readonly dateLine: string;
  readonly recipient: { readonly name: string; readonly addressLines: readonly string[] };
  readonly subject: string;
  readonly salutation: string;
  readonly body: readonly LetterPart[];
  readonly closing: string;
  readonly signer: { readonly name: string; readonly role: string | null; readonly organisationName: string };
  readonly countersign: Countersign | null;
  /**
   * Dutch messages for the required elements still missing. A preview shows the letter anyway, with
   * each gap marked and a "CONCEPT" watermark; a letter with problems is never sent.
   */
  readonly problems: readonly string[];
}
