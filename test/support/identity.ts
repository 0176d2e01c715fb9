import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp, type AppDeps } from '../../src/app.ts';
import type { IssuedLink } from '../../src/auth/identity-deps.ts';
import { createPasswordHasher, type PasswordHashingCost } from '../../src/auth/password-hasher.ts';
import type { Clock } from '../../src/clock.ts';
import type { Database } from '../../src/db/schema.ts';
import { withTenant } from '../../src/db/tenant.ts';
import { deriveSecrets, type Secrets } from '../../src/secrets.ts';

/** Drives staff sign-in over HTTP like the web client: cookies in, cookies out, the CSRF header. */

/** Far below production cost: for tests that hash or guess many times (lockout), never for timing. */
export const CHEAP_HASHING: PasswordHashingCost = { memoryCost: 256, timeCost: 1, parallelism: 1 };

export interface IdentityTestApp {
  app: FastifyInstance;
  secrets: Secrets;
  resetLinks: IssuedLink[];
}

export async function buildIdentityApp(
  db: Kysely<Database>,
  clock: Clock,
  options: {
    passwordHashing?: PasswordHashingCost;
    attemptLimits?: NonNullable<AppDeps['identity']>['attemptLimits'];
  } = {},
): Promise<IdentityTestApp> {
  const secrets = deriveSecrets(randomBytes(32));
  const resetLinks: IssuedLink[] = [];
  const app = await buildApp({
    db,
    clock,
    secrets,
    config: { logLevel: 'silent', maxAttachmentBytes: 64 * 1024, maxJsonBodyBytes: 32 * 1024 },
    readiness: async () => [{ name: 'database', ok: true }],
    identity: {
      ...(options.passwordHashing ? { passwordHashing: options.passwordHashing } : {}),
      ...(options.attemptLimits ? { attemptLimits: options.attemptLimits } : {}),
      resetLinkSink: (link) => resetLinks.push(link),
    },
  });
  return { app, secrets, resetLinks };
}

/** Gives a user a usable password directly, as if an invitation had been accepted. */
export async function givePassword(
  db: Kysely<Database>,
  organisationId: string,
  userId: string,
  password: string,
  cost?: PasswordHashingCost,
): Promise<void> {
  const hash = await createPasswordHasher(cost).hash(password);
  await withTenant(db, organisationId, (tx) =>
    tx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: false })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', userId)
      .execute(),
  );
}

export interface SetCookie {
  name: string;
  value: string;
  attributes: string[];
}

export function setCookies(response: LightMyRequestResponse): SetCookie[] {
  const raw = response.headers['set-cookie'];
  const lines = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return lines.map((line) => {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const index = pair.indexOf('=');
    return { name: pair.slice(0, index), value: pair.slice(index + 1), attributes };
  });
}

export interface Browser {
  /** `name=value` for the Cookie header. */
  cookie: string;
  csrfToken: string;
}

/** The session a sign-in step answered with: its cookie and CSRF token. */
export function browserFrom(response: LightMyRequestResponse): Browser {
  const cookie = setCookies(response).find((c) => c.value !== '');
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return {
    cookie: `${cookie.name}=${cookie.value}`,
    csrfToken: response.json<{ csrfToken: string }>().csrfToken,
  };
}

export function sessionHeaders(browser: Browser, withCsrf = true): Record<string, string> {
  return withCsrf
    ? { cookie: browser.cookie, 'x-csrf-token': browser.csrfToken }
    : { cookie: browser.cookie };
}

export async function signIn(
  app: FastifyInstance,
  input: { organisation: string; email: string; password: string },
  remoteAddress = '192.0.2.10',
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: input, remoteAddress });
}
