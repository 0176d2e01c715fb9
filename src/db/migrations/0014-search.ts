import type { MigrationStatements } from '../migration-statements.ts';

/**
 * Frozen in time. The work queue at scale: Dutch full-text search over a complaint and its
 * messages, indexes that walk the queue in its keyset order (nearest clock first) under the common
 * filters, and each user's saved views.
 *
 * Search: one tsvector per complaint in `complaint_search`, built with the 'dutch' configuration
 * (snowball stemming: "klachten" finds "klacht"; present on PostgreSQL 15 and PGlite alike). The
 * words come from several tables (complainant name, the complaint, intake mail, dossier messages
 * and notes), which a generated column cannot reach, so triggers rebuild a complaint's document
 * whenever one of its sources changes — blanking personal data later also empties the index. The
 * reference goes in twice, as written and with spaces for hyphens, because the parser reads
 * "KL-2026-0042" as 'kl', '-2026', '-0042' and "0042" alone would otherwise never match.
 */
const DUE_KEY = `(coalesce(next_clock_due, '9999-12-31'::date))`;
const SEARCHABLE_ITEM_KINDS = `('message_in', 'message_out', 'note')`;
/**
 * A tsvector may not exceed 1 MB, and an e-mail can carry megabytes of text; an error here would
 * abort the intake that stores the mail. So each source is cut off (300,000 characters in all stay
 * well under the limit even when every word is different); what lies beyond is rarely what anyone
 * searches for, and the dossier still holds it whole.
 */
const PART_LIMIT = 50_000;
const ITEMS_LIMIT = 150_000;

export const migration: MigrationStatements = {
  name: '0014-search',
  statements: [
    `CREATE TABLE complaint_search (
       organisation_id uuid NOT NULL,
       complaint_id uuid NOT NULL,
       document tsvector NOT NULL,
       PRIMARY KEY (organisation_id, complaint_id),
       FOREIGN KEY (organisation_id, complaint_id) REFERENCES complaints (organisation_id, id)
     )`,
    `CREATE INDEX complaint_search_document_idx ON complaint_search USING gin (document)`,

    `CREATE FUNCTION refresh_complaint_search(org uuid, complaint uuid) RETURNS void
       LANGUAGE sql VOLATILE
       AS $$
         INSERT INTO complaint_search (organisation_id, complaint_id, document)
         SELECT c.organisation_id, c.id,
                setweight(to_tsvector('dutch'::regconfig,
                  c.reference || ' ' || translate(c.reference, '-', ' ') || ' ' || p.name), 'A')
             || setweight(to_tsvector('dutch'::regconfig,
                  left(coalesce(c.product, '') || ' ' || c.description || ' ' || coalesce(c.desired_outcome, ''),
                       ${PART_LIMIT})), 'B')
             || setweight(to_tsvector('dutch'::regconfig, coalesce((
                  SELECT left(string_agg(coalesce(m.subject, '') || ' ' || left(coalesce(m.body_text, ''), ${PART_LIMIT}), ' '),
                              ${PART_LIMIT})
                  FROM intake_items m
                  WHERE m.organisation_id = c.organisation_id AND m.complaint_id = c.id), '')), 'C')
             || setweight(to_tsvector('dutch'::regconfig, coalesce((
                  SELECT left(string_agg(i.title || ' ' || left(coalesce(i.body, ''), ${PART_LIMIT}), ' '
                                         ORDER BY i.created_at, i.id),
                              ${ITEMS_LIMIT})
                  FROM dossier_items i
                  WHERE i.organisation_id = c.organisation_id AND i.complaint_id = c.id
                    AND i.kind IN ${SEARCHABLE_ITEM_KINDS}), '')), 'C')
         FROM complaints c
         JOIN complainants p ON p.organisation_id = c.organisation_id AND p.id = c.complainant_id
         WHERE c.organisation_id = org AND c.id = complaint
         ON CONFLICT (organisation_id, complaint_id) DO UPDATE SET document = excluded.document
       $$`,

    `CREATE FUNCTION complaint_search_on_complaint() RETURNS trigger
       LANGUAGE plpgsql
       AS $$
       BEGIN
         PERFORM refresh_complaint_search(NEW.organisation_id, NEW.id);
         RETURN NULL;
       END $$`,
    `CREATE TRIGGER complaint_search_complaint
       AFTER INSERT OR UPDATE OF reference, description, product, desired_outcome, complainant_id ON complaints
       FOR EACH ROW EXECUTE FUNCTION complaint_search_on_complaint()`,

    `CREATE FUNCTION complaint_search_on_complainant() RETURNS trigger
       LANGUAGE plpgsql
       AS $$
       BEGIN
         PERFORM refresh_complaint_search(c.organisation_id, c.id)
           FROM complaints c
           WHERE c.organisation_id = NEW.organisation_id AND c.complainant_id = NEW.id;
         RETURN NULL;
       END $$`,
    `CREATE TRIGGER complaint_search_complainant
       AFTER UPDATE OF name ON complainants
       FOR EACH ROW EXECUTE FUNCTION complaint_search_on_complainant()`,

    `CREATE FUNCTION complaint_search_on_dossier_item() RETURNS trigger
       LANGUAGE plpgsql
       AS $$
       BEGIN
         IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.kind IN ${SEARCHABLE_ITEM_KINDS} THEN
           PERFORM refresh_complaint_search(OLD.organisation_id, OLD.complaint_id);
         END IF;
         IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.kind IN ${SEARCHABLE_ITEM_KINDS} THEN
           PERFORM refresh_complaint_search(NEW.organisation_id, NEW.complaint_id);
         END IF;
         RETURN NULL;
       END $$`,
    `CREATE TRIGGER complaint_search_dossier_item
       AFTER INSERT OR UPDATE OF kind, title, body, complaint_id OR DELETE ON dossier_items
       FOR EACH ROW EXECUTE FUNCTION complaint_search_on_dossier_item()`,

    `CREATE FUNCTION complaint_search_on_intake_item() RETURNS trigger
       LANGUAGE plpgsql
       AS $$
       BEGIN
         IF TG_OP = 'UPDATE' AND OLD.complaint_id IS NOT NULL
            AND OLD.complaint_id IS DISTINCT FROM NEW.complaint_id THEN
           PERFORM refresh_complaint_search(OLD.organisation_id, OLD.complaint_id);
         END IF;
         IF NEW.complaint_id IS NOT NULL THEN
           PERFORM refresh_complaint_search(NEW.organisation_id, NEW.complaint_id);
         END IF;
         RETURN NULL;
       END $$`,
    `CREATE TRIGGER complaint_search_intake_item
       AFTER INSERT OR UPDATE OF complaint_id, subject, body_text ON intake_items
       FOR EACH ROW EXECUTE FUNCTION complaint_search_on_intake_item()`,

    `SELECT refresh_complaint_search(organisation_id, id) FROM complaints`,

    // The queue's keyset order is (due key, id); these keep that order under the filters that narrow
    // it most, so a page is read straight off an index. Channel and status are left to the main one:
    // few values each, and open complaints (the ones with a clock) come first in it anyway.
    // The organisation's and the handler's queue indexes come from 0011 (the same expression).
    `CREATE INDEX complaints_queue_category_idx ON complaints (organisation_id, category, ${DUE_KEY}, id)
       WHERE category IS NOT NULL`,
    `CREATE INDEX complaints_queue_liability_idx ON complaints (organisation_id, ${DUE_KEY}, id)
       WHERE liability_flag`,

    `CREATE TABLE saved_views (
       organisation_id uuid NOT NULL,
       id uuid NOT NULL,
       user_id uuid NOT NULL,
       name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
       filters jsonb NOT NULL,
       created_at timestamptz NOT NULL,
       PRIMARY KEY (organisation_id, id),
       FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id)
     )`,
    `CREATE UNIQUE INDEX saved_views_name_idx ON saved_views (organisation_id, user_id, lower(name))`,

    ...['complaint_search', 'saved_views'].flatMap((table) => [
      `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
      `CREATE POLICY tenant_isolation ON ${table}
         USING (organisation_id = current_organisation_id())
         WITH CHECK (organisation_id = current_organisation_id())`,
    ]),
    // The index is written by triggers running as the acting role; nobody deletes from it.
    `GRANT SELECT, INSERT, UPDATE ON complaint_search TO klachtwijzer_app`,
    `GRANT SELECT, INSERT, DELETE ON saved_views TO klachtwijzer_app`,
  ],
};
