import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedLink } from '../../src/auth/identity-deps.ts';
import { decodeBase32 } from '../../src/auth/base32.ts';
import { totpAt } from '../../src/auth/totp.ts';
import { fixedClock } from '../../src/clock.ts';
import { createTestOrganisation, type TestOrganisation } from '../support/factories.ts';
import {
  browserFrom,
  buildIdentityApp,
  CHEAP_HASHING,
  givePassword,
  sessionHeaders,
  signIn,
} from '../support/identity.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/test-database.ts';

describe.each(databaseKinds())('invitation and reset links on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let resetLinks: IssuedLink[];
  let org: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  const asAdmin = () => ({ authorization: `Bearer ${org.admin.token}` });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    ({ app, resetLinks } = await buildIdentityApp(database.handle.db, clock, {
      passwordHashing: CHEAP_HASHING,
    }));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  async function newColleague(email: string): Promise<string> {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: asAdmin(),
      payload: { email, displayName: 'Nieuwe Collega', roles: ['handler'] },
    });
    expect(created.statusCode).toBe(201);
    return created.json<{ id: string }>().id;
  }
  const invite = (userId: string, headers = asAdmin()) =>
    app.inject({ method: 'POST', url: `/api/v1/users/${userId}/invite`, headers });
  const accept = (token: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/invitation/accept', payload: { token, password } });
  const passwordOf = async (userId: string) =>
    (
      await database.handle.db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', userId)
        .executeTakeFirstOrThrow()
    ).password_hash;

  it('invites once: the link sets a password, then works no more', async () => {
    const userId = await newColleague('sanne@kantoor.nl');
    expect((await invite(userId, { authorization: `Bearer ${org.coordinator.token}` })).statusCode).toBe(403);
    const invited = await invite(userId);
    expect(invited.statusCode).toBe(201);
    const { link, token, expiresAt } = invited.json<{ link: string; token: string; expiresAt: string }>();
    expect(link).toBe(`/uitnodiging#${token}`);
    expect(expiresAt).toBe('2026-12-01T09:00:00.000Z');
    const stored = await database.handle.db
      .selectFrom('user_tokens')
      .select('secret_sha256')
      .where('user_id', '=', userId)
      .execute();
    expect(stored.map((row) => token.includes(row.secret_sha256))).toEqual([false]);

    // A refused password leaves the link usable.
    const weak = await accept(token, 'welkom123456');
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'password_rejected' });
    const accepted = await accept(token, 'zeilboot op het ijsselmeer');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ organisation: org.slug, email: 'sanne@kantoor.nl' });

    const reused = await accept(token, 'een heel ander wachtwoord');
    expect(reused.statusCode).toBe(400);
    expect(reused.json()).toMatchObject({ code: 'link_invalid' });
    const signedIn = await signIn(app, {
      organisation: org.slug,
      email: 'sanne@kantoor.nl',
      password: 'zeilboot op het ijsselmeer',
    });
    expect(signedIn.json()).toMatchObject({ step: 'active' });

    const again = await invite(userId);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'user_already_active' });
  });

  it('refuses an expired invitation and one replaced by a newer one', async () => {
    const userId = await newColleague('piet@kantoor.nl');
    const older = (await invite(userId)).json<{ token: string }>().token;
    const newer = (await invite(userId)).json<{ token: string }>().token;
    expect((await accept(older, 'zeilboot op het ijsselmeer')).json()).toMatchObject({
      code: 'link_invalid',
    });
    clock.advance(7 * 24 * 60 * 60_000);
    expect((await accept(newer, 'zeilboot op het ijsselmeer')).json()).toMatchObject({
      code: 'link_invalid',
    });
    expect(await passwordOf(userId)).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['only the prefix', 'kwi1_'],
    ['empty parts', 'kwi1__'],
    ['organisation without secret', 'kwi1_00000000000000000000000000000000_'],
  ])('refuses an %s token and changes nothing (FreeScout CVE-2026-53595)', async (_what, token) => {
    const userId = await newColleague(`leeg-${Math.random().toString(36).slice(2)}@kantoor.nl`);
    const answer = await accept(token, 'zeilboot op het ijsselmeer');
    expect(answer.statusCode).toBe(400);
    expect(['validation_failed', 'link_invalid']).toContain(answer.json<{ code: string }>().code);
    const reset = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/complete',
      payload: { token, password: 'zeilboot op het ijsselmeer' },
    });
    expect(reset.statusCode).toBe(400);
    expect(await passwordOf(userId)).toBeNull();
  });

  it('answers a reset request the same for known and unknown addresses', async () => {
    await givePassword(database.handle.db, org.id, org.auditor.id, 'oude wachtwoord van aad', CHEAP_HASHING);
    const request = (organisation: string, email: string) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { organisation, email } });
    const before = resetLinks.length;
    const answers = [
      await request(org.slug, `Auditor Aad@${org.slug}.nl`),
      await request(org.slug, 'onbekend@kantoor.nl'),
      await request('bestaat-niet', 'onbekend@kantoor.nl'),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202, 202]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(resetLinks.slice(before)).toEqual([
      expect.objectContaining({
        userId: org.auditor.id,
        path: expect.stringMatching(/^\/wachtwoord-herstellen#kwr1_/),
      }),
    ]);
  });

  it('resets once within the hour: sessions end, the old password stops, a lockout lifts', async () => {
    const email = `Auditor Aad@${org.slug}.nl`;
    const old = browserFrom(
      await signIn(app, { organisation: org.slug, email, password: 'oude wachtwoord van aad' }),
    );
    for (let i = 0; i < 5; i++)
      await signIn(app, { organisation: org.slug, email, password: 'fout fout fout fout' }, '192.0.2.50');

    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { organisation: org.slug, email },
    });
    const link = resetLinks.at(-1)!;
    const complete = (token: string, password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset/complete',
        payload: { token, password },
      });
    const invitationShaped = link.token.replace(/^kwr1_/, 'kwi1_');
    expect((await accept(invitationShaped, 'fiets door de duinen')).json()).toMatchObject({
      code: 'link_invalid',
    });

    const done = await complete(link.token, 'fiets door de duinen');
    expect(done.statusCode).toBe(200);
    expect((await complete(link.token, 'nog een keer fietsen')).json()).toMatchObject({
      code: 'link_invalid',
    });
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: old.cookie } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await signIn(app, { organisation: org.slug, email, password: 'oude wachtwoord van aad' })).statusCode,
    ).toBe(401);
    expect(
      (await signIn(app, { organisation: org.slug, email, password: 'fiets door de duinen' })).statusCode,
    ).toBe(200);

    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { organisation: org.slug, email },
    });
    const late = resetLinks.at(-1)!;
    clock.advance(60 * 60_000);
    expect((await complete(late.token, 'te laat voor deze link')).json()).toMatchObject({
      code: 'link_invalid',
    });
  });

  it('does not bypass the second factor: after a reset the code is still asked', async () => {
    const email = `Behandelaar Bea@${org.slug}.nl`;
    await givePassword(database.handle.db, org.id, org.handler.id, 'hazelnoten in de herfst', CHEAP_HASHING);
    const browser = browserFrom(
      await signIn(app, { organisation: org.slug, email, password: 'hazelnoten in de herfst' }),
    );
    const enrol = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enrol',
      headers: sessionHeaders(browser),
      payload: { password: 'hazelnoten in de herfst' },
    });
    const seed = decodeBase32(enrol.json<{ secret: string }>().secret)!;
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enrol/confirm',
      headers: sessionHeaders(browser),
      payload: { code: totpAt(seed, clock.now()) },
    });

    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { organisation: org.slug, email },
    });
    const link = resetLinks.at(-1)!;
    expect(link.userId).toBe(org.handler.id);
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/complete',
      payload: { token: link.token, password: 'walnoten in de winter' },
    });
    const after = await signIn(app, { organisation: org.slug, email, password: 'walnoten in de winter' });
    expect(after.json()).toMatchObject({ step: 'totp' });
  });
});
