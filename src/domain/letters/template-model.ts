import type { LetterLanguage, LetterType } from './letter-types.ts';

/**
 * A letter template is an ordered list of blocks. Three kinds:
 * - `fixed`: text without fields ("Wij danken u voor uw geduld.");
 * - `text`: text with `{{field}}` placeholders; a block that names an optional field is left out
 *   of the letter when that field is empty;
 * - `element`: the block that states one or more REQUIRED elements of the letter (R2 a–f, R8 a–g,
 *   …). Its text may be reworded, but the element itself cannot be dropped, renamed or moved.
 *
 * `heading` puts a subheading above the block ("Ons oordeel"); `label` makes the block a row of a
 * small two-column table ("Datum | dinsdag 7 april 2026"): consecutive labelled blocks form one
 * table.
 */
export interface BlockLayout {
  readonly heading?: string;
  readonly label?: string;
}

export interface FixedBlock extends BlockLayout {
  readonly kind: 'fixed';
  readonly text: string;
}

export interface TextBlock extends BlockLayout {
  readonly kind: 'text';
  readonly text: string;
}

export interface ElementBlock extends BlockLayout {
  readonly kind: 'element';
  /** The required fields this block states, in the letter's order. */
  readonly elements: readonly string[];
  /**
   * For dates, times and texts the text must contain `{{field}}`; for a list it is the lead-in
   * above the bullets; for the KiFiD block it must contain `{{disputesBody.term}}` (the address
   * and the affiliation number follow it and cannot be edited away).
   */
  readonly text: string;
}

export type TemplateBlock = FixedBlock | TextBlock | ElementBlock;

export const TEMPLATE_BLOCK_KINDS = ['fixed', 'text', 'element'] as const;

export interface LetterTemplate {
  readonly type: LetterType;
  readonly language: LetterLanguage;
  /** After "Betreft:"; may use fields that are always filled. */
  readonly subject: string;
  /** Used when the letter has no salutation of its own: "Geachte {{recipient.name}},". */
  readonly salutation: string;
  readonly closing: string;
  readonly blocks: readonly TemplateBlock[];
}

/**
 * What an organisation stores for one letter type and language. Every part is optional; given
 * `blocks` replace the default blocks as a whole (the editor shows the full list).
 */
export interface LetterTemplateOverride {
  readonly subject?: string;
  readonly salutation?: string;
  readonly closing?: string;
  readonly blocks?: readonly TemplateBlock[];
}

/** A template's texts without its type and language: how the defaults are written down. */
export type TemplateTexts = Omit<LetterTemplate, 'type' | 'language'>;

export const fixedBlock = (text: string, layout: BlockLayout = {}): FixedBlock => ({
  kind: 'fixed',
  text,
  ...layout,
});

export const textBlock = (text: string, layout: BlockLayout = {}): TextBlock => ({
  kind: 'text',
  text,
  ...layout,
});

export const elementBlock = (
  elements: readonly string[],
  text: string,
  layout: BlockLayout = {},
): ElementBlock => ({ kind: 'element', elements, text, ...layout });
