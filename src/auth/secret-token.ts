import { createHash, randomBytes } from 'node:crypto';
import { isUuid } from '../ids.ts';

/**
 * The secrets handed to a browser or a person: session cookies, invitation and reset links. Each
 * names its organisation, so the lookup key starts with organisation_id like every other key, and
 * carries 256 random bits of which only a SHA-256 is stored: a copy of the database opens nothing.
 * Parsing is strict and by position, so an empty, blank or truncated value never reaches a query
 * (FreeScout CVE-2026-53595 matched empty tokens against empty columns).
 */
export type SecretTokenKind = 'session' | 'invitation' | 'password_reset';

const PREFIXES: Record<SecretTokenKind, string> = {
  session: 'kws1',
  invitation: 'kwi1',
  password_reset: 'kwr1',
};

export interface ParsedSecretToken {
  organisationId: string;
  secret: string;
}

export interface IssuedSecretToken {
  token: string;
  secretSha256: string;
  secret: string;
}

function hex(uuid: string): string {
  return uuid.replaceAll('-', '');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

export function issueSecretToken(kind: SecretTokenKind, organisationId: string): IssuedSecretToken {
  const secret = randomBytes(32).toString('base64url');
  return {
    token: `${PREFIXES[kind]}_${hex(organisationId)}_${secret}`,
    secretSha256: sha256Hex(secret),
    secret,
  };
}

export function parseSecretToken(
  kind: SecretTokenKind,
  token: string | undefined,
): ParsedSecretToken | undefined {
  if (token === undefined) return undefined;
  const match = new RegExp(`^${PREFIXES[kind]}_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$`).exec(token);
  if (!match) return undefined;
  const h = match[1]!;
  const organisationId = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  if (!isUuid(organisationId)) return undefined;
  return { organisationId, secret: match[2]! };
}
