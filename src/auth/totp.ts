import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { encodeBase32 } from './base32.ts';

/**
 * Time-based one-time passwords (RFC 6238 on HOTP, RFC 4226): 30-second steps, 6 digits, HMAC-SHA1
 * (what every authenticator app does by default). A code is accepted for the current step and one
 * step either side, for clocks that drift; the caller remembers the step it accepted and refuses any
 * code for that step or an earlier one, so an overheard code cannot be replayed (ASVS 6.5.1).
 * Time comes from the server's clock, never from the client.
 */
export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpOptions {
  digits?: number;
  periodSeconds?: number;
  algorithm?: TotpAlgorithm;
}

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_WINDOW = 1;

export function newTotpSecret(): Buffer {
  // 160 bits, the HMAC-SHA1 block-friendly length RFC 4226 recommends.
  return randomBytes(20);
}

export function timeStep(at: Date, periodSeconds = TOTP_PERIOD_SECONDS): number {
  return Math.floor(at.getTime() / 1000 / periodSeconds);
}

export function hotp(
  secret: Uint8Array,
  counter: number,
  digits = TOTP_DIGITS,
  algorithm: TotpAlgorithm = 'sha1',
): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function totpAt(secret: Uint8Array, at: Date, options: TotpOptions = {}): string {
  return hotp(
    secret,
    timeStep(at, options.periodSeconds ?? TOTP_PERIOD_SECONDS),
    options.digits ?? TOTP_DIGITS,
    options.algorithm ?? 'sha1',
  );
}

/**
 * The step the code belongs to, if it is valid within ±window steps of `at` and later than
 * `lastAcceptedStep`; otherwise undefined. Every candidate is compared in constant time.
 */
export function matchTotp(
  secret: Uint8Array,
  code: string,
  at: Date,
  lastAcceptedStep: number | null,
  options: TotpOptions & { window?: number } = {},
): number | undefined {
  const digits = options.digits ?? TOTP_DIGITS;
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) return undefined;
  const current = timeStep(at, options.periodSeconds ?? TOTP_PERIOD_SECONDS);
  const window = options.window ?? TOTP_WINDOW;
  let matched: number | undefined;
  for (let step = current - window; step <= current + window; step++) {
    const expected = Buffer.from(hotp(secret, step, digits, options.algorithm ?? 'sha1'));
    if (timingSafeEqual(expected, Buffer.from(code)) && matched === undefined) matched = step;
  }
  if (matched === undefined || (lastAcceptedStep !== null && matched <= lastAcceptedStep)) return undefined;
  return matched;
}

/** The otpauth:// URI (Google Authenticator key-URI format) that authenticator apps read from a QR code. */
export function otpauthUri(secret: Uint8Array, issuer: string, account: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({
    secret: encodeBase32(secret),
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${query.toString().replaceAll('+', '%20')}`;
}
