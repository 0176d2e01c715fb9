import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { PortalBrowser } from '../support/portal-fixtures.ts';
import { browserFrom, CHEAP_HASHING, givePassword, signIn, type Browser } from '../support/identity.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { STATE_CHANGING } from './route-rules.ts';
import {
  bearer,
  buildSweepApp,
  changedTables,
  fillUrl,
  ruleOf,
  send,
  snapshotTables,
  type RouteEntry,
} from './sweep-tools.ts';
import { ACTORS, buildOrgWorld, type OrgWorld } from './sweep-world.ts';

/** Tables that exist to record reads and exports: a GET is meant to add to them. */
const READ_RECORDS = ['dossier_reads', 'security_events', 'export_records', 'report_exports'];

/**
 * Who and what may change anything, over every route of the application: the auditor changes
 * nothing and reads everything their role allows; a change made with the session cookie needs the
 * CSRF token; and no GET changes anything (beyond the records of who read what).
 */
describe.each(databaseKinds())('change guards on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let routes: RouteEntry[];
  let a: OrgWorld;
  let session: Browser;
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  const describeAnswer = (response: LightMyRequestResponse) =>
    `${response.statusCode} ${response.body.slice(0, 160)}`;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ({ app, routes } = await buildSweepApp(database.handle.db, clock));
    a = await buildOrgWorld(database.handle.db, clock, app, 'A', '192.0.2.1');
    await givePassword(
      database.handle.db,
      a.org.id,
      a.org.handler.id,
      'een lang wachtwoord van bea',
      CHEAP_HASHING,
    );
    const login = await signIn(app, {
      organisation: a.org.slug,
      email: `Behandelaar Bea@${a.org.slug}.nl`,
      password: 'een lang wachtwoord van bea',
    });
    if (login.json<{ step: string }>().step !== 'active') throw new Error(`sign-in: ${login.body}`);
    session = browserFrom(login);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const byAccess = (...access: string[]) => routes.filter((r) => access.includes(ruleOf(r).access));

  it('refuses the auditor every change (403) and leaves everything as it was; a preview is a read', async () => {
    const problems: string[] = [];
    const writes = byAccess('staff').filter((r) => STATE_CHANGING(r.method));
    expect(writes.length).toBeGreaterThan(40);
    for (const route of writes) {
      const reads = ruleOf(route).reads !== undefined;
      const before = await snapshotTables(database.handle.db, { skip: reads ? READ_RECORDS : [] });
      const response = await send(app, route, a.ids, bearer(a.users.auditor.token));
      if (response.statusCode !== (reads ? 200 : 403))
        problems.push(`${route.key}: ${describeAnswer(response)}`);
      const after = await snapshotTables(database.handle.db, { skip: reads ? READ_RECORDS : [] });
      const changed = changedTables(before, after);
      if (changed.length > 0) problems.push(`${route.key} changed ${changed.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('lets the auditor read everything but the administrator’s users, invitations, mail, mailbox and sign-on settings', async () => {
    const problems: string[] = [];
    const refused: string[] = [];
    for (const route of byAccess('staff', 'own').filter((r) => r.method === 'GET')) {
      const rule = ruleOf(route);
      const response = await send(app, route, a.ids, bearer(a.users.auditor.token));
      // Someone else's own object (the employee's hearing) is not there for the auditor either.
      const expected = !rule.roles.includes('auditor')
        ? 'refused'
        : rule.owner && rule.owner !== 'auditor'
          ? 'not theirs'
          : 'read';
      if (expected === 'refused') refused.push(route.key);
      const status = { read: 200, refused: 403, 'not theirs': 404 }[expected];
      if (response.statusCode !== status)
        problems.push(`${route.key} (${expected}): ${describeAnswer(response)}`);
    }
    expect(problems).toEqual([]);
    expect(refused.toSorted()).toEqual([
      'GET /api/v1/invitations',
      'GET /api/v1/mailboxes',
      'GET /api/v1/organisation/smtp',
      'GET /api/v1/organisation/sso',
      'GET /api/v1/organisation/sso/identities',
      'GET /api/v1/users/:id/security',
    ]);
  });

  it('refuses every change made with the session cookie but without its CSRF token, and changes nothing', async () => {
    const problems: string[] = [];
    const before = await snapshotTables(database.handle.db);
    const writes = byAccess('staff', 'own', 'self').filter((r) => STATE_CHANGING(r.method));
    for (const route of writes) {
      for (const headers of [
        { cookie: session.cookie } as Record<string, string>,
        { cookie: session.cookie, 'x-csrf-token': `${session.csrfToken.slice(0, -4)}AAAA` },
      ]) {
        const response = await send(app, route, a.ids, headers);
        const code = response.statusCode === 403 ? response.json<{ code: string }>().code : null;
        if (code !== 'csrf_token_invalid') problems.push(`${route.key}: ${describeAnswer(response)}`);
      }
    }
    expect(changedTables(before, await snapshotTables(database.handle.db))).toEqual([]);
    expect(problems).toEqual([]);
    // The same session with its token gets through (so the refusals above were the token's doing).
    const withToken = await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${a.ids.complaint}/notes`,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      payload: { text: 'Met het token.' },
    });
    expect(withToken.statusCode).toBe(201);
  });

  it('refuses every portal form posted without its CSRF field, and stores nothing', async () => {
    // A second use of the link gives a session that may only ask for and enter a code.
    const codeStage = new PortalBrowser(app, '192.0.2.7');
    expect((await codeStage.get(`/portaal/${a.ids.portalLink}`)).statusCode).toBe(303);
    const before = await snapshotTables(database.handle.db);
    const problems: string[] = [];
    for (const route of byAccess('portal').filter((r) => STATE_CHANGING(r.method))) {
      const fields = { text: 'Zonder token', choice: 'conversation', code: '123456' };
      const answers = [await a.portal.post(route.url, fields), await codeStage.post(route.url, fields)];
      // 403 from the session the form is for; the other stage is sent back to its own page (303).
      const statuses = answers.map((r) => r.statusCode);
      if (!statuses.includes(403) || statuses.some((s) => s !== 403 && s !== 303))
        problems.push(`${route.key}: ${statuses.join(', ')}`);
    }
    expect(changedTables(before, await snapshotTables(database.handle.db))).toEqual([]);
    expect(problems).toEqual([]);
    expect((await a.portal.get('/portaal/klacht')).statusCode).toBe(200);
  });

  it('changes nothing over GET, whoever asks (only the records of reads and exports grow)', async () => {
    const gets = routes.filter((r) => r.method === 'GET' && !ruleOf(r).getChanges);
    const before = await snapshotTables(database.handle.db, { skip: READ_RECORDS });
    const problems: string[] = [];
    for (const route of gets) {
      const rule = ruleOf(route);
      if (rule.access === 'portal') {
        const response = await a.portal.get(fillUrl(route.url, rule.params, a.ids));
        if (response.statusCode >= 500) problems.push(`${route.key}: ${response.statusCode}`);
        continue;
      }
      for (const headers of [
        ...ACTORS.map((actor): Record<string, string> => bearer(a.users[actor].token)),
        { cookie: session.cookie },
        {},
      ]) {
        const response = await send(app, route, a.ids, headers);
        if (response.statusCode >= 500) problems.push(`${route.key}: ${describeAnswer(response)}`);
      }
      if (rule.owner) {
        const positive = await send(app, route, a.ids, bearer(a.users[rule.owner].token));
        if (positive.statusCode !== 200)
          problems.push(`${route.key} as its owner, ${rule.owner}: ${describeAnswer(positive)}`);
      } else if (rule.access === 'staff' || rule.access === 'own') {
        const positive = await send(app, route, a.ids, bearer(a.org.admin.token));
        if (rule.roles.some((r) => ['admin', 'coordinator'].includes(r)) && positive.statusCode !== 200)
          problems.push(`${route.key} as the administrator-coordinator: ${describeAnswer(positive)}`);
      }
    }
    const changed = changedTables(before, await snapshotTables(database.handle.db, { skip: READ_RECORDS }));
    expect(changed).toEqual([]);
    expect(problems).toEqual([]);
  });
});
