import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { problemResponses } from '../../http/common-schemas.ts';
import { acceptBackchannelLogout } from './backchannel-logout.service.ts';
import type { SsoDeps } from './sso-login.service.ts';

/** A logout token is a few kilobytes at most; nothing else comes in this way. */
const FORM_BODY_LIMIT = 16 * 1024;

/**
 * The provider's server calls this directly, without the browser (OpenID Connect Back-Channel
 * Logout 1.0): no cookie, no CSRF token; the signed logout token is the only credential. The
 * administrator registers `<PUBLIC_BASE_URL>/api/v1/auth/sso/<organisation>/backchannel-logout`.
 */
export function registerBackchannelLogoutRoute(app: FastifyInstance, deps: SsoDeps): void {
  // Encapsulated: the form parser serves this route only.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
      (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/v1/auth/sso/:organisation/backchannel-logout',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: 'Back-channel logout from the identity provider: ends the sessions the logout token names',
          description:
            'Form-encoded `logout_token`, signed by the provider. 200 when accepted (also when no ' +
            'session was left to end); 400 `logout_token_invalid` for any fault in the token or an ' +
            'organisation without single sign-on, 400 `logout_token_replayed` for a jti seen before.',
          security: [],
          consumes: ['application/x-www-form-urlencoded'],
          params: Type.Object({ organisation: Type.String({ minLength: 1, maxLength: 100 }) }),
          body: Type.Object({ logout_token: Type.String({ minLength: 1, maxLength: 8192 }) }),
          response: {
            200: Type.Object({ sessionsEnded: Type.Integer({ minimum: 0 }) }),
            ...problemResponses(),
          },
        },
      },
      async (request, reply) => {
        const result = await acceptBackchannelLogout(deps, {
          organisation: request.params.organisation,
          logoutToken: request.body.logout_token,
        });
        reply.header('cache-control', 'no-store');
        return result;
      },
    );
  });
}
