import type { Role, SessionStage } from '../db/schema.ts';

/**
 * How long a sign-in lasts (ASVS 7.1.1, 7.3.1, 7.3.2). Staff work in dossiers with personal and
 * financial data on office machines: 30 minutes without a request ends the session (NIST SP 800-63B
 * AAL2 allows up to 30 minutes idle), and after 12 hours — one working day — everyone signs in again
 * (AAL2 allows 24 hours; we stay within it). A sign-in that is still between its steps (second
 * factor, new password, enrolment) lives 10 minutes at most. The number of sessions per account is
 * not limited: several tabs and machines are normal; logout ends them all.
 */
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
export const PENDING_TIMEOUT_MS = 10 * 60_000;
/** A session's last-seen moment is written at most this often, so reading pages does not mean a write each. */
export const TOUCH_INTERVAL_MS = 60_000;

/** Roles that may change who can do what or see every dossier: they always sign in with a second factor. */
export const ROLES_REQUIRING_SECOND_FACTOR: readonly Role[] = ['admin', 'coordinator'];

export function requiresSecondFactor(roles: readonly Role[]): boolean {
  return roles.some((role) => ROLES_REQUIRING_SECOND_FACTOR.includes(role));
}

export interface StepInput {
  roles: readonly Role[];
  totpEnabled: boolean;
  mustChangePassword: boolean;
  secondFactorDone: boolean;
}

/**
 * The next step of a sign-in after the password was right: first the second factor (when the
 * account has one), then the new password the one-time password or an administrator asked for,
 * then enrolling a second factor when the roles require one; then the session is active.
 */
export function nextStage(input: StepInput): SessionStage {
  if (input.totpEnabled && !input.secondFactorDone) return 'totp';
  if (input.mustChangePassword) return 'change_password';
  if (!input.totpEnabled && requiresSecondFactor(input.roles)) return 'enrol_totp';
  return 'active';
}

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export function sessionExpired(session: SessionTimes, now: Date): boolean {
  return (
    now.getTime() >= session.expiresAt.getTime() ||
    now.getTime() - session.lastSeenAt.getTime() >= IDLE_TIMEOUT_MS
  );
}

export function idleExpiresAt(session: Pick<SessionTimes, 'lastSeenAt' | 'expiresAt'>): Date {
  return new Date(Math.min(session.lastSeenAt.getTime() + IDLE_TIMEOUT_MS, session.expiresAt.getTime()));
}
