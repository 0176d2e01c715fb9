/**
 * The portal's timing rules in one place. A session ends after 30 minutes without a request or 12
 * hours after it began, whichever comes first; a one-time code lives 15 minutes and survives five
 * wrong guesses, and at most three codes go out per complaint per hour — so at most 15 guesses an
 * hour against a million possible codes.
 */
export const PORTAL_SESSION_IDLE_MS = 30 * 60 * 1000;
export const PORTAL_SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const PORTAL_CODE_TTL_MS = 15 * 60 * 1000;
export const PORTAL_CODE_MAX_ATTEMPTS = 5;
export const PORTAL_CODES_PER_COMPLAINT_PER_HOUR = 3;
export const DEFAULT_PORTAL_TOKEN_DAYS_AFTER_CLOSE = 90;
/** last_seen_at is written at most this often: a page full of requests is one write, not many. */
export const PORTAL_SESSION_TOUCH_MS = 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ComplaintEnd {
  closedAt: Date | null;
  withdrawnAt: Date | null;
  reclassifiedAt: Date | null;
}

/** When the dossier left the procedure for good (closed, withdrawn, or not a complaint after all). */
export function endOfDossier(end: ComplaintEnd): Date | null {
  const moments = [end.closedAt, end.withdrawnAt, end.reclassifiedAt].filter((m): m is Date => m !== null);
  if (moments.length === 0) return null;
  return new Date(Math.min(...moments.map((m) => m.getTime())));
}

/**
 * A link works while the dossier is open and for `daysAfterClose` days after it ended; null means
 * "no end yet". Computed when used rather than stored, so closing a dossier (or changing the
 * setting) needs no update of links already handed out.
 */
export function portalLinkExpiry(end: ComplaintEnd, daysAfterClose: number): Date | null {
  const ended = endOfDossier(end);
  return ended === null ? null : new Date(ended.getTime() + daysAfterClose * DAY_MS);
}

export function isPortalLinkValid(
  end: ComplaintEnd,
  revokedAt: Date | null,
  daysAfterClose: number,
  now: Date,
): boolean {
  if (revokedAt !== null) return false;
  const expiry = portalLinkExpiry(end, daysAfterClose);
  return expiry === null || now < expiry;
}

/** A session is usable until it idles out, reaches its absolute end or is ended. */
export function isPortalSessionLive(
  session: { lastSeenAt: Date; expiresAt: Date; endedAt: Date | null },
  now: Date,
): boolean {
  if (session.endedAt !== null) return false;
  if (now >= session.expiresAt) return false;
  return now.getTime() - session.lastSeenAt.getTime() < PORTAL_SESSION_IDLE_MS;
}
