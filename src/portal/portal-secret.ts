import { createHash, randomBytes } from 'node:crypto';
import { isUuid } from '../ids.ts';

/**
 * The two secrets the portal hands out: the personal link in a letter (`link`) and the browser's
 * session cookie (`session`). Each names its organisation, so the lookup is scoped like every other
 * key (and stays possible on a database sharded by organisation), and carries 256 random bits of
 * which only a SHA-256 is stored. Parsing is strict and by position: an empty, blank, truncated or
 * padded value never reaches a query.
 */
export type PortalSecretKind = 'link' | 'session';

const PREFIXES: Record<PortalSecretKind, string> = { link: 'kwp1', session: 'kwps1' };

export interface IssuedPortalSecret {
  value: string;
  secret: string;
  secretSha256: string;
}

export interface ParsedPortalSecret {
  organisationId: string;
  secret: string;
  secretSha256: string;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

export function issuePortalSecret(kind: PortalSecretKind, organisationId: string): IssuedPortalSecret {
  const secret = randomBytes(32).toString('base64url');
  return {
    value: `${PREFIXES[kind]}_${organisationId.replaceAll('-', '')}_${secret}`,
    secret,
    secretSha256: sha256Hex(secret),
  };
}

const PATTERNS: Record<PortalSecretKind, RegExp> = {
  link: /^kwp1_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/,
  session: /^kwps1_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/,
};

export function parsePortalSecret(kind: PortalSecretKind, value: unknown): ParsedPortalSecret | undefined {
  if (typeof value !== 'string' || value.length > 200) return undefined;
  const match = PATTERNS[kind].exec(value);
  if (!match) return undefined;
  const h = match[1]!;
  const organisationId = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  if (!isUuid(organisationId)) return undefined;
  return { organisationId, secret: match[2]!, secretSha256: sha256Hex(match[2]!) };
}
