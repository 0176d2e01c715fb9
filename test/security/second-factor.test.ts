import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBase32 } from '../../src/auth/base32.ts';
import { totpAt } from '../../src/auth/totp.ts';
import { fixedClock } from '../../src/clock.ts';
import {
  createOrganisation,
  type CreatedOrganisation,
} from '../../src/organisations/organisation.service.ts';
import { createTestOrganisation, type TestOrganisation } from '../support/factories.ts';
import {
  browserFrom,
  buildIdentityApp,
  CHEAP_HASHING,
  givePassword,
  sessionHeaders,
  signIn,
  type Browser,
} from '../support/identity.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/test-database.ts';

const NEW_PASSWORD = 'vijf blauwe tulpen in een vaas';

describe.each(databaseKinds())('second factor on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let first: CreatedOrganisation;
  let org: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-24T09:00:10Z'));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    first = await createOrganisation(database.handle.db, clock, {
      slug: `eerste-${kind}-${Date.now().toString(36)}`,
      name: 'Eerste Kantoor',
      admin: { email: 'beheer@eerste-kantoor.nl', displayName: 'Beheerder' },
    });
    org = await createTestOrganisation(database.handle.db, clock);
    ({ app } = await buildIdentityApp(database.handle.db, clock, { passwordHashing: CHEAP_HASHING }));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const admin = (password: string) => ({
    organisation: first.organisation.slug,
    email: first.adminEmail,
    password,
  });
  const post = (url: string, browser: Browser, payload: object = {}) =>
    app.inject({ method: 'POST', url, headers: sessionHeaders(browser), payload });

  let seed: Buffer;
  let recoveryCodes: string[];

  it('takes the first administrator from the one-time password through a new password to an authenticator app', async () => {
    const start = await signIn(app, admin(first.adminOneTimePassword));
    expect(start.statusCode).toBe(200);
    expect(start.json()).toMatchObject({ step: 'change_password' });
    let browser = browserFrom(start);

    // Half signed in is not signed in.
    const early = await app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { cookie: browser.cookie },
    });
    expect(early.statusCode).toBe(401);
    expect(early.json()).toMatchObject({ code: 'login_incomplete' });
    expect((await post('/api/v1/auth/totp/enrol', browser)).json()).toMatchObject({
      code: 'login_step_unexpected',
    });

    const weak = await post('/api/v1/auth/password', browser, {
      currentPassword: first.adminOneTimePassword,
      newPassword: 'Klachtwijzer2026!',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'password_rejected', errors: [{ field: '/newPassword' }] });

    const changed = await post('/api/v1/auth/password', browser, {
      currentPassword: first.adminOneTimePassword,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ step: 'enrol_totp' });
    browser = browserFrom(changed);

    const enrol = await post('/api/v1/auth/totp/enrol', browser);
    expect(enrol.statusCode).toBe(200);
    const { secret, otpauthUri } = enrol.json<{ secret: string; otpauthUri: string }>();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toBe(
      `otpauth://totp/Klachtwijzer:beheer%40eerste-kantoor.nl%20(${first.organisation.slug})?secret=${secret}` +
        '&issuer=Klachtwijzer&algorithm=SHA1&digits=6&period=30',
    );
    seed = decodeBase32(secret)!;

    const wrong = await post('/api/v1/auth/totp/enrol/confirm', browser, { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'totp_code_wrong' });
    const confirmed = await post('/api/v1/auth/totp/enrol/confirm', browser, {
      code: totpAt(seed, clock.now()),
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ step: 'active' });
    recoveryCodes = confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    browser = browserFrom(confirmed);

    const users = await app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { cookie: browser.cookie },
    });
    expect(users.statusCode).toBe(200);
    const stored = await database.handle.db
      .selectFrom('users')
      .select(['totp_secret_encrypted', 'must_change_password'])
      .where('id', '=', first.adminUserId)
      .executeTakeFirstOrThrow();
    expect(stored.must_change_password).toBe(false);
    expect(stored.totp_secret_encrypted).toMatch(/^v1\./);
    expect(stored.totp_secret_encrypted).not.toContain(secret);
  });

  it('asks the code at every sign-in, takes the neighbouring steps, and never the same code twice', async () => {
    const login = async () => {
      const response = await signIn(app, admin(NEW_PASSWORD));
      expect(response.json()).toMatchObject({ step: 'totp' });
      return browserFrom(response);
    };
    // The enrolment used the current step; its code does not sign in again.
    let browser = await login();
    const replay = await post('/api/v1/auth/totp', browser, { code: totpAt(seed, clock.now()) });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'second_factor_failed' });

    clock.advance(60_000);
    // One step behind the server's clock is still accepted (a phone running slow).
    const behind = await post('/api/v1/auth/totp', browser, {
      code: totpAt(seed, new Date(clock.now().getTime() - 30_000)),
    });
    expect(behind.statusCode).toBe(200);
    expect(behind.json()).toMatchObject({ step: 'active' });
    expect(browserFrom(behind).cookie).not.toBe(browser.cookie);

    browser = await login();
    expect((await post('/api/v1/auth/totp', browser, { code: totpAt(seed, clock.now()) })).statusCode).toBe(
      200,
    );
    browser = await login();
    // Same step again, from another sign-in: refused.
    expect((await post('/api/v1/auth/totp', browser, { code: totpAt(seed, clock.now()) })).statusCode).toBe(
      401,
    );
    // Two steps ahead is too far.
    const ahead = await post('/api/v1/auth/totp', browser, {
      code: totpAt(seed, new Date(clock.now().getTime() + 60_000)),
    });
    expect(ahead.statusCode).toBe(401);
    clock.advance(30_000);
    expect((await post('/api/v1/auth/totp', browser, { code: totpAt(seed, clock.now()) })).statusCode).toBe(
      200,
    );
  });

  it('takes each recovery code once, instead of the app', async () => {
    clock.advance(30_000);
    let browser = browserFrom(await signIn(app, admin(NEW_PASSWORD)));
    const code = recoveryCodes[3]!;
    const used = await post('/api/v1/auth/totp', browser, { code: code.toLowerCase() });
    expect(used.statusCode).toBe(200);
    expect(used.json()).toMatchObject({ step: 'active' });
    browser = browserFrom(await signIn(app, admin(NEW_PASSWORD)));
    const again = await post('/api/v1/auth/totp', browser, { code });
    expect(again.statusCode).toBe(401);
    const security = await app.inject({
      method: 'GET',
      url: `/api/v1/users/${first.adminUserId}/security`,
      headers: { authorization: `Bearer ${first.adminApiToken}` },
    });
    expect(security.json()).toMatchObject({ secondFactor: true, unusedRecoveryCodes: 9 });
  });

  it('lets other roles add the app themselves, asking their password, and ends their other sessions', async () => {
    const password = 'rode kool met appeltjes';
    await givePassword(database.handle.db, org.id, org.handler.id, password, CHEAP_HASHING);
    const credentials = { organisation: org.slug, email: `Behandelaar Bea@${org.slug}.nl`, password };
    const other = browserFrom(await signIn(app, credentials));
    const browser = browserFrom(await signIn(app, credentials));
    expect(browserFrom(await signIn(app, credentials)).csrfToken).not.toBe(browser.csrfToken);

    const withoutPassword = await post('/api/v1/auth/totp/enrol', browser);
    expect(withoutPassword.statusCode).toBe(400);
    expect(withoutPassword.json()).toMatchObject({ code: 'current_password_wrong' });
    const enrol = await post('/api/v1/auth/totp/enrol', browser, { password });
    expect(enrol.statusCode).toBe(200);
    const handlerSeed = decodeBase32(enrol.json<{ secret: string }>().secret)!;
    const confirmed = await post('/api/v1/auth/totp/enrol/confirm', browser, {
      code: totpAt(handlerSeed, clock.now()),
    });
    expect(confirmed.statusCode).toBe(200);
    const current = browserFrom(confirmed);

    const headers = (b: Browser) => ({ cookie: b.cookie });
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: headers(other) })).statusCode,
    ).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: headers(browser) }))
        .statusCode,
    ).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: headers(current) })).json(),
    ).toMatchObject({
      user: { secondFactor: true },
    });
    expect((await signIn(app, credentials)).json()).toMatchObject({ step: 'totp' });
  });

  it('locks the account after five wrong codes and ends the half-finished sign-in', async () => {
    const credentials = admin(NEW_PASSWORD);
    const browser = browserFrom(await signIn(app, credentials, '192.0.2.77'));
    for (let i = 0; i < 4; i++) {
      const answer = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/totp',
        headers: sessionHeaders(browser),
        payload: { code: '123456' },
        remoteAddress: '192.0.2.77',
      });
      expect(answer.json()).toMatchObject({ code: 'second_factor_failed' });
    }
    const fifth = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp',
      headers: sessionHeaders(browser),
      payload: { code: '123456' },
      remoteAddress: '192.0.2.77',
    });
    expect(fifth.statusCode).toBe(401);
    const after = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: browser.cookie },
    });
    expect(after.statusCode).toBe(401);
    expect((await signIn(app, credentials, '192.0.2.78')).json()).toMatchObject({ code: 'login_failed' });
  });
});
