import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Our outgoing Message-IDs name the dossier they belong to and carry an HMAC over that name, so a
 * reply can be threaded on the id alone and nobody outside can make up an id that threads into
 * someone else's dossier (FreeScout accepted a forged In-Reply-To; Zammad threaded on a bare
 * ticket number). The ids are not secret — the complainant sees them — only unforgeable.
 *
 * Shape: <kw.PAYLOAD.MAC@domain>, PAYLOAD = base64url("1|organisation|complaint|letter|nonce"),
 * MAC = the first 16 bytes of HMAC-SHA-256 over "kw.PAYLOAD", base64url. The domain is not signed,
 * so changing the sending domain does not orphan replies to older mail.
 */
export interface MessageIdPayload {
  organisationId: string;
  complaintId: string;
  letterId: string | null;
}

/** A key as configured; several may be given to verify while a key is being rotated. */
export type SigningKey = string | Uint8Array;

const VERSION = '1';
const MAC_BYTES = 16;
const MIN_KEY_BYTES = 16;
const ID_PART = /^[A-Za-z0-9_-]{1,64}$/;
const SIGNED_ID = /^<?kw\.([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{22})@([^<>\s@]+)>?$/;
// Separates these MACs from any other use of the same key.
const CONTEXT = 'klachtwijzer message-id v1\n';

/**
 * `nonce` keeps two mails about one complaint apart when no letter id does; the outbox stores the
 * id it was given and reuses it on every retry, so the nonce need not be reproducible.
 */
export function createSignedMessageId(
  ids: { organisationId: string; complaintId: string; letterId?: string | null },
  key: SigningKey,
  domain: string,
  nonce: string = randomBytes(6).toString('base64url'),
): string {
  for (const part of [ids.organisationId, ids.complaintId, ids.letterId ?? 'x', nonce]) {
    if (!ID_PART.test(part)) throw new Error(`not usable in a Message-ID: ${JSON.stringify(part)}`);
  }
  if (!/^[A-Za-z0-9.-]+$/.test(domain)) throw new Error(`not a mail domain: ${JSON.stringify(domain)}`);
  const payload = Buffer.from(
    [VERSION, ids.organisationId, ids.complaintId, ids.letterId ?? '', nonce].join('|'),
    'utf8',
  ).toString('base64url');
  return `<kw.${payload}.${mac(payload, keyBytes(key)).toString('base64url')}@${domain}>`;
}

/** The payload of one of our ids, or null for anything else — forged, altered or foreign. */
export function verifySignedMessageId(
  value: string,
  keys: SigningKey | readonly SigningKey[],
): MessageIdPayload | null {
  const match = SIGNED_ID.exec(value.trim());
  if (!match) return null;
  const payload = match[1]!;
  const given = Buffer.from(match[2]!, 'base64url');
  if (given.length !== MAC_BYTES) return null;
  const candidates = typeof keys === 'string' || keys instanceof Uint8Array ? [keys] : keys;
  const valid = candidates.some((key) => timingSafeEqual(mac(payload, keyBytes(key)), given));
  if (!valid) return null;

  const parts = Buffer.from(payload, 'base64url').toString('utf8').split('|');
  if (parts.length !== 5 || parts[0] !== VERSION) return null;
  const [, organisationId, complaintId, letterId] = parts as [string, string, string, string, string];
  if (!ID_PART.test(organisationId) || !ID_PART.test(complaintId)) return null;
  return { organisationId, complaintId, letterId: letterId === '' ? null : letterId };
}

function mac(payload: string, key: Buffer): Buffer {
  return createHmac('sha256', key).update(CONTEXT).update(`kw.${payload}`).digest().subarray(0, MAC_BYTES);
}

function keyBytes(key: SigningKey): Buffer {
  const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : Buffer.from(key);
  if (bytes.length < MIN_KEY_BYTES) throw new Error(`a signing key needs at least ${MIN_KEY_BYTES} bytes`);
  return bytes;
}
