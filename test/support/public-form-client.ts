import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** Drives the public complaint form over HTTP the way a browser would: multipart posts, hidden fields. */
export interface UploadFile {
  fileName: string;
  content: Buffer;
  contentType?: string;
}

export interface RequestOptions {
  remoteAddress?: string;
  headers?: Record<string, string>;
}

export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
export const EXE_BYTES = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(64, 0)]);

export function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#96;/g, '`')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function inputValue(html: string, name: string): string | undefined {
  const tag = [...html.matchAll(/<input\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(` name="${name}"`));
  const value = tag ? / value="([^"]*)"/.exec(tag) : null;
  return value ? decodeEntities(value[1]!) : undefined;
}

export function challengeOf(html: string): Challenge {
  const match = /data-pow-challenge="([^"]+)"/.exec(html);
  if (!match) throw new Error('no proof-of-work challenge on the page');
  return JSON.parse(decodeEntities(match[1]!)) as Challenge;
}

export async function solvePow(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('challenge not solved');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

export function multipartBody(
  fields: Record<string, string | readonly string[]>,
  files: readonly UploadFile[] = [],
): { body: Buffer; contentType: string } {
  const boundary = `----klachtwijzer${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const item of typeof value === 'string' ? [value] : value) {
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${item}\r\n`),
      );
    }
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${file.fileName}"\r\n` +
          `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function getPage(
  app: FastifyInstance,
  url: string,
  options: RequestOptions = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'GET',
    url,
    headers: options.headers ?? {},
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  });
}

export async function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string | readonly string[]>,
  files: readonly UploadFile[] = [],
  options: RequestOptions = {},
): Promise<LightMyRequestResponse> {
  const { body, contentType } = multipartBody(fields, files);
  return app.inject({
    method: 'POST',
    url,
    headers: { ...options.headers, 'content-type': contentType },
    payload: body,
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  });
}
