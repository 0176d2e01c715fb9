import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import type { Role } from '../../src/db/schema.ts';
import { withTenant } from '../../src/db/tenant.ts';
import { newId } from '../../src/ids.ts';
import { insertUser } from '../../src/users/user.repository.ts';
import { createTestOrganisation, type TestOrganisation } from '../support/factories.ts';
import { buildIdentityApp, CHEAP_HASHING, setCookies } from '../support/identity.ts';
import { startTestOidcProvider, type TestOidcProvider } from '../support/oidc-provider.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * After single sign-on: the administrator unlinks a provider account, and the provider ends sessions
 * over the back channel (OpenID Connect Back-Channel Logout 1.0) with a signed logout token.
 */
describe.each(databaseKinds())('unlinking and back-channel logout on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let idp: TestOidcProvider;
  let orgA: TestOrganisation;
  let orgB: TestOrganisation;
  const clock = fixedClock(new Date());
  const people: Record<string, string> = {};

  const addUser = async (org: TestOrganisation, email: string, roles: Role[]) => {
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
      }),
    );
    return id;
  };
  const admin = (org: TestOrganisation) => ({ authorization: `Bearer ${org.admin.token}` });
  const configure = async (org: TestOrganisation, clientId: string) => {
    const response = await app.inject({
      method: 'PUT',
      url: '/api/v1/organisation/sso',
      headers: admin(org),
      payload: {
        enabled: true,
        issuer: idp.issuer,
        clientId,
        clientSecret: idp.clientSecret,
        allowedEmailDomain: null,
        trustIdpMfa: false,
        mfaAcr: null,
      },
    });
    if (response.statusCode !== 200) throw new Error(response.body);
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    idp = await startTestOidcProvider();
    orgA = await createTestOrganisation(database.handle.db, clock);
    orgB = await createTestOrganisation(database.handle.db, clock);
    ({ app } = await buildIdentityApp(database.handle.db, clock, { passwordHashing: CHEAP_HASHING }));
    people.bea = await addUser(orgA, 'bea@kantoor-a.nl', ['handler']);
    people.cor = await addUser(orgA, 'cor@kantoor-a.nl', ['handler']);
    people.bob = await addUser(orgB, 'bea@kantoor-a.nl', ['handler']);
    await configure(orgA, idp.clientId);
    // The other organisation uses the same provider under a client of its own.
    await configure(orgB, 'kantoor-b');
  });
  afterAll(async () => {
    await app?.close();
    await idp?.close();
    await database?.close();
  });

  const cookieOf = (response: LightMyRequestResponse, name: string) =>
    setCookies(response).find((cookie) => cookie.name === name)?.value;
  /** A whole single sign-on as `sub`; answers the session cookie and the provider's sid. */
  const signInAs = async (sub: string, email: string) => {
    idp.user = { sub, email, email_verified: true };
    const started = await app.inject({ method: 'GET', url: `/api/v1/auth/sso/${orgA.slug}/start` });
    const approved = await fetch(started.headers.location as string, { redirect: 'manual' });
    const back = new URL(approved.headers.get('location')!);
    const answer = await app.inject({
      method: 'GET',
      url: `/api/v1/auth/sso/${orgA.slug}/callback${back.search}`,
      headers: { cookie: `kw_sso=${cookieOf(started, 'kw_sso')}` },
    });
    expect(answer.headers.location).toBe('/app/');
    return { cookie: `kw_session=${cookieOf(answer, 'kw_session')}`, sid: idp.lastSid! };
  };
  const alive = async (session: { cookie: string }) =>
    (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: session.cookie } }))
      .statusCode === 200;
  const sessionCount = async () =>
    Number(
      (
        await withTenant(database.handle.db, orgA.id, (tx) =>
          tx
            .selectFrom('sessions')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('organisation_id', '=', orgA.id)
            .executeTakeFirstOrThrow(),
        )
      ).n,
    );
  const logout = (token: string, slug = orgA.slug) =>
    idp.sendLogout(
      (request) =>
        app.inject({ method: 'POST', url: `/api/v1/auth/sso/${slug}/backchannel-logout`, ...request }),
      token,
    ) as Promise<LightMyRequestResponse>;

  it('shows the administrator who is linked and unlinks one: their SSO sessions end, the next sign-in links again', async () => {
    const bea = await signInAs('sub-bea', 'bea@kantoor-a.nl');
    const cor = await signInAs('sub-cor', 'cor@kantoor-a.nl');
    const listed = await app.inject({
      method: 'GET',
      url: '/api/v1/organisation/sso/identities',
      headers: admin(orgA),
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.json<{ userId: string }[]>().map((i) => i.userId)).toEqual(
      expect.arrayContaining([people.bea, people.cor]),
    );
    expect(listed.json()).toHaveLength(2);
    expect(listed.body).not.toContain('sub-bea');
    const coordinator = { authorization: `Bearer ${orgA.coordinator.token}` };
    const unlinkUrl = `/api/v1/users/${people.bea}/sso/unlink`;
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/organisation/sso/identities', headers: coordinator }))
        .statusCode,
    ).toBe(403);
    expect((await app.inject({ method: 'POST', url: unlinkUrl, headers: coordinator })).statusCode).toBe(403);
    // Another organisation's administrator: the user is not there.
    const foreign = await app.inject({ method: 'POST', url: unlinkUrl, headers: admin(orgB) });
    expect(foreign.statusCode).toBe(404);
    expect(await alive(bea)).toBe(true);

    const unlinked = await app.inject({ method: 'POST', url: unlinkUrl, headers: admin(orgA) });
    expect(unlinked.statusCode).toBe(200);
    expect(unlinked.json()).toEqual({ unlinked: 1, sessionsEnded: 1 });
    expect(await alive(bea)).toBe(false);
    expect(await alive(cor)).toBe(true);
    const event = await withTenant(database.handle.db, orgA.id, (tx) =>
      tx
        .selectFrom('security_events')
        .select(['actor_id', 'details'])
        .where('type', '=', 'sso_unlinked')
        .where('user_id', '=', people.bea!)
        .executeTakeFirstOrThrow(),
    );
    expect(event).toMatchObject({
      actor_id: orgA.admin.id,
      details: { issuer: idp.issuer, sessionsEnded: 1 },
    });
    const again = await app.inject({ method: 'POST', url: unlinkUrl, headers: admin(orgA) });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ code: 'sso_identity_not_found' });

    // Linked anew by verified address, now to another provider account (the repair unlinking is for).
    expect(await alive(await signInAs('sub-bea-nieuw', 'bea@kantoor-a.nl'))).toBe(true);
    const relinked = await withTenant(database.handle.db, orgA.id, (tx) =>
      tx.selectFrom('user_identities').select('subject').where('user_id', '=', people.bea!).execute(),
    );
    expect(relinked).toEqual([{ subject: 'sub-bea-nieuw' }]);
  });

  it('ends by sub every SSO session of that person only, and by sid exactly that provider session', async () => {
    const first = await signInAs('sub-bea-nieuw', 'bea@kantoor-a.nl');
    const second = await signInAs('sub-bea-nieuw', 'bea@kantoor-a.nl');
    const cor = await signInAs('sub-cor', 'cor@kantoor-a.nl');
    const corToo = await signInAs('sub-cor', 'cor@kantoor-a.nl');

    const bySub = await logout(idp.logoutToken({ sub: 'sub-bea-nieuw' }));
    expect(bySub.statusCode).toBe(200);
    expect(bySub.headers['cache-control']).toBe('no-store');
    // Both new ones, and the one left from the sign-in that linked the account anew.
    expect(bySub.json()).toEqual({ sessionsEnded: 3 });
    expect([await alive(first), await alive(second)]).toEqual([false, false]);
    expect([await alive(cor), await alive(corToo)]).toEqual([true, true]);

    const bySid = await logout(idp.logoutToken({ sid: cor.sid }));
    expect(bySid.json()).toEqual({ sessionsEnded: 1 });
    expect([await alive(cor), await alive(corToo)]).toEqual([false, true]);
    // sub and sid together must both fit: cor's sid under bea's sub ends nothing.
    const mismatch = await logout(idp.logoutToken({ sub: 'sub-bea-nieuw', sid: corToo.sid }));
    expect(mismatch.json()).toEqual({ sessionsEnded: 0 });
    expect(await alive(corToo)).toBe(true);
    const events = await withTenant(database.handle.db, orgA.id, (tx) =>
      tx
        .selectFrom('security_events')
        .select(['user_id', 'details'])
        .where('type', '=', 'sso_logout')
        .where('user_id', 'is not', null)
        .execute(),
    );
    expect(events).toEqual(
      expect.arrayContaining([
        { user_id: people.bea, details: { by: 'sub', sessionsEnded: 3 } },
        { user_id: people.cor, details: { by: 'sid', sessionsEnded: 1 } },
      ]),
    );
  });

  it('tells the administrator the back-channel logout address to register', async () => {
    const settings = await app.inject({
      method: 'GET',
      url: '/api/v1/organisation/sso',
      headers: admin(orgA),
    });
    expect(settings.json()).toMatchObject({
      redirectUri: `http://localhost/api/v1/auth/sso/${orgA.slug}/callback`,
      backchannelLogoutUri: `http://localhost/api/v1/auth/sso/${orgA.slug}/backchannel-logout`,
    });
  });

  it('refuses a bad logout token with 400 and a stable code, and ends nothing', async () => {
    const bea = await signInAs('sub-bea-nieuw', 'bea@kantoor-a.nl');
    const used = idp.logoutToken({ sub: 'sub-cor', jti: 'al-gebruikt' });
    expect((await logout(used)).statusCode).toBe(200);
    const before = await sessionCount();
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, string, string][] = [
      [
        'wrong signature',
        idp.logoutToken({ sub: 'sub-bea-nieuw', foreignKey: true }),
        'logout_token_invalid',
      ],
      [
        'wrong audience',
        idp.logoutToken({ sub: 'sub-bea-nieuw', audience: 'iemand-anders' }),
        'logout_token_invalid',
      ],
      [
        'wrong issuer',
        idp.logoutToken({ sub: 'sub-bea-nieuw', issuer: 'http://127.0.0.1:1' }),
        'logout_token_invalid',
      ],
      ['a nonce', idp.logoutToken({ sub: 'sub-bea-nieuw', nonce: 'n-0S6_WzA2Mj' }), 'logout_token_invalid'],
      [
        'no logout event',
        idp.logoutToken({ sub: 'sub-bea-nieuw', withoutEvent: true }),
        'logout_token_invalid',
      ],
      ['neither sub nor sid', idp.logoutToken({}), 'logout_token_invalid'],
      [
        'an hour old',
        idp.logoutToken({ sub: 'sub-bea-nieuw', issuedAt: now - 3600 }),
        'logout_token_invalid',
      ],
      [
        'from the future',
        idp.logoutToken({ sub: 'sub-bea-nieuw', issuedAt: now + 3600 }),
        'logout_token_invalid',
      ],
      [
        'a replayed jti',
        idp.logoutToken({ sub: 'sub-bea-nieuw', jti: 'al-gebruikt' }),
        'logout_token_replayed',
      ],
      ['not a token', 'geen.token.hier', 'logout_token_invalid'],
    ];
    for (const [what, token, code] of cases) {
      const answer = await logout(token);
      expect(answer.statusCode, what).toBe(400);
      expect(answer.json(), what).toMatchObject({ code });
    }
    // Another organisation's endpoint (a client of its own at the same provider), and one without SSO.
    const elsewhere = await logout(idp.logoutToken({ sub: 'sub-bea-nieuw' }), orgB.slug);
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json()).toMatchObject({ code: 'logout_token_invalid' });
    const nowhere = await logout(idp.logoutToken({ sub: 'sub-bea-nieuw' }), 'bestaat-niet');
    expect(nowhere.json()).toMatchObject({ code: 'logout_token_invalid' });

    expect(await sessionCount()).toBe(before);
    expect(await alive(bea)).toBe(true);
    const refusals = await withTenant(database.handle.db, orgA.id, (tx) =>
      tx
        .selectFrom('security_events')
        .select('details')
        .where('type', '=', 'sso_logout')
        .where('user_id', 'is', null)
        .execute(),
    );
    expect(refusals.map((r) => (r.details as { refused: string }).refused)).toEqual(
      expect.arrayContaining(['nonce_present', 'events_missing', 'jti_replayed', 'sub_and_sid_missing']),
    );
  });
});
