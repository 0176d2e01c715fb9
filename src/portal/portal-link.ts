import type { Tx } from '../db/tenant.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import { NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import { DEFAULT_PORTAL_TOKEN_DAYS_AFTER_CLOSE, portalLinkExpiry } from './portal-policy.ts';
import { issuePortalSecret } from './portal-secret.ts';
import { findComplaintEnd, insertPortalToken } from './portal-token.repository.ts';

export interface PortalLinkRequest {
  organisationId: string;
  complaintId: string;
  now: Date;
  /** The installation's public address, e.g. `https://klachten.kantoor.nl`; a trailing slash is fine. */
  baseUrl: string;
  /** The language of the letter; `en` opens the portal in English. Dutch by default. */
  language?: 'nl' | 'en';
  /** PORTAL_TOKEN_DAYS_AFTER_CLOSE, only for `expiresAt` of a dossier that has already ended. */
  daysAfterClose?: number;
}

export interface PortalLink {
  url: string;
  /**
   * Null while the dossier is open: the link then works until PORTAL_TOKEN_DAYS_AFTER_CLOSE days
   * after it is closed or withdrawn, a moment nobody knows yet.
   */
  expiresAt: Date | null;
}

/**
 * A complainant's personal link to the portal, for one complaint only, made inside the caller's
 * transaction (the letter that carries it): if the letter is not committed, neither is the link.
 * Only a SHA-256 of its secret is stored; the URL exists only in the letter and this return value.
 */
export async function issuePortalLink(tx: Tx, request: PortalLinkRequest): Promise<PortalLink> {
  const { organisationId, complaintId, now } = request;
  const end = await findComplaintEnd(tx, organisationId, complaintId);
  if (!end) throw new NotFoundError('De klacht');
  const issued = issuePortalSecret('link', organisationId);
  const tokenId = newId();
  await insertPortalToken(tx, {
    organisation_id: organisationId,
    id: tokenId,
    complaint_id: complaintId,
    secret_sha256: issued.secretSha256,
    created_at: now,
    first_used_at: null,
    revoked_at: null,
  });
  await appendDossierEvent(tx, organisationId, complaintId, {
    type: 'portal.link_issued',
    actor: { kind: 'system', id: null },
    occurredAt: now,
    data: { portalTokenId: tokenId },
  });
  const language = request.language === 'en' ? '?lang=en' : '';
  return {
    url: `${publicBase(request.baseUrl)}/portaal/${issued.value}${language}`,
    expiresAt: portalLinkExpiry(end, request.daysAfterClose ?? DEFAULT_PORTAL_TOKEN_DAYS_AFTER_CLOSE),
  };
}

function publicBase(baseUrl: string): string {
  const parsed = new URL(baseUrl);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`the portal's base URL must be http(s), got ${parsed.protocol}`);
  }
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}
