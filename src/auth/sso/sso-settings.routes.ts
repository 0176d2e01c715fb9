import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { accessOf } from '../../http/authentication.ts';
import { DateTime, problemResponses } from '../../http/common-schemas.ts';
import { jsonify } from '../../http/json.ts';
import { withTenant } from '../../db/tenant.ts';
import { findOrganisation } from '../../organisations/organisation.repository.ts';
import {
  getSsoSettings,
  saveSsoSettings,
  testSsoSettings,
  type SsoSettingsDeps,
} from './sso-settings.service.ts';
import { ssoRedirectUri } from './sso.routes.ts';

const NullableText = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);

const SsoSettingsSchema = Type.Object({
  settings: Type.Union([
    Type.Object({
      enabled: Type.Boolean(),
      issuer: Type.String(),
      clientId: Type.String(),
      hasClientSecret: Type.Boolean(),
      allowedEmailDomain: Type.Union([Type.String(), Type.Null()]),
      trustIdpMfa: Type.Boolean(),
      mfaAcr: Type.Union([Type.String(), Type.Null()]),
      updatedAt: DateTime,
    }),
    Type.Null(),
  ]),
  redirectUri: Type.String({ description: 'Register this address at the identity provider' }),
  backchannelLogoutUri: Type.String({
    description: 'Register this address at the identity provider as its back-channel logout URI',
  }),
});

export function registerSsoSettingsRoutes(
  app: FastifyInstance,
  deps: SsoSettingsDeps & { publicBaseUrl?: string; isSecure: (request: FastifyRequest) => boolean },
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const addressesFor = async (request: FastifyRequest) => {
    const access = accessOf(request);
    const organisation = await withTenant(deps.db, access.organisationId, (tx) =>
      findOrganisation(tx, access.organisationId),
    );
    const base =
      deps.publicBaseUrl ??
      `${deps.isSecure(request) ? 'https' : 'http'}://${request.headers.host ?? 'localhost'}`;
    const redirectUri = ssoRedirectUri(base, organisation?.slug ?? '');
    // Next to the callback: the same base and organisation, so the two cannot drift apart.
    return { redirectUri, backchannelLogoutUri: redirectUri.replace(/\/callback$/, '/backchannel-logout') };
  };

  api.get(
    '/api/v1/organisation/sso',
    {
      schema: {
        tags: ['organisation'],
        summary:
          'Single sign-on settings (administrator; never the client secret), the redirect and back-channel logout URIs',
        response: { 200: SsoSettingsSchema, ...problemResponses() },
      },
    },
    async (request) => {
      const settings = await getSsoSettings(deps.db, accessOf(request));
      return jsonify({ settings, ...(await addressesFor(request)) });
    },
  );
  api.put(
    '/api/v1/organisation/sso',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Set the OpenID Connect provider (administrator); leave out the secret to keep it',
        body: Type.Object(
          {
            enabled: Type.Boolean(),
            issuer: Type.String({ minLength: 1, maxLength: 500 }),
            clientId: Type.String({ minLength: 1, maxLength: 300 }),
            clientSecret: Type.Optional(
              Type.Union([Type.String({ minLength: 1, maxLength: 2000 }), Type.Null()]),
            ),
            allowedEmailDomain: NullableText(253),
            trustIdpMfa: Type.Boolean(),
            mfaAcr: NullableText(300),
          },
          { additionalProperties: false },
        ),
        response: { 200: SsoSettingsSchema, ...problemResponses() },
      },
    },
    async (request) => {
      const settings = await saveSsoSettings(deps, accessOf(request), request.body);
      return jsonify({ settings, ...(await addressesFor(request)) });
    },
  );
  api.post(
    '/api/v1/organisation/sso/test',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Test the provider: reads its discovery document; the answer says in Dutch what is wrong',
        response: {
          200: Type.Object({ ok: Type.Boolean(), message: Type.String() }),
          ...problemResponses(404),
        },
      },
    },
    async (request) => testSsoSettings(deps, accessOf(request)),
  );
}
