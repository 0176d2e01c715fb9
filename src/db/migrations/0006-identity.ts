import type { MigrationStatements } from '../migration-statements.ts';

/**
 * Frozen in time. Staff identity: password and second-factor state on the user, sessions held in the
 * database (only a SHA-256 of the session secret is stored, so a copy of the table logs nobody in),
 * single-use invitation and password-reset links (again only their SHA-256), one-time recovery codes,
 * and the security events an administrator reads (logins, failures, lockouts).
 *
 * Every key starts with organisation_id: the secrets handed out carry their organisation, so each
 * lookup is scoped like everything else. Security events are append-only for the application role.
 */
const NEW_TENANT_TABLES = ['sessions', 'user_tokens', 'recovery_codes'];

export const migration: MigrationStatements = {
  name: '0006-identity',
  statements: [
    `ALTER TABLE users
       ADD COLUMN password_changed_at timestamptz,
       ADD COLUMN failed_login_count integer NOT NULL DEFAULT 0 CHECK (failed_login_count >= 0),
       ADD COLUMN lockout_count integer NOT NULL DEFAULT 0 CHECK (lockout_count >= 0),
       ADD COLUMN locked_until timestamptz,
       ADD COLUMN last_login_at timestamptz,
       ADD COLUMN totp_secret_encrypted text,
       ADD COLUMN totp_pending_secret_encrypted text,
       ADD COLUMN totp_enabled_at timestamptz,
       ADD COLUMN totp_last_step bigint`,

    `CREATE TABLE sessions (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       secret_sha256 text NOT NULL CHECK (secret_sha256 ~ '^[0-9a-f]{64}$'),
       user_id uuid NOT NULL,
       stage text NOT NULL CHECK (stage IN ('active', 'totp', 'change_password', 'enrol_totp')),
       second_factor_at timestamptz,
       created_at timestamptz NOT NULL,
       last_seen_at timestamptz NOT NULL,
       expires_at timestamptz NOT NULL,
       client_address text,
       PRIMARY KEY (organisation_id, id),
       UNIQUE (organisation_id, secret_sha256),
       FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id)
     )`,
    `CREATE INDEX sessions_user_idx ON sessions (organisation_id, user_id)`,

    `CREATE TABLE user_tokens (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       user_id uuid NOT NULL,
       purpose text NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
       secret_sha256 text NOT NULL CHECK (secret_sha256 ~ '^[0-9a-f]{64}$'),
       created_at timestamptz NOT NULL,
       created_by uuid,
       expires_at timestamptz NOT NULL,
       used_at timestamptz,
       PRIMARY KEY (organisation_id, id),
       UNIQUE (organisation_id, secret_sha256),
       FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id)
     )`,
    `CREATE INDEX user_tokens_user_idx ON user_tokens (organisation_id, user_id, purpose)`,

    `CREATE TABLE recovery_codes (
       organisation_id uuid NOT NULL,
       user_id uuid NOT NULL,
       code_sha256 text NOT NULL CHECK (code_sha256 ~ '^[0-9a-f]{64}$'),
       created_at timestamptz NOT NULL,
       used_at timestamptz,
       PRIMARY KEY (organisation_id, user_id, code_sha256),
       FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id)
     )`,

    `CREATE TABLE security_events (
       organisation_id uuid NOT NULL REFERENCES organisations (id),
       id uuid NOT NULL,
       user_id uuid,
       type text NOT NULL,
       occurred_at timestamptz NOT NULL,
       actor_id uuid,
       client_address text,
       details jsonb NOT NULL DEFAULT '{}',
       PRIMARY KEY (organisation_id, id),
       FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id)
     )`,
    `CREATE INDEX security_events_user_idx ON security_events (organisation_id, user_id, occurred_at DESC)`,

    ...[...NEW_TENANT_TABLES, 'security_events'].flatMap((table) => [
      `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
      `CREATE POLICY tenant_isolation ON ${table}
         USING (organisation_id = current_organisation_id())
         WITH CHECK (organisation_id = current_organisation_id())`,
    ]),
    ...NEW_TENANT_TABLES.map(
      (table) => `GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO klachtwijzer_app`,
    ),
    `GRANT SELECT, INSERT ON security_events TO klachtwijzer_app`,
  ],
};
