import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { AttachmentLimits } from '../domain/attachment-policy.ts';

/**
 * Reads a posted form (multipart) as a stream. Files are kept in memory only up to the limits of the
 * complaint service: a file over the per-file limit is cut off by the parser and the rest of it is
 * read and thrown away (so the fields after it still arrive and nothing typed is lost), as is any
 * file beyond the count or total. The request as a whole has a hard ceiling checked before reading.
 */
export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

export type UploadProblem =
  { kind: 'file_too_large'; fileName: string } | { kind: 'too_many_files' } | { kind: 'files_too_large' };

export interface Submission {
  fields: ReadonlyMap<string, readonly string[]>;
  /** Fields whose value was longer than the parser keeps. */
  truncated: ReadonlySet<string>;
  files: UploadedFile[];
  uploadProblems: UploadProblem[];
}

/** The post could not be read as a form (cut off, malformed, a flood of parts): a 4xx, never our fault. */
export class UnreadableFormError extends Error {
  override name = 'UnreadableFormError';
  readonly statusCode: number;

  constructor(cause: unknown) {
    super('the posted form could not be read', { cause });
    const status = (cause as { statusCode?: unknown } | null)?.statusCode;
    this.statusCode = typeof status === 'number' && status >= 400 && status < 500 ? status : 400;
  }
}

export const FILE_FIELD = 'attachments';
/** Far above any honest complaint text, far below anything that hurts. */
export const MAX_FIELD_BYTES = 256 * 1024;

/** The busboy limits of the form's multipart parser. */
export function multipartLimits(limits: AttachmentLimits) {
  return {
    fieldNameSize: 100,
    fieldSize: MAX_FIELD_BYTES,
    fields: 60,
    fileSize: limits.maxFileBytes,
    // Files beyond maxFiles are drained and reported; this only stops a flood of parts.
    files: limits.maxFiles + 20,
    parts: 120,
    headerPairs: 50,
  };
}

/** The whole request may not exceed this: twice the total of the files, plus room for the text. */
export function requestCeiling(limits: AttachmentLimits): number {
  return limits.maxTotalBytes * 2 + 2 * 1024 * 1024;
}

/** Read and drop: the parser only moves on to the next part once this one is consumed. */
async function drain(stream: Readable): Promise<void> {
  stream.resume();
  await finished(stream);
}

export async function readSubmission(request: FastifyRequest, limits: AttachmentLimits): Promise<Submission> {
  try {
    return await readParts(request, limits);
  } catch (error) {
    throw new UnreadableFormError(error);
  }
}

async function readParts(request: FastifyRequest, limits: AttachmentLimits): Promise<Submission> {
  const fields = new Map<string, string[]>();
  const truncated = new Set<string>();
  const files: UploadedFile[] = [];
  const uploadProblems: UploadProblem[] = [];
  let keptBytes = 0;
  const report = (problem: UploadProblem): void => {
    if (!uploadProblems.some((p) => p.kind === problem.kind && problem.kind !== 'file_too_large')) {
      uploadProblems.push(problem);
    }
  };

  for await (const part of request.parts()) {
    if (part.type === 'field') {
      const value = typeof part.value === 'string' ? part.value : '';
      if (part.valueTruncated) truncated.add(part.fieldname);
      const values = fields.get(part.fieldname) ?? [];
      values.push(value);
      fields.set(part.fieldname, values);
      continue;
    }
    // An empty file field (nothing chosen) arrives as a part without a name.
    if (part.fieldname !== FILE_FIELD || part.filename === '') {
      await drain(part.file);
      continue;
    }
    if (files.length >= limits.maxFiles) {
      report({ kind: 'too_many_files' });
      await drain(part.file);
      continue;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let overTotal = false;
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (keptBytes + size > limits.maxTotalBytes) overTotal = true;
      if (!overTotal) chunks.push(chunk);
    }
    if (part.file.truncated) {
      uploadProblems.push({ kind: 'file_too_large', fileName: part.filename });
    } else if (overTotal) {
      report({ kind: 'files_too_large' });
    } else {
      files.push({ fileName: part.filename, content: Buffer.concat(chunks, size) });
      keptBytes += size;
    }
  }
  return { fields, truncated, files, uploadProblems };
}
