import { randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import type { AttachmentLimits } from '../domain/attachment-policy.ts';
import { DEFAULT_ATTACHMENT_LIMITS } from '../complaints/complaint.service.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { createClientAddressResolver, type ClientAddressResolver } from '../http/client-address.ts';
import type { RateLimitStore } from '../http/rate-limit/rate-limit-store.ts';
import { SlidingWindowLimiter } from '../http/rate-limit/rate-limiter.ts';
import { DraftStore } from './draft-store.ts';
import { FORM_TOKEN_MAX_AGE_MS } from './form-token.ts';
import { createProofOfWork, type ProofOfWork } from './proof-of-work.ts';
import { rememberInDatabase } from './proof-of-work-uses.ts';
import { deriveTokenKey } from './signed-token.ts';
import { loadStaticAssets, type StaticAssets } from './static-assets.ts';

/** What the form settings come to; everything optional falls back to the documented default. */
export type PublicFormConfig = Pick<Config, 'maxAttachmentBytes'> &
  Partial<Pick<Config, 'trustedProxies' | 'formMinFillSeconds' | 'formSecret'>>;

const HOUR = 60 * 60 * 1000;

/**
 * What the form works with: keys, and limits, used challenges and drafts (all in the database,
 * shared by every process). One per app.
 * The rate limits are the issue's: 5 complaints an hour per address, 3 per e-mail address; a form
 * sent without proof-of-work (no JavaScript, or a script that failed) 2 an hour per address; and any
 * address may post the form itself at most 60 times an hour (each post may hold files in memory).
 */
export interface PublicFormRuntime {
  formKey: Buffer;
  confirmationKey: Buffer;
  minFillMs: number;
  attachmentLimits: AttachmentLimits;
  pow: ProofOfWork;
  drafts: DraftStore;
  /**
   * Registrations running in this process, by organisation and form id, so a double click waits
   * for the first click's reference. Another process's running registration is told apart by the
   * form id's idempotency key instead (public-form.service.ts).
   */
  sending: Map<string, Promise<string | null>>;
  clientAddress: ClientAddressResolver;
  limits: {
    complaintsPerAddress: SlidingWindowLimiter;
    complaintsWithoutPowPerAddress: SlidingWindowLimiter;
    complaintsPerEmail: SlidingWindowLimiter;
    postsPerAddress: SlidingWindowLimiter;
  };
  assets: StaticAssets;
  /** False when the signing secret is made up for this process only (see FORM_SECRET). */
  sharedSecret: boolean;
}

export function createPublicFormRuntime(
  config: PublicFormConfig,
  shared: { db: Kysely<Database>; limits: RateLimitStore },
  installationKey?: Buffer,
): PublicFormRuntime {
  const limit = (scope: string, count: number) =>
    new SlidingWindowLimiter(shared.limits, `form.${scope}`, { limit: count, windowMs: HOUR });
  const secret = config.formSecret
    ? Buffer.from(config.formSecret, 'utf8')
    : (installationKey ?? randomBytes(32));
  const attachmentLimits: AttachmentLimits = {
    ...DEFAULT_ATTACHMENT_LIMITS,
    maxFileBytes: Math.min(DEFAULT_ATTACHMENT_LIMITS.maxFileBytes, config.maxAttachmentBytes),
  };
  return {
    formKey: deriveTokenKey(secret, 'form token'),
    confirmationKey: deriveTokenKey(secret, 'confirmation'),
    minFillMs: (config.formMinFillSeconds ?? 4) * 1000,
    attachmentLimits,
    pow: createProofOfWork(deriveTokenKey(secret, 'proof of work'), rememberInDatabase(shared.db)),
    drafts: new DraftStore(shared.db, {
      ttlMs: 30 * 60 * 1000,
      sentTtlMs: FORM_TOKEN_MAX_AGE_MS,
      maxBytes: 256 * 1024 * 1024,
      maxDrafts: 5000,
    }),
    sending: new Map(),
    clientAddress: createClientAddressResolver(config.trustedProxies ?? []),
    limits: {
      complaintsPerAddress: limit('complaintsPerAddress', 5),
      complaintsWithoutPowPerAddress: limit('complaintsWithoutPowPerAddress', 2),
      complaintsPerEmail: limit('complaintsPerEmail', 3),
      postsPerAddress: limit('postsPerAddress', 60),
    },
    assets: loadStaticAssets(),
    sharedSecret: Boolean(config.formSecret) || installationKey !== undefined,
  };
}
