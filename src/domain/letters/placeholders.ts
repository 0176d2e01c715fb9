/**
 * `{{field}}` placeholders in template texts. Filling is a single pass over the template text, so
 * a value that itself contains "{{…}}" stays literal text and is never expanded.
 */

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const FIELD_PATH = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)?$/;

export interface PlaceholderScan {
  /** Well-formed field paths, in order of appearance, each once. */
  readonly names: readonly string[];
  /** Stray "{{" or "}}", or a placeholder whose name is not a field path. */
  readonly malformed: readonly string[];
}

export function scanPlaceholders(text: string): PlaceholderScan {
  const names: string[] = [];
  const malformed: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!FIELD_PATH.test(name)) malformed.push(match[0]);
    else if (!names.includes(name)) names.push(name);
  }
  const rest = text.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}')) malformed.push(rest.includes('{{') ? '{{' : '}}');
  return { names, malformed };
}

export function fillPlaceholders(text: string, valueOf: (name: string) => string): string {
  return text.replace(PLACEHOLDER, (_whole, name: string) => valueOf(name));
}
