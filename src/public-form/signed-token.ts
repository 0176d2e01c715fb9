import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A small HMAC-signed token: `<key id>.<base64url JSON>.<base64url HMAC-SHA256>`. The key id lets a
 * token signed by another key (a restart with a per-process secret, another process) be told apart
 * from a forged one: the first is an honest person with an old page, the second is not.
 */
export type TokenReading =
  { status: 'valid'; payload: unknown } | { status: 'forged' } | { status: 'other_key' };

const MAX_TOKEN_LENGTH = 2048;

function mac(key: Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

function keyId(key: Buffer): string {
  return mac(key, 'key-id').subarray(0, 6).toString('base64url');
}

/** A key of its own for each purpose, so a token of one kind can never pass as another. */
export function deriveTokenKey(secret: Buffer, purpose: string): Buffer {
  return mac(secret, `klachtwijzer public-form ${purpose}`);
}

export function signToken(key: Buffer, payload: unknown): string {
  const body = `${keyId(key)}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${body}.${mac(key, body).toString('base64url')}`;
}

export function readToken(key: Buffer, token: unknown): TokenReading {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    return { status: 'forged' };
  }
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return { status: 'forged' };
  const [id, encoded, signature] = parts as [string, string, string];
  if (id !== keyId(key)) return { status: 'other_key' };
  const expected = mac(key, `${id}.${encoded}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { status: 'forged' };
  try {
    return { status: 'valid', payload: JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) };
  } catch {
    return { status: 'forged' };
  }
}
