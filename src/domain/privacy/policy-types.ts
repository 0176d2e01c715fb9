/**
 * What anonymisation does to every column of every table. The list is checked against the live
 * database catalog by a test, so a new table or column cannot slip past without a decision here
 * (and in docs/privacy.md, whose table is generated from this list).
 */
export type ColumnTreatment =
  /** Stays as it is. */
  | 'keep'
  /** Replaced by ANONYMISED_TEXT; a NULL stays NULL, so "there was something" remains visible. */
  | 'marker'
  /** Set to NULL. */
  | 'null'
  /** Bytes emptied (for a NOT NULL column). */
  | 'empty_bytes'
  /** JSON replaced by {}. */
  | 'empty_object'
  /** JSON replaced by []. */
  | 'empty_array'
  /** Replaced by ANONYMISED_TEXT followed by the row's id (the column is unique). */
  | 'unique_marker'
  /**
   * Derived by the database from other tables (a search index): made again from them once they are
   * anonymised. The repository names the statement that does it for each such table.
   */
  | 'rebuilt';

export const ANONYMISED_TEXT = '[geanonimiseerd]';

export interface ColumnRule {
  treatment: ColumnTreatment;
  why: string;
}

export type TablePolicy =
  /** Rows belonging to a dossier are updated column by column. */
  | { kind: 'dossier_update'; scope: string; columns: Readonly<Record<string, ColumnRule>> }
  /** Rows belonging to a dossier are removed. */
  | { kind: 'dossier_delete'; scope: string; why: string; columns: readonly string[] }
  /** The table holds nothing about a complainant or a dossier's content; anonymisation leaves it. */
  | { kind: 'outside'; why: string; columns: readonly string[] };

export const keep = (why: string): ColumnRule => ({ treatment: 'keep', why });
export const rule = (treatment: ColumnTreatment, why: string): ColumnRule => ({ treatment, why });
