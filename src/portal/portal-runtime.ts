import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import { DEFAULT_ATTACHMENT_LIMITS } from '../complaints/complaint.service.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import type { AttachmentLimits } from '../domain/attachment-policy.ts';
import { createClientAddressResolver, type ClientAddressResolver } from '../public-form/client-address.ts';
import { SlidingWindowLimiter } from '../public-form/rate-limiter.ts';
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
}

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/**
 * Limits kept in this process's memory, on top of the per-code and per-complaint limits the database
 * enforces for every process together (five guesses a code, three codes a complaint an hour). They
 * blunt one address trying many links or codes, and one link or complaint being hammered.
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
      linkUsesPerAddress: new SlidingWindowLimiter({ limit: 30, windowMs: 15 * MINUTE }),
      linkUsesPerLink: new SlidingWindowLimiter({ limit: 10, windowMs: HOUR }),
      codeRequestsPerAddress: new SlidingWindowLimiter({ limit: 10, windowMs: HOUR }),
      codeChecksPerAddress: new SlidingWindowLimiter({ limit: 30, windowMs: HOUR }),
      codeChecksPerComplaint: new SlidingWindowLimiter({ limit: 15, windowMs: HOUR }),
      postsPerComplaint: new SlidingWindowLimiter({ limit: 30, windowMs: HOUR }),
      postsPerAddress: new SlidingWindowLimiter({ limit: 60, windowMs: HOUR }),
    },
  };
}
