import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganisation, type TestOrganisation } from '../../test/support/factories.ts';
import { buildIdentityApp, CHEAP_HASHING, type IdentityTestApp } from '../../test/support/identity.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { fixedClock } from '../clock.ts';

describe.each(databaseKinds())('users, roles and invitations on %s', (kind) => {
  let database: TestDatabase;
  let identity: IdentityTestApp;
  let org: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  const call = (token: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    identity.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    identity = await buildIdentityApp(database.handle.db, clock, { passwordHashing: CHEAP_HASHING });
  });
  afterAll(async () => {
    await identity.app.close();
    await database.close();
  });

  it('invites a new colleague in one step, lists the open invitation and revokes it', async () => {
    const invite = { email: 'Nieuw@Kantoor.nl', displayName: 'Nina Nieuw', roles: ['employee'] };
    expect((await call(org.coordinator.token, 'POST', '/api/v1/invitations', invite)).statusCode).toBe(403);
    const created = await call(org.admin.token, 'POST', '/api/v1/invitations', invite);
    expect(created.statusCode).toBe(201);
    const body = created.json<{
      user: { id: string; email: string };
      invitation: { link: string; token: string };
    }>();
    expect(body.user.email).toBe('nieuw@kantoor.nl');
    expect(body.invitation.link).toBe(`/uitnodiging#${body.invitation.token}`);
    expect((await call(org.admin.token, 'POST', '/api/v1/invitations', invite)).statusCode).toBe(409);

    const pending = await call(org.admin.token, 'GET', '/api/v1/invitations');
    expect(pending.json<Array<{ userId: string; roles: string[] }>>()).toEqual([
      expect.objectContaining({ userId: body.user.id, displayName: 'Nina Nieuw', roles: ['employee'] }),
    ]);
    expect(pending.body).not.toContain(body.invitation.token);

    const revoked = await call(org.admin.token, 'DELETE', `/api/v1/users/${body.user.id}/invitation`);
    expect(revoked.statusCode).toBe(204);
    expect((await call(org.admin.token, 'GET', '/api/v1/invitations')).json()).toEqual([]);
    expect(
      (await call(org.admin.token, 'DELETE', `/api/v1/users/${body.user.id}/invitation`)).statusCode,
    ).toBe(409);
    const accept = await identity.app.inject({
      method: 'POST',
      url: '/api/v1/auth/invitation/accept',
      payload: { token: body.invitation.token, password: 'Een lang en sterk wachtwoord 2026' },
    });
    expect(accept.statusCode).toBeGreaterThanOrEqual(400);

    // Invited again: a new link that works.
    const again = await call(org.admin.token, 'POST', `/api/v1/users/${body.user.id}/invite`);
    expect(again.statusCode).toBe(201);
    const accepted = await identity.app.inject({
      method: 'POST',
      url: '/api/v1/auth/invitation/accept',
      payload: {
        token: again.json<{ token: string }>().token,
        password: 'Een lang en sterk wachtwoord 2026',
      },
    });
    expect(accepted.statusCode).toBe(200);
    expect((await call(org.admin.token, 'GET', '/api/v1/invitations')).json()).toEqual([]);
  });

  it('changes roles, which take effect at once; an administrator keeps their own admin role', async () => {
    const url = `/api/v1/users/${org.auditor.id}/roles`;
    expect((await call(org.auditor.token, 'GET', '/api/v1/complaints')).statusCode).toBe(200);
    expect((await call(org.coordinator.token, 'PUT', url, { roles: ['handler'] })).statusCode).toBe(403);
    expect((await call(org.admin.token, 'PUT', url, { roles: [] })).statusCode).toBe(400);
    const changed = await call(org.admin.token, 'PUT', url, { roles: ['employee'] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<{ roles: string[] }>().roles).toEqual(['employee']);
    expect((await call(org.auditor.token, 'GET', '/api/v1/intake')).statusCode).toBe(403);

    const self = await call(org.admin.token, 'PUT', `/api/v1/users/${org.admin.id}/roles`, {
      roles: ['coordinator'],
    });
    expect(self.statusCode).toBe(409);
    expect(self.json<{ code: string }>().code).toBe('cannot_demote_self');
    const security = await call(org.admin.token, 'GET', `/api/v1/users/${org.auditor.id}/security`);
    expect(security.json<{ recentEvents: Array<{ type: string }> }>().recentEvents[0]!.type).toBe(
      'roles_changed',
    );
  });
});
