import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { withTenant, type Tx } from '../db/tenant.ts';
import type { FormValues } from './form-values.ts';

/**
 * What the server remembers about one attempt to file a complaint between its pages, keyed by the
 * organisation and the form id of the signed form token: the files (a browser cannot refill a file
 * field, and without JavaScript there is no other way to carry them over the review step), the
 * values the person checked on the review page, and once sent, the reference — so a double submit
 * finds it.
 *
 * In the database (migration 0019), so any app process can serve any page: the review on one and
 * "Versturen" on another. 30 minutes after the last page a draft is expired: it is no longer found,
 * and the `purge-expired-limits` job deletes it with its files. Nothing here is kept for good before
 * Versturen, which is what the review step promises; registering empties the draft to its reference
 * in the same transaction. An installation-wide cap on live drafts and their bytes keeps a flood of
 * uploads from filling the disk (the form's own limits apply per draft).
 */
export interface DraftFile {
  id: string;
  fileName: string;
  size: number;
  digest: string;
}

export interface Draft {
  formId: string;
  organisationId: string;
  files: DraftFile[];
  /** The values shown on the review page; only these are ever registered. */
  reviewed: FormValues | null;
  /** Whether a browser solved the proof-of-work for this form (else the stricter no-JS limit applies). */
  powVerified: boolean;
  /** The complaint's reference once sent. */
  reference: string | null;
}

export interface DraftStoreOptions {
  ttlMs: number;
  /** How long a sent form is remembered, so a late double submit still finds its complaint. */
  sentTtlMs: number;
  maxBytes: number;
  maxDrafts: number;
}

/** What the review step hands over: files to drop and to add, the checked values (null: errors). */
export interface DraftChange {
  powVerified: boolean;
  remove: readonly string[];
  add: ReadonlyArray<{ fileName: string; content: Buffer }>;
  reviewed: FormValues | null;
}

export type SaveOutcome = { kind: 'saved'; draft: Draft; filesKept: boolean } | { kind: 'full' };

export class DraftStore {
  readonly options: DraftStoreOptions;
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>, options: DraftStoreOptions) {
    this.#db = db;
    this.options = options;
  }

  /** The live draft of this form, or undefined (never made, expired, or another organisation's). */
  async find(formId: string, organisationId: string, now: Date): Promise<Draft | undefined> {
    return withTenant(this.#db, organisationId, (tx) => readDraft(tx, organisationId, formId, now));
  }

  /**
   * The review step's changes in one transaction: the draft made or renewed for another 30 minutes,
   * files removed and added (a file already there with the same name and content, a double click,
   * once), the checked values stored (none when files were refused). 'full' when the installation holds as many drafts as it may.
   */
  async save(formId: string, organisationId: string, change: DraftChange, now: Date): Promise<SaveOutcome> {
    const adding = change.add.reduce((sum, file) => sum + file.content.length, 0);
    const live = await this.#live(now);
    const expiresAt = new Date(now.getTime() + this.options.ttlMs);
    const filesKept = adding === 0 || live.bytes + adding <= this.options.maxBytes;
    // Files refused by the cap send the form back with an error, so nothing counts as checked.
    const checked = filesKept ? change.reviewed : null;
    const reviewed = checked === null ? null : JSON.stringify(checked);
    return withTenant(this.#db, organisationId, async (tx) => {
      const existing = await readDraft(tx, organisationId, formId, now);
      if (!existing) {
        if (live.drafts >= this.options.maxDrafts) return { kind: 'full' } as const;
        // An expired row not yet purged is replaced, its files with it.
        await tx
          .deleteFrom('public_form_drafts')
          .where('organisation_id', '=', organisationId)
          .where('form_id', '=', formId)
          .execute();
      }
      await tx
        .insertInto('public_form_drafts')
        .values({
          organisation_id: organisationId,
          form_id: formId,
          reviewed,
          pow_verified: change.powVerified,
          expires_at: expiresAt,
        })
        .onConflict((oc) =>
          oc.columns(['organisation_id', 'form_id']).doUpdateSet({
            reviewed,
            pow_verified: sql<boolean>`public_form_drafts.pow_verified OR excluded.pow_verified`,
            expires_at: expiresAt,
          }),
        )
        .execute();
      const kept = (existing?.files ?? []).filter((file) => !change.remove.includes(file.id));
      if (change.remove.length > 0) {
        await tx
          .deleteFrom('public_form_draft_files')
          .where('organisation_id', '=', organisationId)
          .where('form_id', '=', formId)
          .where('id', 'in', [...change.remove])
          .execute();
      }
      const fresh = change.add
        .map((file) => ({ ...file, digest: createHash('sha256').update(file.content).digest('hex') }))
        .filter(
          (file, index, all) =>
            !kept.some((k) => k.digest === file.digest && k.fileName === file.fileName) &&
            all.findIndex((o) => o.digest === file.digest && o.fileName === file.fileName) === index,
        );
      if (filesKept && fresh.length > 0) {
        const { top } = await tx
          .selectFrom('public_form_draft_files')
          .select(sql<number>`coalesce(max(position), -1)::int`.as('top'))
          .where('organisation_id', '=', organisationId)
          .where('form_id', '=', formId)
          .executeTakeFirstOrThrow();
        const start = top + 1;
        const rows = fresh.map((file, index) => ({
          organisation_id: organisationId,
          form_id: formId,
          id: randomBytes(8).toString('hex'),
          position: start + index,
          file_name: file.fileName,
          content: file.content,
          size: file.content.length,
          sha256: file.digest,
        }));
        // One file per statement: a 25 MB parameter is enough for one round trip.
        for (const row of rows) await tx.insertInto('public_form_draft_files').values(row).execute();
        kept.push(
          ...rows.map((row) => ({ id: row.id, fileName: row.file_name, size: row.size, digest: row.sha256 })),
        );
      }
      const draft: Draft = {
        formId,
        organisationId,
        files: kept,
        reviewed: checked,
        powVerified: change.powVerified || (existing?.powVerified ?? false),
        reference: null,
      };
      return { kind: 'saved', draft, filesKept };
    });
  }

  /** The bytes of the draft's files, in the order they were added, for registration. */
  async contents(draft: Draft): Promise<Array<{ fileName: string; content: Buffer }>> {
    const rows = await withTenant(this.#db, draft.organisationId, (tx) =>
      tx
        .selectFrom('public_form_draft_files')
        .select(['file_name', 'content'])
        .where('organisation_id', '=', draft.organisationId)
        .where('form_id', '=', draft.formId)
        .orderBy('position')
        .orderBy('id')
        .execute(),
    );
    return rows.map((row) => ({ fileName: row.file_name, content: Buffer.from(row.content) }));
  }

  /**
   * Within the registering transaction: only the reference stays, without personal data or files.
   * An upsert, so a draft purged while the registration ran is remembered as sent all the same.
   */
  async markSent(
    tx: Tx,
    organisationId: string,
    formId: string,
    reference: string,
    now: Date,
  ): Promise<void> {
    await tx
      .deleteFrom('public_form_draft_files')
      .where('organisation_id', '=', organisationId)
      .where('form_id', '=', formId)
      .execute();
    const expiresAt = new Date(now.getTime() + this.options.sentTtlMs);
    await tx
      .insertInto('public_form_drafts')
      .values({
        organisation_id: organisationId,
        form_id: formId,
        reviewed: null,
        pow_verified: false,
        reference,
        expires_at: expiresAt,
      })
      .onConflict((oc) =>
        oc
          .columns(['organisation_id', 'form_id'])
          .doUpdateSet({ reviewed: null, reference, expires_at: expiresAt }),
      )
      .execute();
  }

  /** Live drafts and their bytes over every organisation (the cap is the installation's disk). */
  async #live(now: Date): Promise<{ drafts: number; bytes: number }> {
    const { rows } = await sql<{ drafts: number; bytes: string | number }>`
      SELECT (SELECT count(*)::int FROM public_form_drafts WHERE expires_at > ${now}) AS drafts,
             (SELECT coalesce(sum(f.size), 0)::bigint FROM public_form_draft_files f
                JOIN public_form_drafts d USING (organisation_id, form_id)
               WHERE d.expires_at > ${now}) AS bytes`.execute(this.#db);
    return { drafts: rows[0]?.drafts ?? 0, bytes: Number(rows[0]?.bytes ?? 0) };
  }
}

async function readDraft(
  tx: Tx,
  organisationId: string,
  formId: string,
  now: Date,
): Promise<Draft | undefined> {
  const row = await tx
    .selectFrom('public_form_drafts')
    .select(['reviewed', 'pow_verified', 'reference'])
    .where('organisation_id', '=', organisationId)
    .where('form_id', '=', formId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  const files = await tx
    .selectFrom('public_form_draft_files')
    .select(['id', 'file_name', 'size', 'sha256'])
    .where('organisation_id', '=', organisationId)
    .where('form_id', '=', formId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return {
    formId,
    organisationId,
    files: files.map((file) => ({
      id: file.id,
      fileName: file.file_name,
      size: file.size,
      digest: file.sha256,
    })),
    reviewed: (row.reviewed as FormValues | null) ?? null,
    powVerified: row.pow_verified,
    reference: row.reference,
  };
}

/** Drafts past their expiry, with their files (the foreign key cascades). */
export async function purgeExpiredDrafts(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('public_form_drafts').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
