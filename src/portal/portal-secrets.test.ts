import { describe, expect, it } from 'vitest';
import { codeHmac, codeMatches, newOneTimeCode, normaliseCodeInput } from './one-time-code.ts';
import { maskEmail } from './portal-access.service.ts';
import { portalCsrfMatches, portalCsrfToken } from './portal-csrf.ts';
import { isPortalSessionLive, portalLinkExpiry } from './portal-policy.ts';
import { issuePortalSecret, parsePortalSecret } from './portal-secret.ts';

const ORG = '0193a1b2-c3d4-7e5f-8071-8293a4b5c6d7';

describe('portal secrets', () => {
  it('parses only well-formed values of their own kind', () => {
    const link = issuePortalSecret('link', ORG);
    expect(parsePortalSecret('link', link.value)).toEqual({
      organisationId: ORG,
      secret: link.secret,
      secretSha256: link.secretSha256,
    });
    expect(parsePortalSecret('session', link.value)).toBeUndefined();
    for (const bad of [undefined, '', ' ', `${link.value} `, link.value.slice(0, -1), `${link.value}A`, 42]) {
      expect(parsePortalSecret('link', bad)).toBeUndefined();
    }
  });

  it('makes six-digit codes, ties them to the session secret, and reads what people type', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newOneTimeCode()));
    expect([...codes].every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(codes.size).toBeGreaterThan(190);
    const stored = codeHmac('secret-a', '123456');
    expect(codeMatches('secret-a', '123456', stored)).toBe(true);
    expect(codeMatches('secret-b', '123456', stored)).toBe(false);
    expect(codeMatches('secret-a', '123457', stored)).toBe(false);
    expect(normaliseCodeInput(' 123 456 ')).toBe('123456');
    expect(normaliseCodeInput('123-456')).toBe('123456');
    expect(normaliseCodeInput('１２３４５６')).toBe('123456');
    expect(normaliseCodeInput('12345')).toBeNull();
    expect(normaliseCodeInput('12345a')).toBeNull();
  });

  it('binds the CSRF token to the session', () => {
    const token = portalCsrfToken('session-one');
    expect(portalCsrfMatches('session-one', token)).toBe(true);
    expect(portalCsrfMatches('session-two', token)).toBe(false);
    expect(portalCsrfMatches('session-one', '')).toBe(false);
    expect(portalCsrfMatches('session-one', undefined)).toBe(false);
  });

  it('half hides the e-mail address', () => {
    expect(maskEmail('jan.devries@example.nl')).toBe('j•••@e•••.nl');
    expect(maskEmail('a@b')).toBe('a•••@b•••');
  });

  it('lets a link live until the set period after the dossier ended, and a session 30 idle minutes', () => {
    const closed = new Date('2026-12-01T10:00:00Z');
    expect(portalLinkExpiry({ closedAt: null, withdrawnAt: null, reclassifiedAt: null }, 90)).toBeNull();
    expect(portalLinkExpiry({ closedAt: closed, withdrawnAt: null, reclassifiedAt: null }, 90)).toEqual(
      new Date('2027-03-01T10:00:00Z'),
    );
    const start = new Date('2026-12-01T10:00:00Z');
    const session = {
      lastSeenAt: start,
      expiresAt: new Date(start.getTime() + 12 * 3600_000),
      endedAt: null,
    };
    expect(isPortalSessionLive(session, new Date(start.getTime() + 29 * 60_000))).toBe(true);
    expect(isPortalSessionLive(session, new Date(start.getTime() + 30 * 60_000))).toBe(false);
  });
});
