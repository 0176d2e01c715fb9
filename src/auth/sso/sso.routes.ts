import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ClientInfo } from '../identity-deps.ts';
import type { SessionCookies } from '../session-cookie.ts';
import { registerBackchannelLogoutRoute } from './backchannel-logout.routes.ts';
import { createSsoBindingCookie } from './sso-cookie.ts';
import { finishSsoLogin, ssoOffered, startSsoLogin, type SsoDeps } from './sso-login.service.ts';
import { refusalLocation, SsoRefusal } from './sso-refusal.ts';

export interface SsoRouteDeps {
  sso: SsoDeps;
  cookies: SessionCookies;
  clientInfo: (request: FastifyRequest) => ClientInfo;
  /** PUBLIC_BASE_URL: the redirect URI registered at the provider is built from it. */
  publicBaseUrl?: string;
}

const OrganisationParams = Type.Object({ organisation: Type.String({ minLength: 1, maxLength: 100 }) });
const Redirect = { 302: Type.Null({ description: 'Location: the provider, or back into the application' }) };

/** Where the provider sends the browser back to; the administrator registers exactly this address. */
export function ssoRedirectUri(baseUrl: string, slug: string): string {
  // Through URL so it is written exactly as openid-client writes it back at the callback (no :80).
  return new URL(`${baseUrl.replace(/\/$/, '')}/api/v1/auth/sso/${encodeURIComponent(slug)}/callback`).href;
}

/** Single sign-on through the organisation's OpenID Connect provider (authorization code + PKCE). */
export function registerSsoRoutes(app: FastifyInstance, deps: SsoRouteDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const binding = createSsoBindingCookie(deps.cookies);
  registerBackchannelLogoutRoute(app, deps.sso);
  const baseUrlOf = (request: FastifyRequest) =>
    deps.publicBaseUrl ??
    `${deps.cookies.isSecure(request) ? 'https' : 'http'}://${request.headers.host ?? 'localhost'}`;

  api.get(
    '/api/v1/auth/sso/:organisation',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Whether the organisation signs in with its own identity provider (the login button)',
        security: [],
        params: OrganisationParams,
        response: { 200: Type.Object({ enabled: Type.Boolean() }) },
      },
    },
    async (request) => ({ enabled: await ssoOffered(deps.sso, request.params.organisation) }),
  );

  api.get(
    '/api/v1/auth/sso/:organisation/start',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Start single sign-on: redirects to the identity provider',
        description:
          'Keeps state, nonce and PKCE verifier server-side for ten minutes and sets a SameSite=Lax ' +
          'cookie binding them to this browser. Without single sign-on the browser goes back to the ' +
          'login screen with ?sso_error=sso_unavailable.',
        security: [],
        params: OrganisationParams,
        response: Redirect,
      },
    },
    async (request, reply) => {
      const slug = request.params.organisation.trim().toLowerCase();
      // Only a click in this application (or an address typed by hand) starts a sign-in: another
      // site must not be able to send the browser through a silent provider sign-in into a session
      // here (ASVS 7.6.2). Browsers without Fetch Metadata send no such header and are let through.
      const site = request.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none')
        return reply.redirect(refusalLocation('sso_failed'), 302);
      try {
        const started = await startSsoLogin(deps.sso, {
          organisation: slug,
          redirectUri: ssoRedirectUri(baseUrlOf(request), slug),
        });
        binding.write(request, reply, started.browserSecret);
        return reply.redirect(started.authorizationUrl.href, 302);
      } catch (error) {
        if (error instanceof SsoRefusal) return reply.redirect(refusalLocation(error.code), 302);
        request.log.warn({ err: error }, 'single sign-on could not start');
        return reply.redirect(refusalLocation('sso_failed'), 302);
      }
    },
  );

  api.get(
    '/api/v1/auth/sso/:organisation/callback',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Back from the identity provider: checks the answer and signs in like a password would',
        description:
          'On success a new session cookie and a redirect into the application, which continues with ' +
          'the second factor when the account needs one; otherwise a redirect to the login screen ' +
          'with ?sso_error=<code>.',
        security: [],
        params: OrganisationParams,
        response: Redirect,
      },
    },
    async (request, reply) => {
      const query = new URLSearchParams(
        request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '',
      );
      const browserSecret = binding.read(request);
      binding.clear(request, reply);
      try {
        const session = await finishSsoLogin(deps.sso, {
          organisation: request.params.organisation,
          query,
          browserSecret,
          previousSessionToken: deps.cookies.read(request),
          client: deps.clientInfo(request),
        });
        deps.cookies.write(request, reply, session.token);
        return reply.redirect('/app/', 302);
      } catch (error) {
        if (error instanceof SsoRefusal) return reply.redirect(refusalLocation(error.code), 302);
        request.log.warn({ err: error }, 'single sign-on callback failed');
        return reply.redirect(refusalLocation('sso_failed'), 302);
      }
    },
  );
}
