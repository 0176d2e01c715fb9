import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveSecrets, loadSecrets, openSecret, sealSecret } from './secrets.ts';

describe('secrets', () => {
  it('derives a different key per purpose, the same every time', () => {
    const master = Buffer.alloc(32, 7);
    const a = deriveSecrets(master);
    expect(a.messageIdKey.equals(deriveSecrets(master).messageIdKey)).toBe(true);
    expect(a.messageIdKey.equals(a.formKey)).toBe(false);
    expect(a.formKey.equals(a.storedSecretKey)).toBe(false);
  });

  it('creates the master once in the data folder and keeps it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-secret-'));
    try {
      const first = loadSecrets({ secretKey: undefined, dataDir: dir });
      const second = loadSecrets({ secretKey: undefined, dataDir: dir });
      expect(first.formKey.equals(second.formKey)).toBe(true);
      expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('seals and opens a stored secret, and refuses a tampered one', () => {
    const key = deriveSecrets(Buffer.alloc(32, 1)).storedSecretKey;
    const sealed = sealSecret(key, 'imap-wachtwoord-é');
    expect(sealed).not.toContain('imap');
    expect(openSecret(key, sealed)).toBe('imap-wachtwoord-é');
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => openSecret(key, tampered)).toThrow(/authenticate/);
    expect(() => openSecret(deriveSecrets(Buffer.alloc(32, 2)).storedSecretKey, sealed)).toThrow(
      /authenticate/,
    );
  });
});
