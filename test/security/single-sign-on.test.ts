import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTotpSecret, totpAt } from '../../src/auth/totp.ts';
import { sealTotpSecret } from '../../src/auth/totp-secret.ts';
import { fixedClock } from '../../src/clock.ts';
import type { Role } from '../../src/db/schema.ts';
import { withTenant } from '../../src/db/tenant.ts';
import { newId } from '../../src/ids.ts';
import { insertUser } from '../../src/users/user.repository.ts';
import { MAX_OPEN_SSO_REQUESTS } from '../../src/auth/sso/sso.repository.ts';
import { createTestOrganisation, type TestOrganisation } from '../support/factories.ts';
import { buildIdentityApp, CHEAP_HASHING, setCookies } from '../support/identity.ts';
import { startTestOidcProvider, type ProviderUser, type TestOidcProvider } from '../support/oidc-provider.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/test-database.ts';

describe.each(databaseKinds())('OpenID Connect single sign-on on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let idp: TestOidcProvider;
  let orgA: TestOrganisation;
  let orgB: TestOrganisation;
  let storedKey: Buffer;
  const clock = fixedClock(new Date());
  const totpSeed = newTotpSecret();
  const people: Record<string, string> = {};

  const addUser = async (org: TestOrganisation, email: string, roles: Role[], extra: object = {}) => {
    const id = newId();
    await withTenant(database.handle.db, org.id, (tx) =>
      insertUser(tx, {
        organisation_id: org.id,
        id,
        email,
        display_name: email.split('@')[0]!,
        roles,
        password_hash: null,
        must_change_password: true,
        disabled_at: null,
        created_at: clock.now(),
        ...extra,
      }),
    );
    return id;
  };
  const adminHeaders = (org: TestOrganisation) => ({ authorization: `Bearer ${org.admin.token}` });
  const putSettings = (org: TestOrganisation, body: Record<string, unknown>) =>
    app.inject({
      method: 'PUT',
      url: '/api/v1/organisation/sso',
      headers: adminHeaders(org),
      payload: {
        enabled: true,
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        allowedEmailDomain: null,
        trustIdpMfa: false,
        mfaAcr: null,
        ...body,
      },
    });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    idp = await startTestOidcProvider();
    orgA = await createTestOrganisation(database.handle.db, clock);
    orgB = await createTestOrganisation(database.handle.db, clock);
    const built = await buildIdentityApp(database.handle.db, clock, { passwordHashing: CHEAP_HASHING });
    app = built.app;
    storedKey = built.secrets.storedSecretKey;
    people.bea = await addUser(orgA, 'bea@kantoor-a.nl', ['handler']);
    people.cor = await addUser(orgA, 'cor@kantoor-a.nl', ['handler']);
    people.dirk = await addUser(orgA, 'dirk@kantoor-a.nl', ['handler'], { disabled_at: clock.now() });
    people.lot = await addUser(orgA, 'lot@kantoor-a.nl', ['handler'], {
      locked_until: new Date(clock.now().getTime() + 3600_000),
    });
    people.ada = await addUser(orgA, 'ada@kantoor-a.nl', ['admin', 'coordinator'], {
      totp_secret_encrypted: sealTotpSecret(storedKey, totpSeed),
      totp_enabled_at: clock.now(),
    });
    people.ben = await addUser(orgA, 'ben@kantoor-a.nl', ['coordinator']);
    people.bob = await addUser(orgB, 'bob@kantoor-b.nl', ['handler']);
    const configured = await putSettings(orgA, {});
    if (configured.statusCode !== 200) throw new Error(configured.body);
  });
  afterAll(async () => {
    await app?.close();
    await idp?.close();
    await database?.close();
  });

  const as = (user: ProviderUser) => {
    idp.user = user;
  };
  const cookieOf = (response: LightMyRequestResponse, name: string) =>
    setCookies(response).find((cookie) => cookie.name === name);

  /** The browser's trip: our start, the provider's approval (real HTTP), back to our callback. */
  const start = async (slug = orgA.slug) => {
    const started = await app.inject({ method: 'GET', url: `/api/v1/auth/sso/${slug}/start` });
    return { started, binding: cookieOf(started, 'kw_sso')?.value };
  };
  const atProvider = async (location: string): Promise<URL> => {
    const answer = await fetch(location, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    return new URL(answer.headers.get('location')!);
  };
  const callback = (back: URL, binding: string | undefined, slug = orgA.slug) =>
    app.inject({
      method: 'GET',
      url: `/api/v1/auth/sso/${slug}/callback${back.search}`,
      headers: binding ? { cookie: `kw_sso=${binding}` } : {},
    });
  const roundTrip = async (slug = orgA.slug) => {
    const { started, binding } = await start(slug);
    expect(started.statusCode).toBe(302);
    const back = await atProvider(started.headers.location as string);
    return { back, binding, answer: await callback(back, binding, slug) };
  };
  const sessionOf = async (answer: LightMyRequestResponse) => {
    const cookie = cookieOf(answer, 'kw_session');
    expect(cookie?.value).toBeTruthy();
    const session = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: `kw_session=${cookie!.value}` },
    });
    return {
      cookie: `kw_session=${cookie!.value}`,
      body: session.json<{ step: string; user?: { id: string }; csrfToken: string }>(),
    };
  };
  const lastEvent = async (type: string) =>
    withTenant(database.handle.db, orgA.id, (tx) =>
      tx
        .selectFrom('security_events')
        .selectAll()
        .where('organisation_id', '=', orgA.id)
        .where('type', '=', type)
        .orderBy('occurred_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst(),
    );
  /** What the browser and the administrator's log saw of a refusal. */
  const refusalOf = async (answer: LightMyRequestResponse) => ({
    status: answer.statusCode,
    location: answer.headers.location,
    session: cookieOf(answer, 'kw_session')?.value ?? '',
    reason: ((await lastEvent('login_failed'))?.details as { reason?: string } | undefined)?.reason,
  });
  const refused = (code: string, reason?: RegExp) => ({
    status: 302,
    location: `/app/?sso_error=${code}`,
    session: '',
    ...(reason ? { reason: expect.stringMatching(reason) } : {}),
  });

  it('keeps the settings for the administrator only and never gives the client secret back', async () => {
    const read = await app.inject({
      method: 'GET',
      url: '/api/v1/organisation/sso',
      headers: adminHeaders(orgA),
    });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      settings: { enabled: true, issuer: idp.issuer, clientId: idp.clientId, hasClientSecret: true },
      redirectUri: `http://localhost/api/v1/auth/sso/${orgA.slug}/callback`,
    });
    expect(read.body).not.toContain(idp.clientSecret);
    const sealed = await withTenant(database.handle.db, orgA.id, (tx) =>
      tx
        .selectFrom('sso_settings')
        .select('client_secret_encrypted')
        .where('organisation_id', '=', orgA.id)
        .executeTakeFirstOrThrow(),
    );
    expect(sealed.client_secret_encrypted).toMatch(/^v1\./);
    expect(sealed.client_secret_encrypted).not.toContain(idp.clientSecret);

    const coordinator = await app.inject({
      method: 'GET',
      url: '/api/v1/organisation/sso',
      headers: { authorization: `Bearer ${orgA.coordinator.token}` },
    });
    expect(coordinator.statusCode).toBe(403);

    const test = await app.inject({
      method: 'POST',
      url: '/api/v1/organisation/sso/test',
      headers: adminHeaders(orgA),
    });
    expect(test.json()).toMatchObject({ ok: true });

    const plain = await putSettings(orgB, { issuer: 'http://idp.example.nl' });
    expect(plain.statusCode).toBe(400);
    expect(plain.json()).toMatchObject({ errors: [{ field: '/issuer' }] });
    const nowhere = await putSettings(orgB, { issuer: 'http://127.0.0.1:9/nothing', enabled: false });
    expect(nowhere.statusCode).toBe(200);
    const failing = await app.inject({
      method: 'POST',
      url: '/api/v1/organisation/sso/test',
      headers: adminHeaders(orgB),
    });
    expect(failing.json()).toMatchObject({ ok: false, message: expect.stringMatching(/niet bereikbaar/) });
  });

  it('tells the login screen which organisations offer single sign-on', async () => {
    const offered = (slug: string) =>
      app.inject({ method: 'GET', url: `/api/v1/auth/sso/${slug}` }).then((r) => r.json());
    expect(await offered(orgA.slug)).toEqual({ enabled: true });
    expect(await offered(orgB.slug)).toEqual({ enabled: false });
    expect(await offered('bestaat-niet')).toEqual({ enabled: false });
  });

  it('signs a known person in end to end: PKCE, state and nonce, a Lax binding cookie, a new session', async () => {
    as({ sub: 'sub-bea', email: 'Bea@Kantoor-A.nl', email_verified: true });
    const { started, binding } = await start();
    expect(started.statusCode).toBe(302);
    const authorize = new URL(started.headers.location as string);
    expect(authorize.origin + authorize.pathname).toBe(`${idp.issuer}/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    for (const name of ['code_challenge', 'state', 'nonce', 'redirect_uri'])
      expect(authorize.searchParams.get(name)).toBeTruthy();
    const bindingCookie = cookieOf(started, 'kw_sso')!;
    expect(bindingCookie.attributes).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', 'Max-Age=600']),
    );
    // Only digests of state and browser secret are stored.
    const stored = await withTenant(database.handle.db, orgA.id, (tx) =>
      tx.selectFrom('sso_requests').selectAll().where('organisation_id', '=', orgA.id).execute(),
    );
    expect(JSON.stringify(stored)).not.toContain(authorize.searchParams.get('state')!);
    expect(JSON.stringify(stored)).not.toContain(binding!);

    const back = await atProvider(authorize.href);
    const answer = await callback(back, binding);
    expect(answer.statusCode).toBe(302);
    expect(answer.headers.location).toBe('/app/');
    expect(cookieOf(answer, 'kw_sso')?.value).toBe('');
    const session = await sessionOf(answer);
    expect(session.body).toMatchObject({ step: 'active', user: { id: people.bea } });
    expect(await lastEvent('sso_linked')).toMatchObject({ user_id: people.bea });
    expect(await lastEvent('login_succeeded')).toMatchObject({
      user_id: people.bea,
      details: { factors: 'sso' },
    });
    const row = await withTenant(database.handle.db, orgA.id, (tx) =>
      tx
        .selectFrom('sessions')
        .selectAll()
        .where('organisation_id', '=', orgA.id)
        .where('user_id', '=', people.bea!)
        .executeTakeFirstOrThrow(),
    );
    expect(new Date(row.expires_at).getTime() - new Date(row.created_at).getTime()).toBe(12 * 3600_000);

    // The same answer from the provider a second time (replay, back button): refused.
    expect(await refusalOf(await callback(back, binding))).toMatchObject(
      refused('sso_failed', /state_unknown_or_used/),
    );
  });

  it('starts only from this application, not when another site sends the browser', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const started = await app.inject({
        method: 'GET',
        url: `/api/v1/auth/sso/${orgA.slug}/start`,
        headers: { 'sec-fetch-site': site },
      });
      expect({ status: started.statusCode, location: started.headers.location }).toEqual({
        status: 302,
        location: '/app/?sso_error=sso_failed',
      });
      expect(cookieOf(started, 'kw_sso')).toBeUndefined();
    }
    const clicked = await app.inject({
      method: 'GET',
      url: `/api/v1/auth/sso/${orgA.slug}/start`,
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(clicked.headers.location).toMatch(new RegExp(`^${idp.issuer}/authorize\\?`));
  });

  it('keeps at most a thousand sign-ins under way per organisation', async () => {
    const later = new Date(clock.now().getTime() + 5 * 60_000);
    await withTenant(database.handle.db, orgA.id, (tx) =>
      tx
        .insertInto('sso_requests')
        .values(
          Array.from({ length: MAX_OPEN_SSO_REQUESTS }, (_, index) => ({
            organisation_id: orgA.id,
            id: newId(),
            state_sha256: index.toString(16).padStart(64, '0'),
            browser_sha256: 'a'.repeat(64),
            nonce: 'flood',
            code_verifier_encrypted: 'v1.flood',
            issuer: idp.issuer,
            redirect_uri: 'http://localhost/flood',
            created_at: clock.now(),
            expires_at: later,
          })),
        )
        .execute(),
    );
    try {
      const flooded = await start();
      expect({ location: flooded.started.headers.location, binding: flooded.binding }).toEqual({
        location: '/app/?sso_error=sso_failed',
        binding: undefined,
      });
    } finally {
      await withTenant(database.handle.db, orgA.id, (tx) =>
        tx
          .deleteFrom('sso_requests')
          .where('organisation_id', '=', orgA.id)
          .where('nonce', '=', 'flood')
          .execute(),
      );
    }
    expect((await start()).started.headers.location).toMatch(/\/authorize\?/);
  });

  it('refuses a tampered state, a callback in another browser and a request older than ten minutes', async () => {
    as({ sub: 'sub-bea', email: 'bea@kantoor-a.nl', email_verified: true });
    const first = await start();
    const back = await atProvider(first.started.headers.location as string);
    back.searchParams.set('state', `${back.searchParams.get('state')}x`);
    expect(await refusalOf(await callback(back, first.binding))).toMatchObject(
      refused('sso_failed', /state_unknown_or_used/),
    );

    const second = await start();
    const secondBack = await atProvider(second.started.headers.location as string);
    expect(await refusalOf(await callback(secondBack, undefined))).toMatchObject(
      refused('sso_failed', /browser_binding_mismatch/),
    );
    const third = await start();
    expect(
      await refusalOf(
        await callback(await atProvider(third.started.headers.location as string), second.binding),
      ),
    ).toMatchObject(refused('sso_failed', /browser_binding_mismatch/));

    const late = await start();
    const lateBack = await atProvider(late.started.headers.location as string);
    // The clock only moves forward: the records of this file are read newest first.
    clock.advance(10 * 60_000 + 1000);
    expect(await refusalOf(await callback(lateBack, late.binding))).toMatchObject(
      refused('sso_failed', /state_expired/),
    );
  });

  it.each([
    ['a nonce of another request', { nonce: 'someone-elses-nonce' }, /CLAIM_COMPARISON_FAILED/],
    ['another audience', { audience: 'another-client' }, /CLAIM_COMPARISON_FAILED/],
    ['an expired id token', { expiresIn: -300 }, /TIMESTAMP_CHECK_FAILED/],
    ['another issuer', { issuer: 'http://127.0.0.1:1' }, /CLAIM_COMPARISON_FAILED/],
    ['a signature by an unpublished key', { foreignKey: true }, /token_rejected:OAUTH_INVALID_RESPONSE/],
  ])('refuses an id token with %s', async (_what, tweaks, reason) => {
    as({ sub: 'sub-bea', email: 'bea@kantoor-a.nl', email_verified: true });
    idp.next = tweaks;
    expect(await refusalOf((await roundTrip()).answer)).toMatchObject(refused('sso_failed', reason));
  });

  it('refuses when the person cancels at the provider', async () => {
    idp.denyNext = true;
    expect(await refusalOf((await roundTrip()).answer)).toMatchObject(
      refused('sso_cancelled', /provider_access_denied/),
    );
  });

  it('links only by a verified address of an existing, usable account of this organisation', async () => {
    as({ sub: 'sub-new-1', email: 'cor@kantoor-a.nl', email_verified: false });
    expect(await refusalOf((await roundTrip()).answer)).toMatchObject(
      refused('sso_email_unverified', /email_not_verified/),
    );
    as({ sub: 'sub-new-1', email: 'cor@kantoor-a.nl', email_verified: 'true' });
    expect(await refusalOf((await roundTrip()).answer)).toMatchObject(
      refused('sso_email_unverified', /email_not_verified/),
    );
    as({ sub: 'sub-new-2', email: 'onbekend@kantoor-a.nl', email_verified: true });
    expect(await refusalOf((await roundTrip()).answer)).toMatchObject(
      refused('sso_unknown_account', /unknown_account/),
    );
    as({ sub: 'sub-bob', email: 'bob@kantoor-b.nl', email_verified: true });
    expect(await refusalOf((await roundTrip()).answer)).toMatchObject(
      refused('sso_unknown_account', /unknown_account/),
    );
    as({ sub: 'sub-dirk', email: 'dirk@kantoor-a.nl', email_verified: true });
    expect(await refusalOf((await roundTrip()).answer)).toMatchObject(
      refused('sso_account_unavailable', /disabled/),
    );
    as({ sub: 'sub-lot', email: 'lot@kantoor-a.nl', email_verified: true });
    expect(await refusalOf((await roundTrip()).answer)).toMatchObject(
      refused('sso_account_unavailable', /locked/),
    );

    expect((await putSettings(orgA, { allowedEmailDomain: 'kantoor-a.nl' })).statusCode).toBe(200);
    as({ sub: 'sub-cor', email: 'cor@elders.nl', email_verified: true });
    expect(await refusalOf((await roundTrip()).answer)).toMatchObject(
      refused('sso_domain_not_allowed', /email_domain_not_allowed/),
    );
    as({ sub: 'sub-cor', email: 'cor@kantoor-a.nl', email_verified: true });
    const cor = await sessionOf((await roundTrip()).answer);
    expect(cor.body).toMatchObject({ step: 'active', user: { id: people.cor } });
    expect((await putSettings(orgA, { allowedEmailDomain: null })).statusCode).toBe(200);
  });

  it('matches a linked account by subject, so a changed address cannot reach another account', async () => {
    // Bea's provider account now carries Cor's address: still Bea.
    as({ sub: 'sub-bea', email: 'cor@kantoor-a.nl', email_verified: true });
    const still = await sessionOf((await roundTrip()).answer);
    expect(still.body).toMatchObject({ step: 'active', user: { id: people.bea } });
    // Another provider account that now holds Bea's address: Bea is linked to sub-bea already.
    as({ sub: 'sub-usurper', email: 'bea@kantoor-a.nl', email_verified: true });
    expect(await refusalOf((await roundTrip()).answer)).toMatchObject(
      refused('sso_identity_mismatch', /linked_to_other_subject/),
    );
  });

  it('sends an administrator through the TOTP step unless the provider’s MFA is trusted and shown', async () => {
    as({ sub: 'sub-ada', email: 'ada@kantoor-a.nl', email_verified: true, amr: ['pwd', 'mfa'] });
    const first = await sessionOf((await roundTrip()).answer);
    expect(first.body).toMatchObject({ step: 'totp' });
    const early = await app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { cookie: first.cookie },
    });
    expect(early.json()).toMatchObject({ code: 'login_incomplete' });
    const code = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp',
      headers: { cookie: first.cookie, 'x-csrf-token': first.body.csrfToken },
      payload: { code: totpAt(totpSeed, clock.now()) },
    });
    expect(code.json()).toMatchObject({ step: 'active' });

    // A coordinator without an authenticator app has to set one up first.
    as({ sub: 'sub-ben', email: 'ben@kantoor-a.nl', email_verified: true });
    expect((await sessionOf((await roundTrip()).answer)).body).toMatchObject({ step: 'enrol_totp' });

    expect((await putSettings(orgA, { trustIdpMfa: true })).statusCode).toBe(200);
    as({ sub: 'sub-ada', email: 'ada@kantoor-a.nl', email_verified: true, amr: ['pwd'] });
    expect((await sessionOf((await roundTrip()).answer)).body).toMatchObject({ step: 'totp' });
    as({ sub: 'sub-ada', email: 'ada@kantoor-a.nl', email_verified: true, amr: ['pwd', 'mfa'] });
    expect((await sessionOf((await roundTrip()).answer)).body).toMatchObject({
      step: 'active',
      user: { id: people.ada },
    });
    expect(await lastEvent('login_succeeded')).toMatchObject({ details: { factors: 'sso+provider_mfa' } });
    expect((await putSettings(orgA, { trustIdpMfa: false })).statusCode).toBe(200);
  });

  it('offers nothing to an organisation without single sign-on, and stops when it is switched off', async () => {
    expect(await refusalOf((await start(orgB.slug)).started)).toMatchObject(refused('sso_unavailable'));
    as({ sub: 'sub-bea', email: 'bea@kantoor-a.nl', email_verified: true });
    const { started, binding } = await start();
    const back = await atProvider(started.headers.location as string);
    expect((await putSettings(orgA, { enabled: false })).statusCode).toBe(200);
    try {
      expect(await refusalOf(await callback(back, binding))).toMatchObject(refused('sso_unavailable'));
      expect(await refusalOf((await start()).started)).toMatchObject(refused('sso_unavailable'));
    } finally {
      expect((await putSettings(orgA, { enabled: true })).statusCode).toBe(200);
    }
  });
});
