import { describe, expect, it } from 'vitest';
import { csrfTokenFor, csrfTokenMatches } from './csrf.ts';
import { normaliseRecoveryCode, newRecoveryCodes } from './recovery-codes.ts';
import { issueSecretToken, parseSecretToken, sha256Hex } from './secret-token.ts';

const org = '01a20d98-0881-7f2d-bb1b-466c2502f149';

describe('secret tokens', () => {
  it('names the organisation and stores only a digest of 256 random bits', () => {
    const issued = issueSecretToken('invitation', org);
    expect(issued.token).toMatch(/^kwi1_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(parseSecretToken('invitation', issued.token)).toEqual({
      organisationId: org,
      secret: issued.secret,
    });
    expect(issued.secretSha256).toBe(sha256Hex(issued.secret));
    expect(issueSecretToken('invitation', org).secret).not.toBe(issued.secret);
  });

  it('does not take one kind of token for another', () => {
    const reset = issueSecretToken('password_reset', org);
    expect(parseSecretToken('invitation', reset.token)).toBeUndefined();
    expect(parseSecretToken('session', reset.token)).toBeUndefined();
  });

  it.each([
    undefined,
    '',
    ' ',
    '   ',
    'kwi1_',
    'kwi1__',
    `kwi1_${'0'.repeat(32)}_`,
    `kwi1_${'0'.repeat(32)}_${' '.repeat(43)}`,
  ])('refuses the empty or blank token %j (FreeScout CVE-2026-53595)', (token) => {
    expect(parseSecretToken('invitation', token)).toBeUndefined();
  });
});

describe('CSRF token', () => {
  it('belongs to one session', () => {
    const token = csrfTokenFor('secret-a');
    expect(csrfTokenMatches('secret-a', token)).toBe(true);
    expect(csrfTokenMatches('secret-b', token)).toBe(false);
    expect(csrfTokenMatches('secret-a', undefined)).toBe(false);
    expect(csrfTokenMatches('secret-a', '')).toBe(false);
    expect(csrfTokenMatches('secret-a', [token, token])).toBe(false);
  });
});

describe('recovery codes', () => {
  it('are ten different codes of 120 bits, read back with or without dashes', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
      expect(normaliseRecoveryCode(code.toLowerCase().replaceAll('-', ' '))).toBe(code.replaceAll('-', ''));
    }
    expect(normaliseRecoveryCode('123456')).toBeUndefined();
  });
});
