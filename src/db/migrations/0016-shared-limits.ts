import type { MigrationStatements } from '../migration-statements.ts';

/**
 * Frozen in time. Rate limits and used proof-of-work solutions move from each process's memory into
 * the database, so every app process behind a load balancer counts together (docs/scaling.md).
 *
 * Installation-wide, without organisation_id (docs/decisions/0016): an address spraying passwords
 * across firms, or posting the public forms of many firms, is one address; the staff sign-in does
 * not know the organisation before the account is found. Nothing here is tenant data, nothing points
 * at a tenant row, and no tenant query reads it.
 *
 * `rate_limit_hits`: one row per limit and counted key. The key (an address, an e-mail address, a
 * link) is stored only as an HMAC under the installation's secret, never in the clear. `hits` holds
 * the moments (ms since the epoch, oldest first) of the hits still inside the window — at most the
 * limit's count — which keeps the sliding window exact: Retry-After is when the oldest of them
 * leaves it. `expires_at` (the last hit plus the window) is when the row says nothing any more; a
 * job deletes such rows.
 *
 * `proof_of_work_uses`: each solved challenge's nonce counts once, in every process (primary key),
 * until the form it was bound to would have expired anyway.
 */
export const migration: MigrationStatements = {
  name: '0016-shared-limits',
  statements: [
    `CREATE TABLE rate_limit_hits (
       scope text NOT NULL CHECK (scope ~ '^[a-z][a-zA-Z.]{0,62}$'),
       key bytea NOT NULL CHECK (octet_length(key) = 32),
       hits bigint[] NOT NULL,
       window_ms integer NOT NULL CHECK (window_ms > 0),
       expires_at timestamptz NOT NULL,
       PRIMARY KEY (scope, key)
     )`,
    `CREATE INDEX rate_limit_hits_expiry_idx ON rate_limit_hits (expires_at)`,
    `CREATE TABLE proof_of_work_uses (
       nonce text NOT NULL PRIMARY KEY CHECK (length(nonce) BETWEEN 1 AND 200),
       form_id text NOT NULL CHECK (length(form_id) BETWEEN 1 AND 200),
       expires_at timestamptz NOT NULL
     )`,
    `CREATE INDEX proof_of_work_uses_expiry_idx ON proof_of_work_uses (expires_at)`,
  ],
};
