import type { MigrationStatements } from '../migration-statements.ts';

/**
 * Frozen in time. The complainant portal: the personal links handed out in letters, the sessions
 * they open, and the one-time codes that let someone back in after the link's single use. Only
 * SHA-256 digests of link and session secrets are stored, and codes only as an HMAC keyed with the
 * secret of the browser session that asked for them, so a copy of these tables opens nothing and
 * cannot be brute-forced into codes.
 *
 * The complaint also keeps how the complainant would like to hear our position (R7: preferably in
 * a personal conversation, otherwise in writing).
 */
const NEW_TENANT_TABLES = ['portal_tokens', 'portal_sessions', 'portal_codes'];

export const migration: MigrationStatements = {
  name: '0007-portal',
  statements: [
    `ALTER TABLE complaints
       ADD COLUMN decision_preference text CHECK (decision_preference IN ('meeting', 'letter')),
       ADD COLUMN decision_preference_at timestamptz`,

    `CREATE TABLE portal_tokens (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       complaint_id uuid NOT NULL,
       secret_sha256 text NOT NULL CHECK (secret_sha256 ~ '^[0-9a-f]{64}$'),
       created_at timestamptz NOT NULL,
       first_used_at timestamptz,
       revoked_at timestamptz,
       PRIMARY KEY (organisation_id, id),
       UNIQUE (organisation_id, secret_sha256),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id)
     )`,
    `CREATE INDEX portal_tokens_complaint_idx ON portal_tokens (organisation_id, complaint_id)`,

    `CREATE TABLE portal_sessions (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       token_id uuid NOT NULL,
       complaint_id uuid NOT NULL,
       secret_sha256 text NOT NULL CHECK (secret_sha256 ~ '^[0-9a-f]{64}$'),
       stage text NOT NULL CHECK (stage IN ('code', 'active')),
       created_at timestamptz NOT NULL,
       last_seen_at timestamptz NOT NULL,
       expires_at timestamptz NOT NULL,
       ended_at timestamptz,
       PRIMARY KEY (organisation_id, id),
       UNIQUE (organisation_id, secret_sha256),
       FOREIGN KEY (organisation_id, token_id) REFERENCES portal_tokens (organisation_id, id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id)
     )`,
    `CREATE INDEX portal_sessions_complaint_idx ON portal_sessions (organisation_id, complaint_id)`,

    `CREATE TABLE portal_codes (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       session_id uuid NOT NULL,
       complaint_id uuid NOT NULL,
       code_hmac text NOT NULL CHECK (code_hmac ~ '^[0-9a-f]{64}$'),
       created_at timestamptz NOT NULL,
       expires_at timestamptz NOT NULL,
       attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
       used_at timestamptz,
       PRIMARY KEY (organisation_id, id),
       FOREIGN KEY (organisation_id, session_id) REFERENCES portal_sessions (organisation_id, id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id)
     )`,
    `CREATE INDEX portal_codes_session_idx ON portal_codes (organisation_id, session_id, created_at)`,
    `CREATE INDEX portal_codes_complaint_idx ON portal_codes (organisation_id, complaint_id, created_at)`,

    ...NEW_TENANT_TABLES.flatMap((table) => [
      `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
      `CREATE POLICY tenant_isolation ON ${table}
         USING (organisation_id = current_organisation_id())
         WITH CHECK (organisation_id = current_organisation_id())`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO klachtwijzer_app`,
    ]),
  ],
};
