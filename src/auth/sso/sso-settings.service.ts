import type { Kysely, Selectable } from 'kysely';
import { requireRole, type AccessContext } from '../access-context.ts';
import type { Clock } from '../../clock.ts';
import type { Database, SsoSettingsTable } from '../../db/schema.ts';
import { withTenant, type Tx } from '../../db/tenant.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { openSecret, sealSecret, type Secrets } from '../../secrets.ts';
import { normaliseLine } from '../../text.ts';
import { insertSecurityEvent } from '../security-event.repository.ts';
import {
  describeDiscoveryError,
  issuerProblem,
  type ProviderClients,
  type ProviderSettings,
} from './provider-clients.ts';

export type SsoSettingsRow = Selectable<SsoSettingsTable>;

export interface SsoSettingsInput {
  enabled: boolean;
  issuer: string;
  clientId: string;
  /** Omitted: keep the stored secret; null: a public client (PKCE only). */
  clientSecret?: string | null;
  allowedEmailDomain: string | null;
  trustIdpMfa: boolean;
  mfaAcr: string | null;
}

export interface SsoSettingsView {
  enabled: boolean;
  issuer: string;
  clientId: string;
  hasClientSecret: boolean;
  allowedEmailDomain: string | null;
  trustIdpMfa: boolean;
  mfaAcr: string | null;
  updatedAt: Date;
}

export interface SsoSettingsDeps {
  db: Kysely<Database>;
  clock: Clock;
  secrets: Secrets;
  providers: ProviderClients;
}

function toView(row: SsoSettingsRow): SsoSettingsView {
  return {
    enabled: row.enabled,
    issuer: row.issuer,
    clientId: row.client_id,
    hasClientSecret: row.client_secret_encrypted !== null,
    allowedEmailDomain: row.allowed_email_domain,
    trustIdpMfa: row.trust_idp_mfa,
    mfaAcr: row.mfa_acr,
    updatedAt: new Date(row.updated_at),
  };
}

export async function findSsoSettings(tx: Tx, organisationId: string): Promise<SsoSettingsRow | undefined> {
  return tx
    .selectFrom('sso_settings')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

export function providerSettingsOf(row: SsoSettingsRow, secrets: Secrets): ProviderSettings {
  return {
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecret:
      row.client_secret_encrypted === null
        ? null
        : openSecret(secrets.storedSecretKey, row.client_secret_encrypted),
  };
}

/** The issuer as the provider writes it in its tokens: no trailing slash added or taken away. */
function normaliseIssuer(value: string): string {
  return value.trim();
}

function normaliseDomain(value: string | null): string | null {
  const domain = value === null ? '' : normaliseLine(value).toLowerCase().replace(/^@/, '');
  return domain === '' ? null : domain;
}

/** Read by the administrator only: the secret itself never leaves the server. */
export async function getSsoSettings(
  db: Kysely<Database>,
  context: AccessContext,
): Promise<SsoSettingsView | null> {
  requireRole(context, ['admin']);
  const row = await withTenant(db, context.organisationId, (tx) =>
    findSsoSettings(tx, context.organisationId),
  );
  return row ? toView(row) : null;
}

export async function saveSsoSettings(
  deps: SsoSettingsDeps,
  context: AccessContext,
  input: SsoSettingsInput,
): Promise<SsoSettingsView> {
  requireRole(context, ['admin']);
  const issuer = normaliseIssuer(input.issuer);
  const domain = normaliseDomain(input.allowedEmailDomain);
  const issuerMessage = issuerProblem(issuer);
  const problems = [
    ...(issuerMessage ? [{ field: '/issuer', message: issuerMessage }] : []),
    ...(domain === null || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)
      ? []
      : [{ field: '/allowedEmailDomain', message: 'Dit is geen geldig domein (bijvoorbeeld kantoor.nl).' }]),
  ];
  if (problems.length > 0)
    throw new ValidationError('De instellingen voor single sign-on zijn niet geldig.', problems);
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    const values = {
      enabled: input.enabled,
      issuer,
      client_id: normaliseLine(input.clientId),
      allowed_email_domain: domain,
      trust_idp_mfa: input.trustIdpMfa,
      mfa_acr:
        input.mfaAcr === null || normaliseLine(input.mfaAcr) === '' ? null : normaliseLine(input.mfaAcr),
      updated_at: now,
      updated_by: context.userId,
      ...(input.clientSecret === undefined
        ? {}
        : {
            client_secret_encrypted: input.clientSecret
              ? sealSecret(deps.secrets.storedSecretKey, input.clientSecret)
              : null,
          }),
    };
    const row = await tx
      .insertInto('sso_settings')
      .values({ organisation_id: context.organisationId, client_secret_encrypted: null, ...values })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    // Who switched the way in on or off, and to which provider, is a security matter (ASVS 16.3.x).
    await insertSecurityEvent(tx, {
      organisationId: context.organisationId,
      userId: null,
      type: 'sso_settings_changed',
      at: now,
      actorId: context.userId,
      details: {
        enabled: row.enabled,
        issuer: row.issuer,
        trustIdpMfa: row.trust_idp_mfa,
        secretChanged: input.clientSecret !== undefined,
      },
    });
    return toView(row);
  });
}

/** The test button: can the provider's configuration be discovered with what is stored? */
export async function testSsoSettings(
  deps: SsoSettingsDeps,
  context: AccessContext,
): Promise<{ ok: boolean; message: string }> {
  requireRole(context, ['admin']);
  const row = await withTenant(deps.db, context.organisationId, (tx) =>
    findSsoSettings(tx, context.organisationId),
  );
  if (!row) throw new NotFoundError('De instellingen voor single sign-on');
  try {
    const config = await deps.providers.discover(providerSettingsOf(row, deps.secrets));
    const metadata = config.serverMetadata();
    if (!metadata.authorization_endpoint || !metadata.token_endpoint || !metadata.jwks_uri)
      return { ok: false, message: 'De configuratie van de identiteitsprovider mist een verplicht adres.' };
    if (!(metadata.code_challenge_methods_supported ?? ['S256']).includes('S256'))
      return { ok: false, message: 'De identiteitsprovider ondersteunt geen PKCE (S256).' };
    return { ok: true, message: `De identiteitsprovider ${metadata.issuer} is gevonden en bruikbaar.` };
  } catch (error) {
    return { ok: false, message: describeDiscoveryError(error) };
  }
}
