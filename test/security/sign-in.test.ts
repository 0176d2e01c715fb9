import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { createTestOrganisation, type TestOrganisation } from '../support/factories.ts';
import {
  browserFrom,
  buildIdentityApp,
  CHEAP_HASHING,
  givePassword,
  setCookies,
  signIn,
} from '../support/identity.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/test-database.ts';

const PASSWORD = 'paarse olifant op de fiets';

/** The problem body without its per-request instance id. */
function problemOf(response: LightMyRequestResponse): Record<string, unknown> {
  const { instance: _instance, ...rest } = response.json<Record<string, unknown>>();
  return rest;
}

describe.each(databaseKinds())('staff sign-in on %s', (kind) => {
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

  const loginOf = (name: string, password = PASSWORD) => ({
    organisation: org.slug,
    email: `${name}@${org.slug}.nl`,
    password,
  });

  it('signs in with the right password and answers with a session cookie that works', async () => {
    const response = await signIn(app, loginOf('Behandelaar Bea'.toUpperCase()));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ step: 'active', csrfToken: expect.any(String) });
    const [cookie] = setCookies(response);
    expect(cookie).toMatchObject({ name: 'kw_session', value: expect.stringMatching(/^kws1_[0-9a-f]{32}_/) });
    expect(cookie!.attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Lax']));
    expect(cookie!.attributes.some((a) => /^(Max-Age|Expires|Domain)=/i.test(a))).toBe(false);

    const browser = browserFrom(response);
    const session = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: browser.cookie },
    });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({
      step: 'active',
      via: 'session',
      user: { id: org.handler.id, roles: ['handler'] },
      organisation: { id: org.id, slug: org.slug },
      csrfToken: browser.csrfToken,
    });
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/complaints',
      headers: { cookie: browser.cookie },
    });
    expect(list.statusCode).toBe(200);
  });

  it('gives one answer for unknown organisation, unknown address, wrong password, disabled and not activated', async () => {
    const disabled = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${org.employee.id}/disable`,
      headers: { authorization: `Bearer ${org.admin.token}` },
    });
    expect(disabled.statusCode).toBe(200);
    const attempts = [
      { ...loginOf('Auditor Aad'), organisation: 'bestaat-niet' },
      loginOf('niemand'),
      loginOf('Behandelaar Bea', 'verkeerd wachtwoord hier'),
      loginOf('Medewerker Mo'),
      loginOf('Coördinator Cor', 'wat dan ook maar lang'),
    ];
    const answers: LightMyRequestResponse[] = [];
    for (const attempt of attempts) answers.push(await signIn(app, attempt, '192.0.2.20'));
    expect(answers.map((a) => a.statusCode)).toEqual([401, 401, 401, 401, 401]);
    expect(answers[0]!.headers['set-cookie']).toBeUndefined();
    const bodies = answers.map(problemOf);
    expect(bodies[0]).toEqual({
      type: 'urn:klachtwijzer:problem:login_failed',
      title: 'Niet aangemeld',
      status: 401,
      code: 'login_failed',
      detail: expect.stringContaining('klopt niet'),
    });
    for (const body of bodies) expect(body).toEqual(bodies[0]);
  });

  it('takes sign-in only as JSON, which a cross-site form cannot send (no login CSRF)', async () => {
    const body = JSON.stringify(loginOf('Behandelaar Bea'));
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': contentType },
        payload: body,
      });
      expect([400, 415]).toContain(response.statusCode);
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('replaces any session cookie sent before sign-in (no session fixation)', async () => {
    const planted = `kws1_${org.id.replaceAll('-', '')}_${'A'.repeat(43)}`;
    const first = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: loginOf('Behandelaar Bea'),
      headers: { cookie: `kw_session=${planted}` },
    });
    const firstBrowser = browserFrom(first);
    expect(firstBrowser.cookie).not.toBe(`kw_session=${planted}`);

    // The browser signs in again with its old, still valid session: that one ends, a new one starts.
    const second = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: loginOf('Behandelaar Bea'),
      headers: { cookie: firstBrowser.cookie },
    });
    const secondBrowser = browserFrom(second);
    expect(secondBrowser.cookie).not.toBe(firstBrowser.cookie);
    expect(secondBrowser.csrfToken).not.toBe(firstBrowser.csrfToken);
    const old = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: firstBrowser.cookie },
    });
    expect(old.statusCode).toBe(401);
    expect(old.json()).toMatchObject({ code: 'session_expired' });
    const current = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: secondBrowser.cookie },
    });
    expect(current.statusCode).toBe(200);
  });

  it('locks an account after five wrong passwords, answers the same meanwhile, and shows it to the administrator', async () => {
    const address = '192.0.2.30';
    const wrong = loginOf('Auditor Aad', 'dit is het niet hoor');
    const reference = problemOf(await signIn(app, loginOf('onbekend'), address));
    for (let i = 0; i < 5; i++) {
      const answer = await signIn(app, wrong, address);
      expect(answer.statusCode).toBe(401);
      expect(problemOf(answer)).toEqual(reference);
    }
    // Locked: even the right password gets the same answer.
    const locked = await signIn(app, loginOf('Auditor Aad'), address);
    expect(locked.statusCode).toBe(401);
    expect(problemOf(locked)).toEqual(reference);

    const security = await app.inject({
      method: 'GET',
      url: `/api/v1/users/${org.auditor.id}/security`,
      headers: { authorization: `Bearer ${org.admin.token}` },
    });
    expect(security.statusCode).toBe(200);
    expect(security.json()).toMatchObject({
      locked: true,
      lockedUntil: '2026-11-24T09:15:00.000Z',
      lockouts: [
        {
          type: 'account_locked',
          clientAddress: address,
          details: { until: '2026-11-24T09:15:00.000Z', lockout: 1 },
        },
      ],
    });
    const reasons = security
      .json<{ recentEvents: Array<{ type: string; details: { reason?: string } }> }>()
      .recentEvents.filter((e) => e.type === 'login_failed')
      .map((e) => e.details.reason);
    expect(reasons).toEqual(['locked', ...Array<string>(5).fill('wrong_password')]);
    const asHandler = await app.inject({
      method: 'GET',
      url: `/api/v1/users/${org.auditor.id}/security`,
      headers: { authorization: `Bearer ${org.handler.token}` },
    });
    expect(asHandler.statusCode).toBe(403);

    // After 15 minutes the lock is over; five more failures lock for twice as long.
    clock.advance(15 * 60_000);
    for (let i = 0; i < 5; i++) await signIn(app, wrong, address);
    clock.advance(16 * 60_000);
    expect((await signIn(app, loginOf('Auditor Aad'), address)).statusCode).toBe(401);
    clock.advance(15 * 60_000);
    const after = await signIn(app, loginOf('Auditor Aad'), address);
    expect(after.statusCode).toBe(200);
    const cleared = await app.inject({
      method: 'GET',
      url: `/api/v1/users/${org.auditor.id}/security`,
      headers: { authorization: `Bearer ${org.admin.token}` },
    });
    expect(cleared.json()).toMatchObject({
      locked: false,
      failedAttempts: 0,
      lastLoginAt: clock.now().toISOString(),
      lastLogins: [{ type: 'login_succeeded', clientAddress: address }],
    });
    expect(cleared.json<{ lockouts: unknown[] }>().lockouts).toHaveLength(2);
  });

  it('slows down one address that guesses across accounts (429 with Retry-After)', async () => {
    const limited = await buildIdentityApp(database.handle.db, clock, {
      passwordHashing: CHEAP_HASHING,
      attemptLimits: { failedSignIns: { limit: 3, windowMs: 10 * 60_000 } },
    });
    try {
      for (let i = 0; i < 3; i++) {
        expect((await signIn(limited.app, loginOf(`gok${i}`), '198.51.100.7')).statusCode).toBe(401);
      }
      const blocked = await signIn(limited.app, loginOf('Behandelaar Bea'), '198.51.100.7');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json()).toMatchObject({ code: 'too_many_attempts', retryAfterSeconds: 600 });
      expect(blocked.headers['retry-after']).toBe('600');
      // Another address is not affected, and neither is the account.
      expect((await signIn(limited.app, loginOf('Behandelaar Bea'), '198.51.100.8')).statusCode).toBe(200);
    } finally {
      await limited.app.close();
    }
  });
});

describe.each(databaseKinds())('user enumeration by timing on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    // Production cost on purpose: the comparison is only meaningful with the real argon2 work.
    ({ app } = await buildIdentityApp(database.handle.db, clock));
    await givePassword(database.handle.db, org.id, org.handler.id, PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('takes about as long for an unknown address as for a wrong password (a dummy hash is verified)', async () => {
    const unknown = {
      organisation: org.slug,
      email: 'niet-bekend@example.nl',
      password: 'een verkeerd wachtwoord',
    };
    const wrong = {
      organisation: org.slug,
      email: `Behandelaar Bea@${org.slug}.nl`,
      password: 'een verkeerd wachtwoord',
    };
    const timed = async (body: typeof unknown): Promise<number> => {
      const start = performance.now();
      const response = await signIn(app, body, '203.0.113.9');
      expect(response.statusCode).toBe(401);
      return performance.now() - start;
    };
    await timed(unknown);
    const unknownTimes: number[] = [];
    const wrongTimes: number[] = [];
    // Interleaved, so machine load hits both alike. The fifth wrong password locks the account; a
    // locked account is verified the same way, so that changes nothing here.
    for (let i = 0; i < 5; i++) {
      unknownTimes.push(await timed(unknown));
      wrongTimes.push(await timed(wrong));
    }
    const median = (values: number[]) => values.toSorted((a, b) => a - b)[2]!;
    const ratio = median(unknownTimes) / median(wrongTimes);
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
  });
});
