/**
 * A coarse description of the browser for the list of one's own sessions ("Firefox op Linux"):
 * enough to tell the laptop from the phone, too little to fingerprint anyone. The User-Agent header
 * itself is never stored.
 */
const BROWSERS: readonly [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: readonly [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

export function summariseUserAgent(userAgent: string | undefined | null): string | null {
  if (!userAgent) return null;
  const head = userAgent.slice(0, 512);
  const browser = BROWSERS.find(([pattern]) => pattern.test(head))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(head))?.[1];
  if (!browser && !system) return null;
  return [browser ?? 'onbekende browser', system].filter(Boolean).join(' · ');
}
