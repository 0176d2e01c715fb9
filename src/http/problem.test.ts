import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, toProblem } from './problem.ts';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('a database that went away', () => {
  it.each([
    new Error('Connection terminated unexpectedly'),
    new Error('timeout exceeded when trying to connect'),
    withCode('read ECONNRESET', 'ECONNRESET'),
    withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
    withCode('terminating connection due to administrator command', '57P01'),
    withCode('the database system is starting up', '57P03'),
    withCode('connection failure', '08006'),
  ])('is a 503 the client may retry: %s', (error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    const body = toProblem(error);
    expect(body.status).toBe(503);
    expect(body.code).toBe('database_unavailable');
    expect(body['retryAfterSeconds']).toBe(5);
    expect(body.detail).toContain('niets opgeslagen');
  });

  it.each([
    withCode('duplicate key value violates unique constraint', '23505'),
    withCode('syntax error at or near', '42601'),
    new Error('something else'),
    'not an error',
  ])('is not claimed for other failures: %s', (error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(toProblem(error).status).toBe(500);
  });
});
