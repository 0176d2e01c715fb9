import * as oidc from 'openid-client';

/** What it takes to talk to an organisation's identity provider. */
export interface ProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const DISCOVERY_TIMEOUT_SECONDS = 10;
/** Long enough that a burst of sign-ins in the morning discovers once; short enough that a key rotation is seen. */
const CACHE_MS = 10 * 60_000;

/**
 * Plain http is refused for an identity provider, except on this very machine (a provider for
 * tests or one on the same host): the id token and the client secret travel over that connection.
 */
export function issuerProblem(issuer: string): string | undefined {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'Dit is geen geldig adres (bijvoorbeeld https://login.example.nl/realms/kantoor).';
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '')
    return 'Het adres van de identiteitsprovider mag geen ?, # of inloggegevens bevatten.';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return 'De identiteitsprovider moet via https bereikbaar zijn.';
}

function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

export interface ProviderClients {
  /** The provider's discovered configuration, cached per organisation and settings. */
  configFor(organisationId: string, settings: ProviderSettings): Promise<oidc.Configuration>;
  /** Discovery without the cache: the settings screen's test button. */
  discover(settings: ProviderSettings): Promise<oidc.Configuration>;
}

async function discover(settings: ProviderSettings): Promise<oidc.Configuration> {
  const auth = settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None();
  return oidc.discovery(new URL(settings.issuer), settings.clientId, undefined, auth, {
    timeout: DISCOVERY_TIMEOUT_SECONDS,
    // The id token's signature is checked against the provider's JWKS too, not only trusted
    // because it came straight from the token endpoint (OIDC Core 3.1.3.7 allows that; we do not).
    execute: isLoopbackHttp(settings.issuer)
      ? [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks]
      : [oidc.enableNonRepudiationChecks],
  });
}

/**
 * openid-client does the protocol: discovery, the authorization URL, the code exchange with PKCE
 * and the id token's checks (signature from the provider's JWKS, iss, aud, azp, exp, iat, nonce).
 * The client authenticates with client_secret_basic, the default every provider supports; without
 * a secret it is a public client and PKCE is its only proof.
 */
export function createProviderClients(now: () => number = Date.now): ProviderClients {
  const cache = new Map<string, { key: string; config: oidc.Configuration; until: number }>();
  return {
    discover,
    async configFor(organisationId, settings) {
      const key = JSON.stringify([settings.issuer, settings.clientId, settings.clientSecret]);
      const cached = cache.get(organisationId);
      if (cached && cached.key === key && cached.until > now()) return cached.config;
      const config = await discover(settings);
      cache.set(organisationId, { key, config, until: now() + CACHE_MS });
      return config;
    },
  };
}

/** The test button's answer in Dutch: what an administrator can act on. */
export function describeDiscoveryError(error: unknown): string {
  const details = (error ?? {}) as { code?: string; name?: string; cause?: { code?: string } };
  const code = details.code ?? '';
  if (details.name === 'TimeoutError' || details.name === 'AbortError')
    return 'De identiteitsprovider antwoordt niet op tijd.';
  if (code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED')
    return 'De identiteitsprovider noemt zichzelf met een ander adres (issuer) dan ingevuld.';
  if (code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || code === 'OAUTH_RESPONSE_IS_NOT_JSON')
    return 'Op dit adres staat geen OpenID Connect-configuratie (/.well-known/openid-configuration).';
  if (error instanceof TypeError || details.cause?.code) return 'De identiteitsprovider is niet bereikbaar.';
  return 'De configuratie van de identiteitsprovider kon niet worden gelezen.';
}
