import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_SECURITY_POLICY } from '../../src/http/security-headers.ts';
import { fixedClock } from '../../src/clock.ts';
import { createTestOrganisation, type TestOrganisation } from '../support/factories.ts';
import {
  browserFrom,
  buildIdentityApp,
  CHEAP_HASHING,
  givePassword,
  sessionHeaders,
  setCookies,
  signIn,
  type Browser,
} from '../support/identity.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/test-database.ts';

const PASSWORD = 'groene appels en peren';
const complaint = {
  channel: 'phone',
  complainant: { name: 'Els Mulder', phone: '06-12345678' },
  description: 'Niet teruggebeld.',
};

describe.each(databaseKinds())('sessions on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    ({ app } = await buildIdentityApp(database.handle.db, clock, { passwordHashing: CHEAP_HASHING }));
    for (const user of [org.handler, org.auditor, org.employee]) {
      await givePassword(database.handle.db, org.id, user.id, PASSWORD, CHEAP_HASHING);
    }
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const credentials = (name: string) => ({
    organisation: org.slug,
    email: `${name}@${org.slug}.nl`,
    password: PASSWORD,
  });
  const login = async (name: string) => browserFrom(await signIn(app, credentials(name)));
  const whoAmI = (browser: Browser) =>
    app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: browser.cookie } });

  it('asks the CSRF token on every change made with the cookie, and none from API tokens', async () => {
    const browser = await login('Behandelaar Bea');
    const register = (headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/api/v1/complaints', headers, payload: complaint });

    const without = await register(sessionHeaders(browser, false));
    expect(without.statusCode).toBe(403);
    expect(without.json()).toMatchObject({ code: 'csrf_token_invalid' });
    const wrong = await register({
      cookie: browser.cookie,
      'x-csrf-token': `${browser.csrfToken.slice(0, -2)}xx`,
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ code: 'csrf_token_invalid' });
    // Another session's token is no good either.
    const other = await login('Auditor Aad');
    const foreign = await register({ cookie: browser.cookie, 'x-csrf-token': other.csrfToken });
    expect(foreign.statusCode).toBe(403);

    const right = await register(sessionHeaders(browser));
    expect(right.statusCode).toBe(201);
    expect(right.json()).toMatchObject({ channel: 'phone' });

    // Reading needs no token; API tokens need none and ignore any cookie.
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/complaints', headers: { cookie: browser.cookie } }))
        .statusCode,
    ).toBe(200);
    const bearer = await register({ authorization: `Bearer ${org.handler.token}`, cookie: browser.cookie });
    expect(bearer.statusCode).toBe(201);
    // A bearer header is judged alone: a bad one is not rescued by a good cookie.
    const badBearer = await register({ ...sessionHeaders(browser), authorization: 'Bearer kw1_nonsense' });
    expect(badBearer.statusCode).toBe(401);
    // Basic credentials of a proxy in front are not ours: the cookie (and its CSRF token) decide.
    const basic = { authorization: `Basic ${Buffer.from('proxy:geheim').toString('base64')}` };
    expect((await register({ ...sessionHeaders(browser), ...basic })).statusCode).toBe(201);
    expect((await register({ ...sessionHeaders(browser, false), ...basic })).statusCode).toBe(403);
    const fromToken = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { authorization: `Bearer ${org.handler.token}` },
    });
    expect(fromToken.json()).toMatchObject({
      via: 'api_token',
      csrfToken: null,
      user: { id: org.handler.id },
    });
  });

  it('logout ends every session of the account at once and clears the cookie', async () => {
    const desk = await login('Behandelaar Bea');
    const laptop = await login('Behandelaar Bea');
    const colleague = await login('Auditor Aad');
    const withoutToken = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: desk.cookie },
    });
    expect(withoutToken.statusCode).toBe(403);

    const out = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: sessionHeaders(desk),
    });
    expect(out.statusCode).toBe(204);
    expect(setCookies(out)).toEqual([expect.objectContaining({ name: 'kw_session', value: '' })]);
    for (const browser of [desk, laptop]) {
      const answer = await whoAmI(browser);
      expect(answer.statusCode).toBe(401);
      expect(answer.json()).toMatchObject({ code: 'session_expired' });
    }
    expect((await whoAmI(colleague)).statusCode).toBe(200);
  });

  it('a password change ends every session; this browser continues in a new one', async () => {
    const elsewhere = await login('Auditor Aad');
    const here = await login('Auditor Aad');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: sessionHeaders(here),
      payload: { currentPassword: 'niet het goede wachtwoord', newPassword: 'een nieuw en lang wachtwoord' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'current_password_wrong' });

    const changed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: sessionHeaders(here),
      payload: { currentPassword: PASSWORD, newPassword: 'een nieuw en lang wachtwoord' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ step: 'active' });
    const renewed = browserFrom(changed);
    expect(renewed.cookie).not.toBe(here.cookie);
    expect((await whoAmI(here)).statusCode).toBe(401);
    expect((await whoAmI(elsewhere)).statusCode).toBe(401);
    expect((await whoAmI(renewed)).statusCode).toBe(200);
    expect((await signIn(app, credentials('Auditor Aad'))).statusCode).toBe(401);
    const withNew = await signIn(app, {
      ...credentials('Auditor Aad'),
      password: 'een nieuw en lang wachtwoord',
    });
    expect(withNew.statusCode).toBe(200);
    const fromToken = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { authorization: `Bearer ${org.auditor.token}` },
      payload: { currentPassword: PASSWORD, newPassword: 'nog een ander wachtwoord' },
    });
    expect(fromToken.statusCode).toBe(403);
    expect(fromToken.json()).toMatchObject({ code: 'session_required' });
  });

  it('disabling a user ends every session, refuses sign-in and API tokens; nobody disables themselves', async () => {
    const first = await login('Medewerker Mo');
    const second = await login('Medewerker Mo');
    const byHandler = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${org.employee.id}/disable`,
      headers: { authorization: `Bearer ${org.handler.token}` },
    });
    expect(byHandler.statusCode).toBe(403);
    const disabled = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${org.employee.id}/disable`,
      headers: { authorization: `Bearer ${org.admin.token}` },
    });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ id: org.employee.id, disabled: true });
    for (const browser of [first, second]) expect((await whoAmI(browser)).statusCode).toBe(401);
    expect((await signIn(app, credentials('Medewerker Mo'))).json()).toMatchObject({ code: 'login_failed' });
    const token = await app.inject({
      method: 'GET',
      url: '/api/v1/notifications',
      headers: { authorization: `Bearer ${org.employee.token}` },
    });
    expect(token.statusCode).toBe(401);
    const self = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${org.admin.id}/disable`,
      headers: { authorization: `Bearer ${org.admin.token}` },
    });
    expect(self.statusCode).toBe(409);
    expect(self.json()).toMatchObject({ code: 'cannot_disable_self' });
    const security = await app.inject({
      method: 'GET',
      url: `/api/v1/users/${org.employee.id}/security`,
      headers: { authorization: `Bearer ${org.admin.token}` },
    });
    expect(security.json()).toMatchObject({
      disabled: true,
      activeSessions: 0,
      recentEvents: expect.arrayContaining([
        expect.objectContaining({
          type: 'user_disabled',
          actorId: org.admin.id,
          details: { sessionsEnded: 2 },
        }),
      ]),
    });
  });

  it('ends a session after 30 idle minutes', async () => {
    const browser = await login('Behandelaar Bea');
    clock.advance(29 * 60_000);
    expect((await whoAmI(browser)).statusCode).toBe(200);
    clock.advance(29 * 60_000);
    expect((await whoAmI(browser)).statusCode).toBe(200);
    clock.advance(30 * 60_000);
    const idle = await whoAmI(browser);
    expect(idle.statusCode).toBe(401);
    expect(idle.json()).toMatchObject({ code: 'session_expired' });
  });

  it('ends a session 12 hours after sign-in however busy', async () => {
    const browser = await login('Behandelaar Bea');
    const info = (await whoAmI(browser)).json<{ expiresAt: string; idleExpiresAt: string }>();
    expect(new Date(info.expiresAt).getTime() - clock.now().getTime()).toBe(12 * 60 * 60_000);
    expect(new Date(info.idleExpiresAt).getTime() - clock.now().getTime()).toBe(30 * 60_000);
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      clock.advance(20 * 60_000);
      expect((await whoAmI(browser)).statusCode).toBe(200);
    }
    clock.advance(20 * 60_000);
    expect((await whoAmI(browser)).statusCode).toBe(401);
  });

  it('ends a half-finished sign-in after 10 minutes', async () => {
    const coordinator = org.coordinator;
    await givePassword(database.handle.db, org.id, coordinator.id, PASSWORD, CHEAP_HASHING);
    const started = await signIn(app, credentials('Coördinator Cor'));
    expect(started.json()).toMatchObject({ step: 'enrol_totp' });
    const browser = browserFrom(started);
    expect((await whoAmI(browser)).json()).toMatchObject({ step: 'enrol_totp' });
    clock.advance(10 * 60_000);
    expect((await whoAmI(browser)).statusCode).toBe(401);
  });
});

describe.each(databaseKinds())('security headers on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    ({ app } = await buildIdentityApp(database.handle.db, clock, { passwordHashing: CHEAP_HASHING }));
    await givePassword(database.handle.db, org.id, org.handler.id, PASSWORD, CHEAP_HASHING);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('sends the policy headers on every answer, errors included', async () => {
    for (const url of ['/health', '/api/v1/openapi.json', '/api/v1/bestaat-niet', '/api/v1/complaints']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.headers['content-security-policy']).toBe(DEFAULT_CONTENT_SECURITY_POLICY);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(response.headers['cache-control']).toBe(url.startsWith('/api/') ? 'no-store' : undefined);
    }
    expect(DEFAULT_CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(DEFAULT_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(DEFAULT_CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('leaves a route its own policy (the public complaint form decides its own framing)', async () => {
    const form = await app.inject({ method: 'GET', url: `/klacht/${org.slug}` });
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-security-policy']).not.toBe(DEFAULT_CONTENT_SECURITY_POLICY);
    expect(form.headers['x-content-type-options']).toBe('nosniff');
  });

  it('on a real host name: a Secure __Host- cookie and HSTS', async () => {
    const host = 'klachten.kantoor.example';
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host },
      payload: { organisation: org.slug, email: `Behandelaar Bea@${org.slug}.nl`, password: PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const [cookie] = setCookies(response);
    expect(cookie!.name).toBe('__Host-kw_session');
    expect(cookie!.attributes).toEqual(
      expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/']),
    );
    const browser = browserFrom(response);
    const session = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { host, cookie: browser.cookie },
    });
    expect(session.statusCode).toBe(200);
    // The plain name is not read on a secure host: a cookie planted over HTTP does not count.
    const plain = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { host, cookie: browser.cookie.replace('__Host-kw_session', 'kw_session') },
    });
    expect(plain.statusCode).toBe(401);
  });
});
