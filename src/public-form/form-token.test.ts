import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readConfirmationToken, issueConfirmationToken } from './confirmation-token.ts';
import { FORM_TOKEN_MAX_AGE_MS, issueFormToken, newFormId, readFormToken } from './form-token.ts';

const key = randomBytes(32);
const now = new Date('2026-11-24T09:00:00Z');
const token = { formId: newFormId(), organisationId: 'org-a', issuedAt: now.getTime() - 60_000 };

describe('form token', () => {
  it('reads back what it was issued with', () => {
    expect(readFormToken(key, issueFormToken(key, token), 'org-a', now)).toEqual({ status: 'valid', token });
  });

  it('is forged when changed, missing, or posted to another organisation', () => {
    const issued = issueFormToken(key, token);
    const [id, body, mac] = issued.split('.') as [string, string, string];
    const changed = Buffer.from(JSON.stringify({ v: 1, f: token.formId, o: 'org-a', t: 0 })).toString(
      'base64url',
    );
    for (const raw of [`${id}.${changed}.${mac}`, `${id}.${body}.${mac.slice(1)}`, '', 'x', undefined, 42]) {
      expect(readFormToken(key, raw, 'org-a', now).status).toBe('forged');
    }
    expect(readFormToken(key, issued, 'org-b', now).status).toBe('forged');
  });

  it('is stale when signed by another key, too old, or from the future after a clock jump', () => {
    expect(readFormToken(randomBytes(32), issueFormToken(key, token), 'org-a', now).status).toBe('stale');
    const old = { ...token, issuedAt: now.getTime() - FORM_TOKEN_MAX_AGE_MS - 1 };
    expect(readFormToken(key, issueFormToken(key, old), 'org-a', now).status).toBe('stale');
    const future = { ...token, issuedAt: now.getTime() + 60_000 };
    expect(readFormToken(key, issueFormToken(key, future), 'org-a', now).status).toBe('stale');
  });
});

describe('confirmation token', () => {
  it('carries the reference until it expires, for its own organisation only', () => {
    const raw = issueConfirmationToken(key, {
      organisationId: 'org-a',
      reference: 'KL-2026-0042',
      expiresAt: now.getTime() + 1000,
    });
    expect(readConfirmationToken(key, raw, 'org-a', now)?.reference).toBe('KL-2026-0042');
    expect(readConfirmationToken(key, raw, 'org-b', now)).toBeNull();
    expect(readConfirmationToken(key, raw, 'org-a', new Date(now.getTime() + 2000))).toBeNull();
    expect(readConfirmationToken(randomBytes(32), raw, 'org-a', now)).toBeNull();
  });
});
