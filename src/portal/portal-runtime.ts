import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import { DEFAULT_ATTACHMENT_LIMITS } from '../complaints/complaint.service.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import type { AttachmentLimits } from '../domain/attachment-policy.ts';
import { createClientAddressResolver, type ClientAddressResolver } from '../http/client-address.ts';
import type { RateLimitStore } from '../http/rate-limit/rate-limit-store.ts';
import { SlidingWindowLimiter, type RateLimitRule } from '../http/rate-limit/rate-limiter.ts';
import type { PortalContactDeps } from './portal-contact.service.ts';
import { createPortalCookies, type PortalCookies } from './portal-cookie.ts';
import { loadPortalAssets, type PortalAssets } from './portal-assets.ts';
import { DEFAULT_PORTAL_TOKEN_DAYS_AFTER_CLOSE } from './portal-policy.ts';

/** What the portal settings come to; everything optional falls back to its documented default. */
export type PortalConfig = Pick<Config, 'maxAttachmentBytes'> &
  Partial<Pick<Config, 'trustedProxies' | 'cookieSecure' | 'portalTokenDaysAfterClose'>>;

export interface PortalDeps {
  db: Kysely<Database>;
  clock: Clock;
  config: PortalConfig;
  /** The installation's Message-ID key; without it the code mail is signed with a key of this process. */
  secrets?: { messageIdKey: Buffer };
  /** Where the limits count (the database, shared by every process). */
  rateLimits: RateLimitStore;
}

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/**
 * Limits on top of the per-code and per-complaint limits kept with the codes (five guesses a code,
 * three codes a complaint an hour). They blunt one address trying many links or codes, and one link
 * or complaint being hammered; like those, they count in the database for every process together.
 */
export interface PortalLimits {
  linkUsesPerAddress: SlidingWindowLimiter;
  linkUsesPerLink: SlidingWindowLimiter;
  codeRequestsPerAddress: SlidingWindowLimiter;
  codeChecksPerAddress: SlidingWindowLimiter;
  codeChecksPerComplaint: SlidingWindowLimiter;
  postsPerComplaint: SlidingWindowLimiter;
  postsPerAddress: SlidingWindowLimiter;
}

export interface PortalRuntime {
  services: PortalContactDeps;
  cookies: PortalCookies;
  clientAddress: ClientAddressResolver;
  assets: PortalAssets;
  limits: PortalLimits;
}

export function createPortalRuntime(deps: PortalDeps): PortalRuntime {
  const limit = (scope: string, rule: RateLimitRule) =>
    new SlidingWindowLimiter(deps.rateLimits, `portal.${scope}`, rule);
  const attachmentLimits: AttachmentLimits = {
    ...DEFAULT_ATTACHMENT_LIMITS,
    maxFileBytes: Math.min(DEFAULT_ATTACHMENT_LIMITS.maxFileBytes, deps.config.maxAttachmentBytes),
  };
  return {
    services: {
      db: deps.db,
      clock: deps.clock,
      daysAfterClose: deps.config.portalTokenDaysAfterClose ?? DEFAULT_PORTAL_TOKEN_DAYS_AFTER_CLOSE,
      messageIdKey: deps.secrets?.messageIdKey ?? randomBytes(32),
      attachmentLimits,
    },
    cookies: createPortalCookies(deps.config.cookieSecure ?? 'auto'),
    clientAddress: createClientAddressResolver(deps.config.trustedProxies ?? []),
    assets: loadPortalAssets(),
    limits: {
      linkUsesPerAddress: limit('linkUsesPerAddress', { limit: 30, windowMs: 15 * MINUTE }),
      linkUsesPerLink: limit('linkUsesPerLink', { limit: 10, windowMs: HOUR }),
      codeRequestsPerAddress: limit('codeRequestsPerAddress', { limit: 10, windowMs: HOUR }),
      codeChecksPerAddress: limit('codeChecksPerAddress', { limit: 30, windowMs: HOUR }),
      codeChecksPerComplaint: limit('codeChecksPerComplaint', { limit: 15, windowMs: HOUR }),
      postsPerComplaint: limit('postsPerComplaint', { limit: 30, windowMs: HOUR }),
      postsPerAddress: limit('postsPerAddress', { limit: 60, windowMs: HOUR }),
    },
  };
}
