import type { MigrationStatements } from '../migration-statements.ts';

/**
 * Frozen in time. A person's own sessions, unlinking an SSO account and OpenID Connect back-channel
 * logout (issue 6, ASVS 7.4.5 and 7.5.2).
 *
 * - sessions.client_summary: a coarse description of the browser ("Firefox op Linux"), made from
 *   the User-Agent at sign-in, so a person can tell their sessions apart. The header itself is not kept.
 * - sessions.sso_sid: the provider's session id (`sid` of the id token), so a logout token that names
 *   only that provider session ends exactly the sessions it began.
 * - sso_logout_tokens: the SHA-256 of every accepted logout token's `jti`, until the token would have
 *   expired anyway, so a logout token is accepted once.
 */
export const migration: MigrationStatements = {
  name: '0020-own-sessions-and-sso-logout',
  statements: [
    `ALTER TABLE sessions
       ADD COLUMN client_summary text CHECK (length(client_summary) <= 100),
       ADD COLUMN sso_sid text CHECK (length(sso_sid) <= 255)`,
    `CREATE INDEX sessions_sso_sid_idx ON sessions (organisation_id, sso_sid) WHERE sso_sid IS NOT NULL`,
    `CREATE TABLE sso_logout_tokens (
       organisation_id uuid NOT NULL REFERENCES organisations (id),
       jti_sha256 text NOT NULL CHECK (jti_sha256 ~ '^[0-9a-f]{64}$'),
       expires_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, jti_sha256)
     )`,
    `ALTER TABLE sso_logout_tokens ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON sso_logout_tokens
       USING (organisation_id = current_organisation_id())
       WITH CHECK (organisation_id = current_organisation_id())`,
    `GRANT SELECT, INSERT, DELETE ON sso_logout_tokens TO klachtwijzer_app`,
  ],
};
