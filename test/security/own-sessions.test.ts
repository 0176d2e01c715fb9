import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { withTenant } from '../../src/db/tenant.ts';
import { createTestOrganisation, type TestOrganisation } from '../support/factories.ts';
import {
  browserFrom,
  buildIdentityApp,
  CHEAP_HASHING,
  givePassword,
  sessionHeaders,
  type Browser,
} from '../support/identity.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/test-database.ts';

const PASSWORD = 'groene appels en peren';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';
const PHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';

interface OwnSession {
  id: string;
  current: boolean;
  signInMethod: string;
  createdAt: string;
  lastUsedAt: string;
  client: string | null;
  network: string | null;
}

describe.each(databaseKinds())("a person's own sessions on %s", (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TestOrganisation;
  let other: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    other = await createTestOrganisation(database.handle.db, clock);
    ({ app } = await buildIdentityApp(database.handle.db, clock, { passwordHashing: CHEAP_HASHING }));
    for (const user of [org.handler, org.auditor]) {
      await givePassword(database.handle.db, org.id, user.id, PASSWORD, CHEAP_HASHING);
    }
    await givePassword(database.handle.db, other.id, other.handler.id, PASSWORD, CHEAP_HASHING);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const login = async (o: TestOrganisation, name: string, userAgent: string, remoteAddress: string) =>
    browserFrom(
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'user-agent': userAgent },
        remoteAddress,
        payload: { organisation: o.slug, email: `${name}@${o.slug}.nl`, password: PASSWORD },
      }),
    );
  const list = async (browser: Browser) => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/sessions',
      headers: { cookie: browser.cookie },
    });
    expect(response.statusCode).toBe(200);
    return { body: response.body, sessions: response.json<OwnSession[]>() };
  };
  const end = (browser: Browser, id: string, withCsrf = true) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/auth/sessions/${id}/end`,
      headers: sessionHeaders(browser, withCsrf),
    });
  const alive = async (browser: Browser) =>
    (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: browser.cookie } }))
      .statusCode === 200;

  it('lists my active sessions with a coarse client, never a secret or a row id, and ends one of them', async () => {
    const laptop = await login(org, 'Behandelaar Bea', FIREFOX, '192.0.2.10');
    const phone = await login(org, 'Behandelaar Bea', PHONE, '198.51.100.77');
    const someoneElse = await login(org, 'Auditor Aad', FIREFOX, '192.0.2.11');

    const { body, sessions } = await list(laptop);
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({
      current: true,
      signInMethod: 'password',
      client: 'Firefox · Linux',
      network: '192.0.2.x',
    });
    expect(sessions[1]).toMatchObject({ current: false, client: 'Safari · iOS', network: '198.51.100.x' });
    const rows = await withTenant(database.handle.db, org.id, (tx) =>
      tx.selectFrom('sessions').select(['id', 'secret_sha256', 'client_summary']).execute(),
    );
    for (const row of rows) {
      expect(body).not.toContain(row.id);
      expect(body).not.toContain(row.secret_sha256);
    }
    expect(body).not.toContain(laptop.cookie.split('=')[1]);
    expect(body).not.toContain('Mozilla');
    // The raw User-Agent is not stored either.
    expect(rows.map((row) => row.client_summary)).not.toContainEqual(expect.stringContaining('Mozilla'));

    // Someone else's session handle: 404, and their session lives on.
    const theirs = (await list(someoneElse)).sessions[0]!;
    const refused = await end(laptop, theirs.id);
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toMatchObject({ code: 'session_not_found' });
    expect(await alive(someoneElse)).toBe(true);
    // Without the CSRF token nothing ends.
    expect((await end(laptop, sessions[1]!.id, false)).statusCode).toBe(403);
    expect(await alive(phone)).toBe(true);

    const ended = await end(laptop, sessions[1]!.id);
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ ended: 1, current: false });
    expect(await alive(phone)).toBe(false);
    expect(await alive(laptop)).toBe(true);
    expect((await end(laptop, sessions[1]!.id)).statusCode).toBe(404);
    const event = await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('security_events')
        .select(['details', 'actor_id'])
        .where('type', '=', 'sessions_ended')
        .where('user_id', '=', org.handler.id)
        .executeTakeFirstOrThrow(),
    );
    expect(event).toMatchObject({ actor_id: org.handler.id, details: { reason: 'own_session', count: 1 } });
  });

  it('ends all my other sessions and keeps this one; nothing of anyone else, nothing of another organisation', async () => {
    const here = await login(org, 'Behandelaar Bea', FIREFOX, '192.0.2.10');
    const there = [
      await login(org, 'Behandelaar Bea', PHONE, '192.0.2.12'),
      await login(org, 'Behandelaar Bea', PHONE, '192.0.2.13'),
    ];
    const colleague = await login(org, 'Auditor Aad', FIREFOX, '192.0.2.11');
    const namesake = await login(other, 'Behandelaar Bea', FIREFOX, '192.0.2.14');
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sessions/end-others',
      headers: sessionHeaders(here),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ ended: number }>().ended).toBeGreaterThanOrEqual(2);
    for (const browser of there) expect(await alive(browser)).toBe(false);
    expect(await alive(here)).toBe(true);
    expect(await alive(colleague)).toBe(true);
    expect(await alive(namesake)).toBe(true);
    expect((await list(here)).sessions.map((s) => s.current)).toEqual([true]);

    // A session of the other organisation is not found from here, and ending my current one signs me out.
    const foreign = (await list(namesake)).sessions[0]!;
    expect((await end(here, foreign.id)).statusCode).toBe(404);
    expect(await alive(namesake)).toBe(true);
    const mine = (await list(here)).sessions[0]!;
    const self = await end(here, mine.id);
    expect(self.json()).toEqual({ ended: 1, current: true });
    expect(await alive(here)).toBe(false);
  });

  it('is for browser sessions: an API token gets 403, nobody signed in 401', async () => {
    const token = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/sessions',
      headers: { authorization: `Bearer ${org.handler.token}` },
    });
    expect(token.statusCode).toBe(403);
    expect(token.json()).toMatchObject({ code: 'session_required' });
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/sessions' })).statusCode).toBe(401);
  });

  it("lets the administrator end a user's sessions without disabling, or everyone's (ASVS 7.4.5)", async () => {
    const bea = await login(org, 'Behandelaar Bea', FIREFOX, '192.0.2.10');
    const aad = await login(org, 'Auditor Aad', FIREFOX, '192.0.2.11');
    const namesake = await login(other, 'Behandelaar Bea', FIREFOX, '192.0.2.14');
    const endFor = (userId: string, token: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/users/${userId}/sessions/end`,
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await endFor(org.handler.id, org.coordinator.token)).statusCode).toBe(403);
    expect((await endFor(org.handler.id, other.admin.token)).statusCode).toBe(404);
    expect(await alive(bea)).toBe(true);
    const ended = await endFor(org.handler.id, org.admin.token);
    expect(ended.statusCode).toBe(200);
    expect(ended.json<{ ended: number }>().ended).toBeGreaterThanOrEqual(1);
    expect(await alive(bea)).toBe(false);
    expect(await alive(aad)).toBe(true);
    // The account is not disabled: signing in again works at once.
    expect(await alive(await login(org, 'Behandelaar Bea', FIREFOX, '192.0.2.10'))).toBe(true);

    const everyone = await app.inject({
      method: 'POST',
      url: '/api/v1/organisation/sessions/end',
      headers: { authorization: `Bearer ${org.admin.token}` },
    });
    expect(everyone.statusCode).toBe(200);
    expect(await alive(aad)).toBe(false);
    expect(await alive(namesake)).toBe(true);
    const left = await withTenant(database.handle.db, org.id, (tx) =>
      tx.selectFrom('sessions').select('id').where('organisation_id', '=', org.id).execute(),
    );
    expect(left).toEqual([]);
  });
});
