import { describe, expect, it } from 'vitest';
import type { Role } from '../db/schema.ts';
import { idleExpiresAt, nextStage, sessionExpired } from './session-policy.ts';

describe('sign-in steps', () => {
  it.each<[string, Role[], boolean, boolean, boolean, string]>([
    ['a handler without second factor', ['handler'], false, false, false, 'active'],
    ['a handler who enabled one', ['handler'], true, false, false, 'totp'],
    ['the same after the code', ['handler'], true, false, true, 'active'],
    ['an administrator at first sign-in', ['admin', 'coordinator'], false, true, false, 'change_password'],
    ['the same after the new password', ['admin', 'coordinator'], false, false, false, 'enrol_totp'],
    ['a coordinator without second factor', ['coordinator'], false, false, false, 'enrol_totp'],
    ['a coordinator with one', ['coordinator'], true, false, false, 'totp'],
    ['a second factor comes before a password change', ['auditor'], true, true, false, 'totp'],
    ['then the password change', ['auditor'], true, true, true, 'change_password'],
  ])('%s', (_who, roles, totpEnabled, mustChangePassword, secondFactorDone, expected) => {
    expect(nextStage({ roles, totpEnabled, mustChangePassword, secondFactorDone })).toBe(expected);
  });
});

describe('session timeouts', () => {
  const start = new Date('2026-11-24T08:00:00Z');
  const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
  const session = { createdAt: start, lastSeenAt: at(0), expiresAt: at(12 * 60) };

  it('ends after 30 idle minutes', () => {
    expect(sessionExpired(session, at(29))).toBe(false);
    expect(sessionExpired(session, at(30))).toBe(true);
  });

  it('ends after 12 hours however active', () => {
    const busy = { ...session, lastSeenAt: at(12 * 60 - 1) };
    expect(sessionExpired(busy, at(12 * 60 - 1))).toBe(false);
    expect(sessionExpired(busy, at(12 * 60))).toBe(true);
    expect(idleExpiresAt(busy)).toEqual(at(12 * 60));
  });
});
