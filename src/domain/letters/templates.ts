import type { LetterLanguage, LetterType } from './letter-types.ts';
import type { LetterTemplate } from './template-model.ts';
import { TEMPLATES_EN } from './templates-en.ts';
import { TEMPLATES_NL } from './templates-nl.ts';

/** The shipped letters, Dutch by default and English on request; organisations edit on top of these. */
export function defaultTemplate(type: LetterType, language: LetterLanguage): LetterTemplate {
  const texts = (language === 'nl' ? TEMPLATES_NL : TEMPLATES_EN)[type];
  return { type, language, ...texts };
}
