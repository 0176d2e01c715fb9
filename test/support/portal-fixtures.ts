import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { withTenant } from '../../src/db/tenant.ts';
import { attachDocument } from '../../src/dossier/attach-document.ts';
import { newId } from '../../src/ids.ts';
import { issuePortalLink } from '../../src/portal/portal-link.ts';
import { decodeEntities, inputValue, multipartBody, type UploadFile } from './public-form-client.ts';

/** Drives the complainant portal over HTTP as a browser would: one cookie, multipart posts, CSRF fields. */
export const PORTAL_BASE_URL = 'https://klachten.example.nl';

export function pdfBytes(label: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n`);
}

export async function issueLink(
  db: Kysely<Database>,
  organisationId: string,
  complaintId: string,
  now: Date,
): Promise<{ path: string; url: string; expiresAt: Date | null }> {
  const link = await withTenant(db, organisationId, (tx) =>
    issuePortalLink(tx, { organisationId, complaintId, now, baseUrl: PORTAL_BASE_URL }),
  );
  const parsed = new URL(link.url);
  return { path: `${parsed.pathname}${parsed.search}`, url: link.url, expiresAt: link.expiresAt };
}

/**
 * A letter as the letters engineer stores it: its PDF as a dossier item of kind `letter`, and a row in
 * `letters` naming the recipient. Documents of other kinds are attached with `kind` alone.
 */
export async function storeLetter(
  db: Kysely<Database>,
  organisationId: string,
  complaintId: string,
  input: {
    fileName: string;
    content: Buffer;
    recipientKind: 'complainant' | 'employee' | 'insurer';
    letterType?: string;
    now: Date;
  },
): Promise<string> {
  return withTenant(db, organisationId, async (tx) => {
    const attached = await attachDocument(
      tx,
      organisationId,
      complaintId,
      { kind: 'system', id: null },
      null,
      {
        fileName: input.fileName,
        mediaType: 'application/pdf',
        content: input.content,
        title: input.fileName,
        kind: 'letter',
      },
      input.now,
    );
    await tx
      .insertInto('letters')
      .values({
        organisation_id: organisationId,
        id: newId(),
        complaint_id: complaintId,
        cancellation_request_id: null,
        letter_type: input.letterType ?? 'acknowledgment',
        language: 'nl',
        recipient_kind: input.recipientKind,
        recipient_name: 'Ontvanger',
        recipient_email: null,
        delivery: 'email',
        status: 'sent',
        content: JSON.stringify({}),
        document_id: attached.documentId,
        pdf_sha256: attached.sha256,
        message_id: null,
        issued_at: input.now,
        issued_by: null,
        posted_on: null,
        undeliverable_at: null,
      })
      .execute();
    return attached.documentId;
  });
}

export async function attachOtherDocument(
  db: Kysely<Database>,
  organisationId: string,
  complaintId: string,
  input: {
    fileName: string;
    content: Buffer;
    kind: 'statement' | 'insurer_correspondence' | 'attachment' | 'note';
    now: Date;
  },
): Promise<string> {
  return withTenant(db, organisationId, async (tx) => {
    const attached = await attachDocument(
      tx,
      organisationId,
      complaintId,
      { kind: 'system', id: null },
      null,
      {
        fileName: input.fileName,
        mediaType: 'application/pdf',
        content: input.content,
        title: input.fileName,
        kind: input.kind,
      },
      input.now,
    );
    return attached.documentId;
  });
}

/** One browser: keeps the portal cookie it is given, sends it back, reads CSRF tokens from pages. */
export class PortalBrowser {
  readonly app: FastifyInstance;
  readonly remoteAddress: string;
  readonly host: string;
  cookie: string | null = null;

  constructor(app: FastifyInstance, remoteAddress: string, host = 'localhost') {
    this.app = app;
    this.remoteAddress = remoteAddress;
    this.host = host;
  }

  #take(response: LightMyRequestResponse): LightMyRequestResponse {
    const header = response.headers['set-cookie'];
    for (const line of Array.isArray(header) ? header : header ? [header] : []) {
      const [pair] = line.split(';');
      const [, value] = (pair ?? '').split('=');
      this.cookie = value && !/Expires=Thu, 01 Jan 1970/i.test(line) ? (pair ?? null) : null;
    }
    return response;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.#take(
      await this.app.inject({
        method: 'GET',
        url,
        remoteAddress: this.remoteAddress,
        headers: { host: this.host, ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      }),
    );
  }

  async post(
    url: string,
    fields: Record<string, string>,
    files: readonly UploadFile[] = [],
  ): Promise<LightMyRequestResponse> {
    const { body, contentType } = multipartBody(fields, files);
    return this.#take(
      await this.app.inject({
        method: 'POST',
        url,
        remoteAddress: this.remoteAddress,
        headers: {
          host: this.host,
          'content-type': contentType,
          ...(this.cookie ? { cookie: this.cookie } : {}),
        },
        payload: body,
      }),
    );
  }

  /** Posts a form found on the page at `pageUrl`, with that page's CSRF token. */
  async submit(
    pageUrl: string,
    action: string,
    fields: Record<string, string> = {},
    files: readonly UploadFile[] = [],
  ): Promise<LightMyRequestResponse> {
    const page = await this.get(pageUrl);
    const csrf = inputValue(page.body, 'csrf');
    if (!csrf) throw new Error(`no CSRF token on ${pageUrl} (status ${page.statusCode})`);
    return this.post(action, { csrf, ...fields }, files);
  }
}

/** The page's visible text, roughly: tags dropped, entities decoded, whitespace collapsed. */
export function pageText(html: string): string {
  return decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
}
