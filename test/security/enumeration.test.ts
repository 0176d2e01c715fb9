import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { createTestOrganisation, type TestOrganisation } from '../support/factories.ts';
import { buildIdentityApp, CHEAP_HASHING, givePassword, signIn } from '../support/identity.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** Headers that differ between any two answers (a request id, the moment) and say nothing about accounts. */
const PER_REQUEST = new Set(['x-request-id', 'date']);

/** Everything an observer sees of an answer except its timing: status, headers and body. */
function visible(response: LightMyRequestResponse) {
  const headers = Object.entries(response.headers)
    .filter(([name]) => !PER_REQUEST.has(name))
    .map(([name, value]) => [name, name === 'set-cookie' ? cookieShape(value) : value]);
  // A problem document names the request (`instance`), which is per request like the header.
  const body = response.body.replaceAll(String(response.headers['x-request-id']), '…');
  return { status: response.statusCode, headers: Object.fromEntries(headers), body };
}

/** A cookie's name and attributes, not its (random) value. */
function cookieShape(value: string | string[] | number | undefined): string[] {
  return [value ?? []].flat().map((line) => `${line}`.replace(/=[^;]*/, '=…'));
}

const median = (values: number[]) => values.toSorted((x, y) => x - y)[Math.floor(values.length / 2)]!;

/**
 * Nobody learns from sign-in or a password reset whether an account exists: the same status,
 * headers and body for a known and an unknown address (sign-in's bodies and timing are compared in
 * sign-in.test.ts, the reset's body in links.test.ts), and a reset takes about as long either way.
 */
describe.each(databaseKinds())('user enumeration on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  const known = () => `Behandelaar Bea@${org.slug}.nl`;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    ({ app } = await buildIdentityApp(database.handle.db, clock, { passwordHashing: CHEAP_HASHING }));
    await givePassword(
      database.handle.db,
      org.id,
      org.handler.id,
      'het juiste wachtwoord van bea',
      CHEAP_HASHING,
    );
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const reset = (organisation: string, email: string, remoteAddress: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { organisation, email },
      remoteAddress,
    });

  it('answers a reset request with the same status, headers and body for known and unknown accounts', async () => {
    const answers = [
      await reset(org.slug, known(), '198.51.100.1'),
      await reset(org.slug, 'niemand@example.nl', '198.51.100.1'),
      await reset('bestaat-niet', known(), '198.51.100.1'),
    ].map(visible);
    expect(answers[0]!.status).toBe(202);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('answers a failed sign-in with the same status, headers and body for known and unknown accounts', async () => {
    const wrong = 'een verkeerd wachtwoord';
    const answers = [
      await signIn(app, { organisation: org.slug, email: known(), password: wrong }, '198.51.100.2'),
      await signIn(
        app,
        { organisation: org.slug, email: 'niemand@example.nl', password: wrong },
        '198.51.100.2',
      ),
      await signIn(app, { organisation: 'bestaat-niet', email: known(), password: wrong }, '198.51.100.2'),
    ].map(visible);
    expect(answers[0]!.status).toBe(401);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  /*
   * Statistical, not a speed limit: the medians of interleaved tries (machine load hits both alike)
   * must lie within a wide margin of each other. A known address costs a few database writes more
   * (the link, the retired links, a security event: milliseconds); what this catches is work that
   * would stand out — a mail sent from the request instead of the outbox, a password hash, a remote
   * call — which takes tens to hundreds of milliseconds. Each round is an hour later, so every try
   * with the known address really makes a link (at most three an hour) and no address limit is hit.
   */
  it('takes about as long to answer a reset for a known address as for an unknown one', async () => {
    const timed = async (email: string, round: number): Promise<number> => {
      const start = performance.now();
      const response = await reset(org.slug, email, `198.51.100.${10 + round}`);
      const elapsed = performance.now() - start;
      expect(response.statusCode).toBe(202);
      return elapsed;
    };
    await timed(known(), 0);
    await timed('warm@example.nl', 0);
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let round = 1; round <= 9; round++) {
      clock.advance(61 * 60_000);
      if (round % 2 === 0) {
        knownTimes.push(await timed(known(), round));
        unknownTimes.push(await timed(`niemand${round}@example.nl`, round));
      } else {
        unknownTimes.push(await timed(`niemand${round}@example.nl`, round));
        knownTimes.push(await timed(known(), round));
      }
    }
    const difference = Math.abs(median(knownTimes) - median(unknownTimes));
    expect(difference, `known ${knownTimes.join(', ')}; unknown ${unknownTimes.join(', ')}`).toBeLessThan(40);
  });
});
