import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { newId } from '../../src/ids.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { NESTED_KINDS } from './route-rule-kit.ts';
import { OBJECT_KINDS, ROUTE_RULES, type IdKind, type Ids } from './route-rules.ts';
import {
  bearer,
  buildSweepApp,
  changedTables,
  ruleOf,
  send,
  snapshotTables,
  type RouteEntry,
} from './sweep-tools.ts';
import { ACTORS, buildOrgWorld, type Actor, type OrgWorld } from './sweep-world.ts';

/**
 * Every route the application has, tried by every role of organisation A with the ids of
 * organisation B, and with the ids of another complaint of A where a route nests them: nothing is
 * ever given away (404 for what is not theirs, 403 for what their role may not do, 401 without
 * credentials) and a refused request changes nothing. The route list comes from the application, and
 * a route without a rule in route-rules.ts fails the first test.
 */
describe.each(databaseKinds())('route sweep on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let routes: RouteEntry[];
  let a: OrgWorld;
  let b: OrgWorld;
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ({ app, routes } = await buildSweepApp(database.handle.db, clock));
    a = await buildOrgWorld(database.handle.db, clock, app, 'A', '192.0.2.1');
    b = await buildOrgWorld(database.handle.db, clock, app, 'B', '192.0.2.2');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const staffRoutes = () => routes.filter((r) => ['staff', 'own', 'self'].includes(ruleOf(r).access));
  const namesObjects = (route: RouteEntry) =>
    Object.values(ruleOf(route).params).some((k) => OBJECT_KINDS.has(k));
  const mayCall = (actor: Actor, route: RouteEntry) => {
    const rule = ruleOf(route);
    return a.users[actor].roles.some((role) => rule.roles.includes(role));
  };
  const describeAnswer = (response: LightMyRequestResponse) =>
    `${response.statusCode} ${response.body.slice(0, 160)}`;
  const leaksOf = (response: LightMyRequestResponse, other: OrgWorld, ids: readonly string[]) =>
    [...other.secrets, ...ids].filter((s) => response.body.includes(s));
  const objectIds = (ids: Ids) =>
    Object.entries(ids)
      .filter(([k]) => OBJECT_KINDS.has(k as IdKind) && k !== 'closingDay')
      .map(([, v]) => v);

  it('has a rule for every route of the application, and no rule for a route that is gone', () => {
    const missing = routes.filter((r) => !ROUTE_RULES[r.key]).map((r) => r.key);
    expect(
      missing,
      `Routes without a rule: add each to ROUTE_RULES in test/security/route-rules.ts (who may call it, what its path parameters name, a valid body).`,
    ).toEqual([]);
    const present = new Set(routes.map((r) => r.key));
    const gone = Object.entries(ROUTE_RULES)
      .filter(([key, rule]) => !present.has(key) && !rule.webApp)
      .map(([key]) => key);
    expect(gone, 'Rules for routes the application no longer has').toEqual([]);
  });

  it('asks credentials on every staff route; a portal cookie is none', async () => {
    const problems: string[] = [];
    const portalCookie = a.portal.cookie;
    expect(portalCookie).toBeTruthy();
    for (const route of staffRoutes()) {
      for (const headers of [{}, { cookie: portalCookie! }, bearer('kw1_nonsense')] as Record<
        string,
        string
      >[]) {
        const response = await send(app, route, a.ids, headers);
        if (response.statusCode !== 401)
          problems.push(`${route.key} ${JSON.stringify(headers)}: ${describeAnswer(response)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives no role of one organisation anything of another, and changes nothing', async () => {
    const problems: string[] = [];
    for (const route of staffRoutes().filter(namesObjects)) {
      const before = await snapshotTables(database.handle.db);
      for (const actor of ACTORS) {
        const response = await send(app, route, b.ids, bearer(a.users[actor].token));
        const expected = mayCall(actor, route) ? [404] : [403, 404];
        const leaks = leaksOf(response, b, objectIds(b.ids));
        if (!expected.includes(response.statusCode) || leaks.length > 0)
          problems.push(`${actor} ${route.key}: ${describeAnswer(response)} (leaks: ${leaks.join(', ')})`);
      }
      const changed = changedTables(before, await snapshotTables(database.handle.db));
      if (changed.length > 0) problems.push(`${route.key} changed ${changed.join(', ')} while refusing`);
    }
    expect(problems).toEqual([]);
  });

  it('takes no id of another organisation in a body: the same answer as for an unknown id, and no change', async () => {
    const unknown = Object.fromEntries(
      Object.entries(a.ids).map(([k, v]) => [k, OBJECT_KINDS.has(k as IdKind) ? newId() : v]),
    ) as Ids;
    const answer = (response: LightMyRequestResponse) =>
      `${response.statusCode} ${response.json<{ code?: string }>().code ?? ''}`;
    const problems: string[] = [];
    for (const route of staffRoutes()) {
      const rule = ruleOf(route);
      if (!rule.body || JSON.stringify(rule.body(a.ids)) === JSON.stringify(rule.body(b.ids))) continue;
      const before = await snapshotTables(database.handle.db, { refusals: 'ignore' });
      const foreign = await send(app, route, a.ids, bearer(a.org.coordinator.token), b.ids);
      const sent = JSON.stringify(rule.body(b.ids));
      const leaks = leaksOf(foreign, b, objectIds(b.ids)).filter((s) => !sent.includes(s));
      if (foreign.statusCode < 400 || foreign.statusCode >= 500 || leaks.length > 0)
        problems.push(`${route.key}: ${describeAnswer(foreign)} (leaks: ${leaks.join(', ')})`);
      const changed = changedTables(before, await snapshotTables(database.handle.db, { refusals: 'ignore' }));
      if (changed.length > 0) problems.push(`${route.key} changed ${changed.join(', ')} while refusing`);
      const control = await send(app, route, a.ids, bearer(a.org.coordinator.token), unknown);
      if (answer(control) !== answer(foreign))
        problems.push(
          `${route.key}: ${answer(foreign)} for another organisation's id, ${answer(control)} for an unknown one`,
        );
    }
    expect(problems).toEqual([]);
  });

  it('answers 404 for an object of another complaint named under a complaint one may see', async () => {
    // The coordinator sees both complaints of A (and the employee is heard in both); the object must
    // still belong to the complaint or cancellation request in the path.
    const mixed: Ids = {
      ...a.ids,
      ...Object.fromEntries(NESTED_KINDS.map((k) => [k, a.sibling[k]])),
    };
    const problems: string[] = [];
    let tried = 0;
    for (const route of staffRoutes()) {
      const rule = ruleOf(route);
      const differs =
        Object.values(rule.params).some((k) => mixed[k] !== a.ids[k]) ||
        (rule.body && JSON.stringify(rule.body(mixed)) !== JSON.stringify(rule.body(a.ids)));
      if (!differs) continue;
      tried++;
      const before = await snapshotTables(database.handle.db, { refusals: 'ignore' });
      const caller = rule.owner ? a.users[rule.owner] : a.org.coordinator;
      const response = await send(app, route, mixed, bearer(caller.token));
      if (response.statusCode < 400 || response.statusCode >= 500)
        problems.push(`${route.key}: ${describeAnswer(response)}`);
      if (Object.keys(rule.params).length > 1 && response.statusCode !== 404)
        problems.push(`${route.key}: expected 404, got ${describeAnswer(response)}`);
      const changed = changedTables(before, await snapshotTables(database.handle.db, { refusals: 'ignore' }));
      if (changed.length > 0) problems.push(`${route.key} changed ${changed.join(', ')} while refusing`);
    }
    expect(tried).toBeGreaterThan(1);
    expect(problems).toEqual([]);
  });

  it('lists nothing of another organisation, whoever asks', async () => {
    const problems: string[] = [];
    const lists = staffRoutes().filter((r) => r.method === 'GET' && !namesObjects(r));
    for (const route of lists) {
      for (const actor of ACTORS) {
        const response = await send(app, route, a.ids, bearer(a.users[actor].token));
        const leaks = leaksOf(response, b, objectIds(b.ids));
        if (leaks.length > 0) problems.push(`${actor} ${route.key}: shows ${leaks.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('shows a complainant only the letters of their own complaint, and staff credentials nothing there', async () => {
    const letter = routes.find((r) => r.key === 'GET /portaal/brieven/:documentId')!;
    expect((await a.portal.get(`/portaal/brieven/${a.ids.letterDocument}`)).statusCode).toBe(200);
    for (const other of [b.ids.letterDocument, a.sibling.letterDocument, a.ids.document]) {
      const response = await a.portal.get(`/portaal/brieven/${other}`);
      expect(response.statusCode, `${letter.key} ${other}`).toBe(404);
    }
    const problems: string[] = [];
    for (const route of routes.filter((r) => ruleOf(r).access === 'portal' && r.method === 'GET')) {
      if (ruleOf(route).getChanges) continue;
      const response = await send(app, route, a.ids, bearer(a.org.coordinator.token));
      const leaks = leaksOf(response, a, []);
      if (response.statusCode === 200 && leaks.length > 0)
        problems.push(`${route.key} with a staff token: shows ${leaks.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });
});
