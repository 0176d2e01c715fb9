import type { FormValues } from './form-values.ts';

/**
 * What the server remembers about one attempt to file a complaint between its pages, keyed by the
 * form id of the signed form token: the files (a browser cannot refill a file field, and without
 * JavaScript there is no other way to carry them over the review step), the values the person
 * checked on the review page, and once sent, the reference — so a double submit finds it.
 *
 * Kept in memory, for 30 minutes after the last page, with a cap on the bytes held. Nothing here is
 * stored for good before Versturen, which is what the review step promises. A restart loses the
 * drafts; the review page carries the typed text along so the form can be shown again, only the files
 * must then be added again. Several processes need sticky sessions, or this store in a shared table.
 */
export interface DraftFile {
  id: string;
  fileName: string;
  content: Buffer;
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
  /** The registration after Versturen: in progress, or done with its reference (null: another process has it). */
  submission: Promise<string | null> | null;
  reference: string | null;
  expiresAt: number;
}

export interface DraftStoreOptions {
  ttlMs: number;
  /** How long a sent form is remembered, so a late double submit still finds its complaint. */
  sentTtlMs: number;
  maxBytes: number;
  maxDrafts: number;
}

export class DraftStore {
  readonly options: DraftStoreOptions;
  readonly #drafts = new Map<string, Draft>();
  #bytes = 0;

  constructor(options: DraftStoreOptions) {
    this.options = options;
  }

  get bytes(): number {
    return this.#bytes;
  }

  find(formId: string, organisationId: string, now: Date): Draft | undefined {
    const draft = this.#drafts.get(formId);
    if (!draft) return undefined;
    if (this.#expired(draft, now)) {
      this.#remove(draft);
      return undefined;
    }
    return draft.organisationId === organisationId ? draft : undefined;
  }

  /** The draft of this form, new if needed; null when the store is full. */
  open(formId: string, organisationId: string, now: Date): Draft | null {
    const existing = this.find(formId, organisationId, now);
    if (existing) {
      this.touch(existing, now);
      return existing;
    }
    if (this.#drafts.has(formId)) return null;
    this.#sweep(now);
    if (this.#drafts.size >= this.options.maxDrafts) return null;
    const draft: Draft = {
      formId,
      organisationId,
      files: [],
      reviewed: null,
      powVerified: false,
      submission: null,
      reference: null,
      expiresAt: now.getTime() + this.options.ttlMs,
    };
    this.#drafts.set(formId, draft);
    return draft;
  }

  touch(draft: Draft, now: Date): void {
    if (draft.reference === null) draft.expiresAt = now.getTime() + this.options.ttlMs;
  }

  /** Adds the files that fit; a file already there (same name and content, a double click) once. */
  addFiles(draft: Draft, files: readonly DraftFile[], now: Date): boolean {
    const fresh = files.filter(
      (file) => !draft.files.some((kept) => kept.digest === file.digest && kept.fileName === file.fileName),
    );
    const size = fresh.reduce((sum, file) => sum + file.content.length, 0);
    if (size > 0 && this.#bytes + size > this.options.maxBytes) {
      this.#sweep(now);
      if (this.#bytes + size > this.options.maxBytes) return false;
    }
    draft.files.push(...fresh);
    this.#bytes += size;
    return true;
  }

  removeFiles(draft: Draft, ids: readonly string[]): void {
    const removed = draft.files.filter((file) => ids.includes(file.id));
    draft.files = draft.files.filter((file) => !ids.includes(file.id));
    this.#bytes -= removed.reduce((sum, file) => sum + file.content.length, 0);
  }

  /** After registration only the reference stays, without personal data or files. */
  markSent(draft: Draft, reference: string, now: Date): void {
    this.removeFiles(
      draft,
      draft.files.map((file) => file.id),
    );
    draft.reviewed = null;
    draft.reference = reference;
    draft.expiresAt = now.getTime() + this.options.sentTtlMs;
  }

  #remove(draft: Draft): void {
    this.removeFiles(
      draft,
      draft.files.map((file) => file.id),
    );
    this.#drafts.delete(draft.formId);
  }

  /** A registration still running keeps its draft, however long the database takes. */
  #expired(draft: Draft, now: Date): boolean {
    const running = draft.submission !== null && draft.reference === null;
    return draft.expiresAt <= now.getTime() && !running;
  }

  #sweep(now: Date): void {
    for (const draft of this.#drafts.values()) {
      if (this.#expired(draft, now)) this.#remove(draft);
    }
  }
}
