import type { MigrationStatements } from '../migration-statements.ts';

/**
 * Frozen in time. The public form's drafts move from one process's memory into the database, so
 * the review ("Controleren") on one app process and "Versturen" on another find the same files and
 * values behind a load balancer without session affinity (docs/scaling.md).
 *
 * `public_form_drafts`: one row per attempt to file a complaint, keyed by organisation and the form
 * id of the signed form token (128 random bits; only someone holding the signed token can name it).
 * `reviewed` holds the values the person checked on the review page (personal data), `reference`
 * the complaint once sent: then `reviewed` is emptied and the files are deleted in the registering
 * transaction, so a sent draft holds only the reference for a late double submit. `expires_at` is
 * 30 minutes after the last page (4 hours after sending); a job deletes rows past it, with their files.
 *
 * `public_form_draft_files`: the files uploaded before "Versturen", bytes in the row (at most the
 * form's attachment limits per draft; an installation-wide cap on live draft bytes stays in the code).
 *
 * Tenant tables like any other: organisation_id first in every key, row-level security.
 */
export const migration: MigrationStatements = {
  name: '0019-public-form-drafts',
  statements: [
    `CREATE TABLE public_form_drafts (
       organisation_id uuid NOT NULL REFERENCES organisations (id),
       form_id text NOT NULL CHECK (form_id ~ '^[0-9a-f]{32}$'),
       reviewed jsonb,
       pow_verified boolean NOT NULL DEFAULT false,
       reference text CHECK (length(reference) BETWEEN 1 AND 100),
       expires_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, form_id),
       CHECK (reference IS NULL OR reviewed IS NULL)
     )`,
    `CREATE INDEX public_form_drafts_expiry_idx ON public_form_drafts (expires_at)`,
    `CREATE TABLE public_form_draft_files (
       organisation_id uuid NOT NULL,
       form_id text NOT NULL,
       id text NOT NULL CHECK (id ~ '^[0-9a-f]{16}$'),
       position integer NOT NULL CHECK (position >= 0),
       file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 500),
       content bytea NOT NULL,
       size integer NOT NULL CHECK (size = octet_length(content)),
       sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
       PRIMARY KEY (organisation_id, form_id, id),
       FOREIGN KEY (organisation_id, form_id)
         REFERENCES public_form_drafts (organisation_id, form_id) ON DELETE CASCADE
     )`,
    `ALTER TABLE public_form_drafts ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON public_form_drafts
       USING (organisation_id = current_organisation_id())
       WITH CHECK (organisation_id = current_organisation_id())`,
    `ALTER TABLE public_form_draft_files ENABLE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON public_form_draft_files
       USING (organisation_id = current_organisation_id())
       WITH CHECK (organisation_id = current_organisation_id())`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON public_form_drafts TO klachtwijzer_app`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON public_form_draft_files TO klachtwijzer_app`,
  ],
};
