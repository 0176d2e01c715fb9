import { COMMON_BASE_WORDS, COMMON_PASSWORDS } from './common-passwords.ts';

/**
 * ASVS 5.0 V6.2: at least 12 characters (counted as Unicode code points), at least 64 allowed, no
 * composition rules, and no password that is common or built from words of this context. The
 * password is checked and stored exactly as typed; only the comparisons here fold case.
 *
 * Context words (V6.1.2): the product's name, the organisation's short name and name, and the
 * user's e-mail address and its parts. A password that is such a word plus fewer than 8 other
 * characters ("Klachtwijzer2026!") is refused; a long passphrase that mentions one is fine.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

const PRODUCT_WORDS = ['klachtwijzer', 'klachtenwijzer', 'kifid'];

export interface PasswordContext {
  email?: string;
  organisationSlug?: string;
  organisationName?: string;
}

export function contextWords(context: PasswordContext): string[] {
  const words = new Set<string>(PRODUCT_WORDS);
  const add = (value: string | undefined): void => {
    if (!value) return;
    const lower = value.toLowerCase();
    if (lower.length >= 4) words.add(lower);
    for (const part of lower.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 4) words.add(part);
  };
  add(context.email);
  add(context.email?.split('@')[0]);
  add(context.organisationSlug);
  add(context.organisationName);
  // Legal forms and generic words in organisation names are no secret of the organisation either.
  for (const generic of ['b.v.', 'bv', 'n.v.', 'holding', 'groep', 'mail', 'gmail', 'hotmail', 'outlook']) {
    words.delete(generic);
  }
  return [...words];
}

/** Dutch reasons; empty when the password is acceptable. */
export function passwordProblems(password: string, context: PasswordContext = {}): string[] {
  // Code points, not UTF-16 units: an emoji or an accented letter is one character to the person typing.
  const length = Array.from(password).length;
  if (length < MIN_PASSWORD_LENGTH) {
    return [`Het wachtwoord moet ten minste ${MIN_PASSWORD_LENGTH} tekens lang zijn.`];
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return [`Het wachtwoord mag hoogstens ${MAX_PASSWORD_LENGTH} tekens lang zijn.`];
  }
  const lower = password.normalize('NFKC').toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || new Set(lower).size < 4) {
    return ['Dit wachtwoord is te algemeen en makkelijk te raden. Kies een ander, bijvoorbeeld een zin.'];
  }
  const letters = lower.replaceAll(/[^\p{L}]+/gu, '');
  if (COMMON_BASE_WORDS.has(letters) || isSequence(lower)) {
    return ['Dit wachtwoord is te algemeen en makkelijk te raden. Kies een ander, bijvoorbeeld een zin.'];
  }
  let rest = lower;
  for (const word of contextWords(context).toSorted((a, b) => b.length - a.length)) {
    rest = rest.replaceAll(word, '');
  }
  if (rest !== lower && Array.from(rest).length < 8) {
    return [
      'Het wachtwoord lijkt te veel op uw e-mailadres, de naam van uw organisatie of Klachtwijzer. Kies een ander.',
    ];
  }
  return [];
}

/** "abcdefghijklm", "123456789012", "987654321098": each character one step from the previous one. */
function isSequence(value: string): boolean {
  const codes = Array.from(value, (c) => c.codePointAt(0)!);
  const steps = new Set(codes.slice(1).map((code, i) => code - codes[i]!));
  return steps.size === 1 && [...steps].every((step) => Math.abs(step) <= 1);
}
