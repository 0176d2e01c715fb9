import type { MigrationStatements } from '../migration-statements.ts';

/**
 * Frozen in time. Optional OpenID Connect single sign-on per organisation (issue 6).
 *
 * - sessions.sign_in_method: password or sso, so the later steps of a sign-in know how it began.
 *
 * - sso_settings: the organisation's identity provider; the client secret sealed with the
 *   stored-secrets key like a mailbox password.
 * - sso_requests: one row per authorization request on its way through the identity provider: the
 *   SHA-256 of the state and of the browser-binding cookie, the nonce and the PKCE verifier (sealed).
 *   Deleted when the callback uses it (single use) or when it is ten minutes old.
 * - user_identities: which account at the provider (issuer + subject) belongs to which user. Made on
 *   the first sign-in by verified e-mail address, matched by subject from then on, so an address
 *   that changes hands at the provider cannot reach another account.
 */
const TENANT_TABLES = ['sso_settings', 'sso_requests', 'user_identities'];

export const migration: MigrationStatements = {
  name: '0015-single-sign-on',
  statements: [
    // How the session began: after single sign-on there is no password to renew in the same sign-in.
    `ALTER TABLE sessions
       ADD COLUMN sign_in_method text NOT NULL DEFAULT 'password' CHECK (sign_in_method IN ('password', 'sso'))`,
    `CREATE TABLE sso_settings (
       organisation_id uuid PRIMARY KEY REFERENCES organisations (id),
       enabled boolean NOT NULL DEFAULT false,
       issuer text NOT NULL CHECK (issuer ~ '^https?://'),
       client_id text NOT NULL CHECK (client_id <> ''),
       client_secret_encrypted text,
       allowed_email_domain text,
       trust_idp_mfa boolean NOT NULL DEFAULT false,
       mfa_acr text,
       updated_at timestamptz NOT NULL,
       updated_by uuid
     )`,
    `CREATE TABLE sso_requests (
       organisation_id uuid NOT NULL REFERENCES organisations (id),
       id uuid NOT NULL,
       state_sha256 text NOT NULL CHECK (state_sha256 ~ '^[0-9a-f]{64}$'),
       browser_sha256 text NOT NULL CHECK (browser_sha256 ~ '^[0-9a-f]{64}$'),
       nonce text NOT NULL,
       code_verifier_encrypted text NOT NULL,
       issuer text NOT NULL,
       redirect_uri text NOT NULL,
       created_at timestamptz NOT NULL,
       expires_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, id),
       UNIQUE (organisation_id, state_sha256)
     )`,
    `CREATE INDEX sso_requests_expiry_idx ON sso_requests (organisation_id, expires_at)`,
    `CREATE TABLE user_identities (
       organisation_id uuid NOT NULL,
       user_id uuid NOT NULL,
       issuer text NOT NULL,
       subject text NOT NULL CHECK (subject <> ''),
       linked_at timestamptz NOT NULL,
       last_used_at timestamptz,
       PRIMARY KEY (organisation_id, issuer, subject),
       UNIQUE (organisation_id, user_id, issuer),
       FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id)
     )`,
    ...TENANT_TABLES.flatMap((table) => [
      `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
      `CREATE POLICY tenant_isolation ON ${table}
         USING (organisation_id = current_organisation_id())
         WITH CHECK (organisation_id = current_organisation_id())`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO klachtwijzer_app`,
    ]),
  ],
};
