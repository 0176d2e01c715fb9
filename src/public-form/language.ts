export type Language = 'nl' | 'en';

export interface LanguageChoice {
  language: Language;
  /** True when the visitor chose it with `?lang=`; then every link and form action carries it on. */
  explicit: boolean;
}

const SUPPORTED: readonly Language[] = ['nl', 'en'];

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED as readonly string[]).includes(value);
}

/**
 * `?lang=` wins; otherwise the browser's Accept-Language (highest q of nl or en); otherwise Dutch,
 * because the product serves Dutch firms and their customers.
 */
export function chooseLanguage(query: unknown, acceptLanguage: string | undefined): LanguageChoice {
  const requested =
    typeof query === 'object' && query !== null ? (query as Record<string, unknown>)['lang'] : undefined;
  if (isLanguage(requested)) return { language: requested, explicit: true };
  let best: { language: Language; q: number } | null = null;
  for (const part of (acceptLanguage ?? '').split(',').slice(0, 20)) {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const primary = range?.split('-')[0];
    if (!isLanguage(primary)) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    if (best === null || q > best.q) best = { language: primary, q };
  }
  return { language: best?.language ?? 'nl', explicit: false };
}

/** `?lang=xx` to append to our own URLs when the visitor chose the language explicitly. */
export function languageQuery(choice: LanguageChoice, separator: '?' | '&' = '?'): string {
  return choice.explicit ? `${separator}lang=${choice.language}` : '';
}
