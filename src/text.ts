/**
 * Text from outside is normalised once at the edge of the service: NFC so "é" typed two ways is one
 * string, surrounding whitespace trimmed, and control characters other than line breaks and tabs
 * removed (they have no place in a complaint and can smuggle headers or hide text).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function normaliseText(value: string): string {
  return value.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

export function normaliseOptional(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const normalised = normaliseText(value);
  return normalised === '' ? null : normalised;
}

/** Single-line values (names, subjects, e-mail addresses) never carry a line break. */
export function normaliseLine(value: string): string {
  return normaliseText(value).replace(/\s*\n\s*/g, ' ');
}
