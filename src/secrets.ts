import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * One master secret per installation; every purpose gets its own key derived from it (HKDF), so a
 * key leaked from one use (say, form tokens) says nothing about another (stored mailbox passwords).
 * Without SECRET_KEY the installation makes one and keeps it next to its embedded database.
 */
export interface Secrets {
  messageIdKey: Buffer;
  formKey: Buffer;
  storedSecretKey: Buffer;
  /** The AFM klachtenuitvraag's anonymous complaint codes: changing SECRET_KEY changes every code. */
  afmCodeKey: Buffer;
  /** Hashes the keys rate limits count on (addresses, e-mail addresses) before they are stored. */
  rateLimitKey: Buffer;
}

function masterFrom(value: string): Buffer {
  return /^[0-9a-f]+$/i.test(value) && value.length % 2 === 0
    ? Buffer.from(value, 'hex')
    : Buffer.from(value, 'base64');
}

function loadOrCreateMaster(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secret.key');
  try {
    return masterFrom(fs.readFileSync(file, 'utf8').trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const created = randomBytes(32).toString('hex');
  try {
    // 'wx': if two processes race, one writes and both read the same key afterwards.
    fs.writeFileSync(file, `${created}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return masterFrom(fs.readFileSync(file, 'utf8').trim());
}

export function deriveSecrets(master: Buffer): Secrets {
  const derive = (purpose: string) =>
    Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `klachtwijzer ${purpose}`, 32));
  return {
    messageIdKey: derive('message-id v1'),
    formKey: derive('form v1'),
    storedSecretKey: derive('stored secrets v1'),
    afmCodeKey: derive('afm complaint code v1'),
    rateLimitKey: derive('rate limit v1'),
  };
}

export function loadSecrets(config: { secretKey: string | undefined; dataDir: string }): Secrets {
  return deriveSecrets(config.secretKey ? masterFrom(config.secretKey) : loadOrCreateMaster(config.dataDir));
}

/** AES-256-GCM for secrets the product must give back (a mailbox password), never for passwords of users. */
export function sealSecret(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
}

export function openSecret(key: Buffer, sealed: string): string {
  if (!sealed.startsWith('v1.')) throw new Error('unknown sealed secret format');
  const bytes = Buffer.from(sealed.slice(3), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}
