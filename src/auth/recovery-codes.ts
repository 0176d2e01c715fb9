import { randomInt } from 'node:crypto';
import { sha256Hex } from './secret-token.ts';

/**
 * One-time recovery codes for when the authenticator app is lost. Each holds 24 characters from a
 * 32-letter alphabet (120 bits), above the 112 bits for which ASVS 6.5.2 allows a plain SHA-256
 * instead of a slow password hash. Shown once, grouped by four for reading; accepted with or without
 * dashes, spaces and case.
 */
export const RECOVERY_CODE_COUNT = 10;

// Crockford's base32: no I, L, O or U, so nothing is misread from paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 24;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]!).join('');
    return chars.match(/.{4}/g)!.join('-');
  });
}

/** Undefined for anything that cannot be a recovery code. */
export function normaliseRecoveryCode(input: string): string | undefined {
  const clean = input.replaceAll(/[\s-]/g, '').toUpperCase();
  return new RegExp(`^[${ALPHABET}]{${LENGTH}}$`).test(clean) ? clean : undefined;
}

export function recoveryCodeDigest(normalised: string): string {
  return sha256Hex(`recovery:${normalised}`);
}
