import { openSecret, sealSecret } from '../secrets.ts';
import { decodeBase32, encodeBase32 } from './base32.ts';

/**
 * A TOTP seed must be given back to check codes, so it is encrypted (AES-256-GCM with the
 * installation's stored-secrets key), not hashed: a copy of the database alone yields no seeds.
 */
export function sealTotpSecret(key: Buffer, secret: Uint8Array): string {
  return sealSecret(key, encodeBase32(secret));
}

export function openTotpSecret(key: Buffer, sealed: string): Buffer {
  const secret = decodeBase32(openSecret(key, sealed));
  if (!secret || secret.length === 0) throw new Error('stored TOTP secret is unreadable');
  return secret;
}
