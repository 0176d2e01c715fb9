import { describe, expect, it } from 'vitest';
import { chooseLanguage, languageQuery } from './language.ts';

describe('language of the form', () => {
  it.each([
    [{}, undefined, 'nl', false],
    [{ lang: 'en' }, 'nl-NL', 'en', true],
    [{ lang: 'nl' }, 'en-GB', 'nl', true],
    [{ lang: 'de' }, undefined, 'nl', false],
    [{}, 'en-GB,en;q=0.9', 'en', false],
    [{}, 'de-DE,nl;q=0.8,en;q=0.9', 'en', false],
    [{}, 'fr-FR,fr;q=0.9', 'nl', false],
    [{}, 'en;q=0, nl;q=0.1', 'nl', false],
  ] as const)('query %o with Accept-Language %s → %s', (query, accept, language, explicit) => {
    expect(chooseLanguage(query, accept)).toEqual({ language, explicit });
  });

  it('carries only an explicit choice on', () => {
    expect(languageQuery({ language: 'en', explicit: true })).toBe('?lang=en');
    expect(languageQuery({ language: 'en', explicit: false })).toBe('');
    expect(languageQuery({ language: 'nl', explicit: true }, '&')).toBe('&lang=nl');
  });
});
