import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small but real OpenID Provider for tests, on a loopback port: discovery document, JWKS,
 * an authorization endpoint that approves the configured person at once, and a token endpoint that
 * checks the code (single use, same client, same redirect URI), the PKCE verifier (S256) and the
 * client secret (Basic or POST), and answers with an RS256-signed id token. What a test wants to go
 * wrong is set on `next` for the next token only.
 */
export interface ProviderUser {
  sub: string;
  email?: string;
  email_verified?: unknown;
  amr?: string[];
  acr?: string;
}

export interface TokenTweaks {
  audience?: string;
  nonce?: string;
  issuer?: string;
  /** Seconds from now; negative for a token that has already expired. */
  expiresIn?: number;
  issuedAt?: number;
  /** Signed with a key the provider never published. */
  foreignKey?: boolean;
}

/** What a test wants in (or wrong with) a back-channel logout token. */
export interface LogoutTokenOptions {
  sub?: string;
  sid?: string;
  audience?: string;
  issuer?: string;
  jti?: string;
  nonce?: string;
  /** Seconds since the epoch; default now. */
  issuedAt?: number;
  /** Leave out the back-channel logout event. */
  withoutEvent?: boolean;
  foreignKey?: boolean;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the authorization endpoint signs in; change it between sign-ins. */
  user: ProviderUser;
  /** Tweaks for the next id token only. */
  next: TokenTweaks;
  /** Answer the next authorization request with error=access_denied. */
  denyNext: boolean;
  /** What the token endpoint refused, newest last (for tests that expect a refusal there). */
  tokenErrors: string[];
  /** The `sid` of the provider session behind the latest id token. */
  lastSid: string | undefined;
  /** A logout token as the provider sends it to the client's back-channel logout URI. */
  logoutToken(options: LogoutTokenOptions): string;
  /** POSTs a logout token form-encoded, as the provider's server does (OpenID Connect Back-Channel Logout 1.0, 2.5). */
  sendLogout(
    post: (request: { payload: string; headers: Record<string, string> }) => Promise<unknown>,
    token: string,
  ): Promise<unknown>;
  close(): Promise<void>;
}

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | undefined;
  user: ProviderUser;
  used: boolean;
}

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

function signJwt(key: KeyObject, kid: string, payload: Record<string, unknown>, typ = 'JWT'): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ, kid }));
  const body = b64url(JSON.stringify(payload));
  const signature = sign('sha256', Buffer.from(`${header}.${body}`), key);
  return `${header}.${body}.${b64url(signature)}`;
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startTestOidcProvider(
  options: { clientId?: string; clientSecret?: string; user?: ProviderUser } = {},
): Promise<TestOidcProvider> {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const codes = new Map<string, IssuedCode>();
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider: TestOidcProvider = {
    issuer,
    clientId: options.clientId ?? 'klachtwijzer',
    clientSecret: options.clientSecret ?? randomBytes(16).toString('hex'),
    user: options.user ?? { sub: 'subject-1', email: 'iemand@example.nl', email_verified: true },
    next: {},
    denyNext: false,
    tokenErrors: [],
    lastSid: undefined,
    logoutToken: (wanted) =>
      signJwt(
        wanted.foreignKey ? foreign.privateKey : keys.privateKey,
        kid,
        {
          iss: wanted.issuer ?? issuer,
          aud: wanted.audience ?? provider.clientId,
          iat: wanted.issuedAt ?? Math.floor(Date.now() / 1000),
          jti: wanted.jti ?? randomBytes(12).toString('hex'),
          ...(wanted.sub !== undefined ? { sub: wanted.sub } : {}),
          ...(wanted.sid !== undefined ? { sid: wanted.sid } : {}),
          ...(wanted.nonce !== undefined ? { nonce: wanted.nonce } : {}),
          ...(wanted.withoutEvent
            ? {}
            : { events: { 'http://schemas.openid.net/event/backchannel-logout': {} } }),
        },
        'logout+jwt',
      ),
    sendLogout: (post, token) =>
      post({
        payload: new URLSearchParams({ logout_token: token }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };

  const json = (response: http.ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify(body));
  };
  const tokenError = (response: http.ServerResponse, error: string, why: string) => {
    provider.tokenErrors.push(why);
    json(response, 400, { error, error_description: why });
  };

  const authorize = (url: URL, response: http.ServerResponse) => {
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri') ?? '';
    if (q.get('client_id') !== provider.clientId || !/^https?:\/\//.test(redirectUri)) {
      response.writeHead(400).end('unknown client or redirect_uri');
      return;
    }
    const back = new URL(redirectUri);
    if (q.get('state') !== null) back.searchParams.set('state', q.get('state')!);
    back.searchParams.set('iss', issuer);
    if (provider.denyNext) {
      provider.denyNext = false;
      back.searchParams.set('error', 'access_denied');
    } else if (q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256') {
      back.searchParams.set('error', 'invalid_request');
    } else {
      const code = randomBytes(24).toString('base64url');
      codes.set(code, {
        clientId: provider.clientId,
        redirectUri,
        codeChallenge: q.get('code_challenge') ?? '',
        nonce: q.get('nonce') ?? undefined,
        user: { ...provider.user },
        used: false,
      });
      back.searchParams.set('code', code);
    }
    response.writeHead(302, { location: back.href }).end();
  };

  const token = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const form = new URLSearchParams(await readBody(request));
    let clientId = form.get('client_id');
    let secret = form.get('client_secret');
    const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '');
    if (basic) {
      const [id = '', pass = ''] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
      clientId = decodeURIComponent(id);
      secret = decodeURIComponent(pass);
    }
    if (clientId !== provider.clientId || secret !== provider.clientSecret)
      return tokenError(response, 'invalid_client', 'client authentication failed');
    if (form.get('grant_type') !== 'authorization_code')
      return tokenError(response, 'unsupported_grant_type', 'grant_type');
    const issued = codes.get(form.get('code') ?? '');
    if (!issued || issued.used || issued.clientId !== clientId)
      return tokenError(response, 'invalid_grant', 'unknown or used code');
    issued.used = true;
    if (form.get('redirect_uri') !== issued.redirectUri)
      return tokenError(response, 'invalid_grant', 'redirect_uri differs');
    const challenge = createHash('sha256')
      .update(form.get('code_verifier') ?? '')
      .digest('base64url');
    if (challenge !== issued.codeChallenge) return tokenError(response, 'invalid_grant', 'PKCE verifier');

    const tweaks = provider.next;
    provider.next = {};
    const now = Math.floor(Date.now() / 1000);
    const { sub, ...claims } = issued.user;
    // Every sign-in at the provider is a provider session of its own, named by sid.
    const sid = randomBytes(8).toString('hex');
    provider.lastSid = sid;
    const idToken = signJwt(tweaks.foreignKey ? foreign.privateKey : keys.privateKey, kid, {
      iss: tweaks.issuer ?? issuer,
      sub,
      aud: tweaks.audience ?? clientId,
      iat: tweaks.issuedAt ?? now,
      exp: now + (tweaks.expiresIn ?? 300),
      auth_time: now,
      sid,
      ...(tweaks.nonce !== undefined ? { nonce: tweaks.nonce } : issued.nonce ? { nonce: issued.nonce } : {}),
      ...claims,
    });
    json(response, 200, {
      access_token: randomBytes(24).toString('base64url'),
      token_type: 'Bearer',
      expires_in: 300,
      id_token: idToken,
    });
  };

  server.on('request', (request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    const route = `${request.method} ${url.pathname}`;
    if (route === 'GET /.well-known/openid-configuration') {
      return json(response, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        scopes_supported: ['openid', 'email', 'profile'],
        authorization_response_iss_parameter_supported: true,
      });
    }
    if (route === 'GET /jwks') {
      return json(response, 200, {
        keys: [{ ...keys.publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }],
      });
    }
    if (route === 'GET /authorize') return authorize(url, response);
    if (route === 'POST /token') {
      return void token(request, response).catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
    }
    response.writeHead(404).end();
  });
  return provider;
}
