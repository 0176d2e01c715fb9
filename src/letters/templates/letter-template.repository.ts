import type { Tx } from '../../db/tenant.ts';
import type { LetterLanguage, LetterType } from '../../domain/letters/letter-types.ts';
import type { LetterTemplateOverride } from '../../domain/letters/template-model.ts';

export interface StoredTemplateOverride {
  letterType: string;
  language: LetterLanguage;
  override: LetterTemplateOverride;
  updatedAt: Date;
  updatedBy: string | null;
}

function toStored(row: {
  letter_type: string;
  language: LetterLanguage;
  blocks: unknown;
  updated_at: Date | string;
  updated_by: string | null;
}): StoredTemplateOverride {
  return {
    letterType: row.letter_type,
    language: row.language,
    override: row.blocks as LetterTemplateOverride,
    updatedAt: new Date(row.updated_at),
    updatedBy: row.updated_by,
  };
}

export async function findTemplateOverride(
  tx: Tx,
  organisationId: string,
  type: LetterType,
  language: LetterLanguage,
): Promise<StoredTemplateOverride | undefined> {
  const row = await tx
    .selectFrom('letter_templates')
    .select(['letter_type', 'language', 'blocks', 'updated_at', 'updated_by'])
    .where('organisation_id', '=', organisationId)
    .where('letter_type', '=', type)
    .where('language', '=', language)
    .executeTakeFirst();
  return row ? toStored(row) : undefined;
}

export async function listTemplateOverrides(
  tx: Tx,
  organisationId: string,
): Promise<StoredTemplateOverride[]> {
  const rows = await tx
    .selectFrom('letter_templates')
    .select(['letter_type', 'language', 'blocks', 'updated_at', 'updated_by'])
    .where('organisation_id', '=', organisationId)
    .execute();
  return rows.map(toStored);
}

export async function upsertTemplateOverride(
  tx: Tx,
  organisationId: string,
  type: LetterType,
  language: LetterLanguage,
  override: LetterTemplateOverride,
  by: string | null,
  now: Date,
): Promise<void> {
  const blocks = JSON.stringify(override);
  await tx
    .insertInto('letter_templates')
    .values({
      organisation_id: organisationId,
      letter_type: type,
      language,
      blocks,
      updated_at: now,
      updated_by: by,
    })
    .onConflict((oc) =>
      oc
        .columns(['organisation_id', 'letter_type', 'language'])
        .doUpdateSet({ blocks, updated_at: now, updated_by: by }),
    )
    .execute();
}

export async function deleteTemplateOverride(
  tx: Tx,
  organisationId: string,
  type: LetterType,
  language: LetterLanguage,
): Promise<boolean> {
  const result = await tx
    .deleteFrom('letter_templates')
    .where('organisation_id', '=', organisationId)
    .where('letter_type', '=', type)
    .where('language', '=', language)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface TemplateChange {
  id: string;
  letterType: string;
  language: LetterLanguage;
  change: 'saved' | 'reset';
  template: LetterTemplateOverride | null;
  templateSha256: string | null;
  changedBy: string | null;
  changedAt: Date;
}

/** A change as listed: with the name of who made it, so the history reads without a user lookup. */
export interface ListedTemplateChange extends TemplateChange {
  changedByName: string | null;
}

export async function insertTemplateChange(
  tx: Tx,
  organisationId: string,
  change: TemplateChange,
): Promise<void> {
  await tx
    .insertInto('letter_template_changes')
    .values({
      organisation_id: organisationId,
      id: change.id,
      letter_type: change.letterType,
      language: change.language,
      change: change.change,
      template: change.template === null ? null : JSON.stringify(change.template),
      template_sha256: change.templateSha256,
      changed_by: change.changedBy,
      changed_at: change.changedAt,
    })
    .execute();
}

export async function listTemplateChanges(
  tx: Tx,
  organisationId: string,
  filter: { type?: LetterType; language?: LetterLanguage; id?: string; limit: number },
): Promise<ListedTemplateChange[]> {
  let query = tx
    .selectFrom('letter_template_changes as c')
    .leftJoin('users as u', (join) =>
      join.onRef('u.organisation_id', '=', 'c.organisation_id').onRef('u.id', '=', 'c.changed_by'),
    )
    .selectAll('c')
    .select('u.display_name')
    .where('c.organisation_id', '=', organisationId);
  if (filter.type) query = query.where('c.letter_type', '=', filter.type);
  if (filter.language) query = query.where('c.language', '=', filter.language);
  if (filter.id) query = query.where('c.id', '=', filter.id);
  const rows = await query
    .orderBy('c.changed_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    letterType: row.letter_type,
    language: row.language,
    change: row.change,
    template: row.template === null ? null : (row.template as LetterTemplateOverride),
    templateSha256: row.template_sha256,
    changedBy: row.changed_by,
    changedByName: row.display_name,
    changedAt: new Date(row.changed_at),
  }));
}
