import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import type { Secrets } from '../secrets.ts';
import type { AttemptLimits } from './attempt-limits.ts';
import type { PasswordHasher } from './password-hasher.ts';

/** A link handed out once: an invitation for the administrator to pass on, or a reset link. */
export interface IssuedLink {
  organisationId: string;
  userId: string;
  /** Relative to the application's own origin; the secret sits in the fragment, out of logs and Referer. */
  path: string;
  token: string;
  expiresAt: Date;
}

/** What the identity services need, passed in explicitly like every service's dependencies. */
export interface IdentityDeps {
  db: Kysely<Database>;
  clock: Clock;
  secrets: Secrets;
  passwords: PasswordHasher;
  limits: AttemptLimits;
  /**
   * Receives every password-reset link. The reset mail is written to the outbox, like all outgoing
   * mail, once its template exists; until then the production application passes nothing here, so
   * no link leaves the server, and tests pass a function that catches the link.
   */
  resetLinkSink?: (link: IssuedLink) => void;
}

export interface ClientInfo {
  /** The client address as resolved through TRUSTED_PROXIES. */
  address: string;
  /** Only ever reduced to a coarse summary (client-summary.ts) before it is stored. */
  userAgent?: string;
}
