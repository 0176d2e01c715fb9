import { randomBytes } from 'node:crypto';
import dc from 'node:diagnostics_channel';
import type { FastifyInstance, LightMyRequestResponse, RouteOptions } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { buildApp } from '../../src/app.ts';
import type { Clock } from '../../src/clock.ts';
import type { Database } from '../../src/db/schema.ts';
import { ACTION_REFUSED_EVENT_TYPE } from '../../src/domain/procedure/procedure-events.ts';
import { deriveSecrets } from '../../src/secrets.ts';
import { CHEAP_HASHING } from '../support/identity.ts';
import { ROUTE_RULES, type Ids, type RouteRule } from './route-rules.ts';

/** The route sweeps' tools: the application with its route list, requests from rules, database snapshots. */

export interface RouteEntry {
  method: string;
  url: string;
  key: string;
}

export interface SweepApp {
  app: FastifyInstance;
  routes: RouteEntry[];
}

/** Builds the application and records every route it registers (via Fastify's creation channel). */
export async function buildSweepApp(db: Kysely<Database>, clock: Clock): Promise<SweepApp> {
  const routes: RouteEntry[] = [];
  const onCreate = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (route: RouteOptions) => {
      for (const method of [route.method].flat())
        routes.push({ method, url: route.url, key: `${method} ${route.url}` });
    });
  };
  dc.subscribe('fastify.initialization', onCreate);
  try {
    const app = await buildApp({
      db,
      clock,
      secrets: deriveSecrets(randomBytes(32)),
      config: { logLevel: 'silent', maxAttachmentBytes: 64 * 1024, maxJsonBodyBytes: 32 * 1024 },
      readiness: async () => [{ name: 'database', ok: true }],
      // Generous limits: the sweeps send hundreds of requests from one address on purpose.
      identity: {
        passwordHashing: CHEAP_HASHING,
        attemptLimits: { failedSignIns: { limit: 10_000, windowMs: 60_000 } },
      },
    });
    return { app, routes: dedupeHead(routes) };
  } finally {
    dc.unsubscribe('fastify.initialization', onCreate);
  }
}

/** Fastify adds a HEAD route for every GET; it runs the GET's handler, so the GET's rule covers it. */
function dedupeHead(routes: RouteEntry[]): RouteEntry[] {
  const gets = new Set(routes.filter((r) => r.method === 'GET').map((r) => r.url));
  return routes.filter((r) => !(r.method === 'HEAD' && gets.has(r.url)));
}

/** A route's URL with its parameters filled from `ids`. */
export function fillUrl(url: string, params: Readonly<Record<string, string>>, ids: Ids): string {
  return url.replace(/:([A-Za-z]+)|\*$/g, (_match, name: string | undefined) => {
    const kind = params[name ?? '*'];
    if (!kind) throw new Error(`${url}: no rule for parameter ${name ?? '*'}`);
    return encodeURIComponent(ids[kind as keyof Ids]);
  });
}

/**
 * What the database holds, per table: row count and a digest of the rows. Columns that every
 * authenticated request touches (last use of a token, last sight of a session) are left out. With
 * `refusals: 'ignore'`, a refused procedure step's own record (its dossier event and the chain head
 * it moves) does not count as a change: the procedure keeps refused attempts on purpose.
 */
export async function snapshotTables(
  db: Kysely<Database>,
  options: { skip?: readonly string[]; refusals?: 'count' | 'ignore' } = {},
): Promise<Map<string, string>> {
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  const ignoreRefusals = options.refusals === 'ignore';
  const parts = tables.rows
    .filter((t) => !(options.skip ?? []).includes(t.name))
    .map((t) => {
      const volatile = ['last_used_at', 'last_seen_at'];
      if (ignoreRefusals && t.name === 'complaints') volatile.push('last_event_sequence', 'last_event_hash');
      const row = sql`(to_jsonb(r) - ${sql.lit(`{${volatile.join(',')}}`)}::text[])::text`;
      const where =
        ignoreRefusals && t.name === 'dossier_events'
          ? sql`WHERE r.type <> ${sql.lit(ACTION_REFUSED_EVENT_TYPE)}`
          : sql``;
      return sql`SELECT ${sql.lit(t.name)}::text AS name, count(*)::text || ':' || coalesce(md5(string_agg(${row}, '|' ORDER BY ${row})), '') AS digest FROM ${sql.table(t.name)} r ${where}`;
    });
  const result = await sql<{ name: string; digest: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(
    db,
  );
  return new Map(result.rows.map((r) => [r.name, r.digest]));
}

/** The tables whose digest differs between two snapshots. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((name) => before.get(name) !== after.get(name));
}

/** The rule of a route, or an error that says where to add one. */
export function ruleOf(route: RouteEntry): RouteRule {
  const rule = ROUTE_RULES[route.key];
  if (!rule) throw new Error(`${route.key} has no rule in test/security/route-rules.ts`);
  return rule;
}

/** Sends the request a rule describes, with the ids and credentials given. */
export async function send(
  app: FastifyInstance,
  route: RouteEntry,
  ids: Ids,
  headers: Record<string, string> = {},
  bodyIds: Ids = ids,
): Promise<LightMyRequestResponse> {
  const rule = ruleOf(route);
  const query = rule.query ? `?${new URLSearchParams(rule.query(ids)).toString()}` : '';
  const url = fillUrl(route.url, rule.params, ids) + query;
  const method = route.method as 'GET';
  if (rule.octet) {
    return app.inject({ method, url, headers: { ...headers, 'content-type': 'application/octet-stream' }, payload: rule.octet }); // prettier-ignore
  }
  if (rule.body) return app.inject({ method, url, headers, payload: rule.body(bodyIds) as object });
  return app.inject({ method, url, headers });
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
