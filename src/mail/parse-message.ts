import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { simpleParser, type AddressObject, type EmailAddress, type StructuredHeader } from 'mailparser';
import { displayFileName } from '../domain/file-name.ts';
import { detectMediaType } from '../domain/media-type.ts';
import { normaliseLine, normaliseText } from '../text.ts';
import { decodeBytes } from './charset.ts';
import { decodeEncodedWords } from './encoded-words.ts';
import {
  firstHeader,
  headerValues,
  messageIdList,
  readHeaderFields,
  type HeaderField,
} from './header-fields.ts';
import type { MailAddress } from './mail-address.ts';
import { DEFAULT_HTML_BUDGET, sanitiseHtml, type HtmlBudget, type HtmlRefusal } from './html-sanitiser.ts';

/**
 * Raw bytes of one incoming mail → one normalised message. Never throws on what a sender can
 * send: input that cannot be read gives a typed failure, so the caller keeps the raw bytes in
 * quarantine and the inbox keeps moving.
 */
export interface IncomingAttachment {
  /** For display only: files are stored under internal ids. */
  fileName: string;
  /** What the sender claimed. */
  declaredContentType: string;
  /** What the first bytes say. */
  mediaType: string;
  contentId: string | null;
  inline: boolean;
  size: number;
  /** Hex SHA-256 of the decoded content. */
  sha256: string;
  content: Buffer;
}

/** The headers that decide whether a message is automatic, in their first occurrence. */
export interface AutomationHeaders {
  autoSubmitted: string | null;
  precedence: string | null;
  xAutoResponseSuppress: string | null;
  listId: string | null;
  returnPath: string | null;
  xLoop: string[];
}

export interface IncomingMessage {
  /** The Message-ID with angle brackets, or `sha256:<hex>` of the raw bytes when there is none. */
  messageId: string;
  messageIdSource: 'header' | 'hash';
  rawSha256: string;
  rawSize: number;
  from: MailAddress | null;
  sender: MailAddress | null;
  replyTo: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  /**
   * The sender's own Date header, as written. Informational: the moment of receipt is the IMAP
   * INTERNALDATE or our clock, never this.
   */
  dateHeader: string | null;
  text: string;
  /** Sanitised; null when the message has no HTML or it was refused (see `htmlRefused`). */
  html: string | null;
  htmlRefused: HtmlRefusal | null;
  /** The top-level media type, lower case, e.g. "multipart/report". */
  contentType: string;
  /** The report-type parameter of a multipart/report. */
  reportType: string | null;
  attachments: IncomingAttachment[];
  inReplyTo: string[];
  references: string[];
  headers: AutomationHeaders;
  /**
   * Every header field as sent. Fields named like our own (X-Klachtwijzer-*) are the sender's
   * word only: nothing may trust them except through a signature check.
   */
  headerFields: HeaderField[];
}

export type ParseFailureReason = 'empty' | 'too_large' | 'no_header' | 'malformed';

export type ParsedMessage =
  | { ok: true; message: IncomingMessage }
  | { ok: false; reason: ParseFailureReason; detail: string; rawSha256: string; rawSize: number };

export interface ParseOptions {
  /** Larger messages are not parsed at all. */
  maxBytes: number;
  htmlBudget?: HtmlBudget;
}

const MAX_MESSAGE_ID_LENGTH = 998;
// PostgreSQL text cannot hold NUL, and other control characters only hide things from readers.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export async function parseMessage(raw: Uint8Array, options: ParseOptions): Promise<ParsedMessage> {
  const rawSha256 = sha256(raw);
  const failure = (reason: ParseFailureReason, detail: string): ParsedMessage => ({
    ok: false,
    reason,
    detail,
    rawSha256,
    rawSize: raw.length,
  });

  if (raw.length === 0) return failure('empty', 'the message has no bytes');
  if (raw.length > options.maxBytes) {
    return failure('too_large', `${raw.length} bytes, the limit is ${options.maxBytes}`);
  }
  const fields = readHeaderFields(raw);
  if (fields === null) return failure('no_header', 'the message does not start with a header field');

  try {
    return {
      ok: true,
      message: await readMessage(raw, rawSha256, fields, options.htmlBudget ?? DEFAULT_HTML_BUDGET),
    };
  } catch (error) {
    // The parser's own limits (nesting, part count) end up here, and so would any surprise of ours:
    // one unreadable mail must not stop the inbox.
    return failure('malformed', error instanceof Error ? error.message : String(error));
  }
}

async function readMessage(
  raw: Uint8Array,
  rawSha256: string,
  fields: HeaderField[],
  budget: HtmlBudget,
): Promise<IncomingMessage> {
  const parsed = await simpleParser(Buffer.from(raw.buffer, raw.byteOffset, raw.length), {
    Iconv: CharsetPolicyDecoder,
    keepCidLinks: true,
    keepDeliveryStatus: true,
    checksumAlgo: false,
    maxHtmlLengthToParse: budget.maxLength,
    skipImageLinks: true,
    skipTextToHtml: true,
    skipTextLinks: true,
  });

  const headerMessageId = messageIdFrom(firstHeader(fields, 'message-id'));
  let html: string | null = null;
  let htmlRefused: HtmlRefusal | null = null;
  if (typeof parsed.html === 'string' && parsed.html !== '') {
    const sanitised = sanitiseHtml(parsed.html, budget);
    if (sanitised.ok) html = withoutControls(sanitised.html);
    else htmlRefused = sanitised.reason;
  }
  const contentType = parsed.headers.get('content-type') as StructuredHeader | undefined;

  return {
    messageId: headerMessageId ?? `sha256:${rawSha256}`,
    messageIdSource: headerMessageId === null ? 'hash' : 'header',
    rawSha256,
    rawSize: raw.length,
    from: addresses(parsed.from)[0] ?? null,
    sender: addresses(parsed.headers.get('sender') as AddressObject | undefined)[0] ?? null,
    replyTo: addresses(parsed.replyTo),
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: normaliseLine(decodeEncodedWords(firstHeader(fields, 'subject') ?? '')),
    dateHeader: firstHeader(fields, 'date'),
    text: normaliseText(parsed.text ?? ''),
    html,
    htmlRefused,
    contentType: withoutControls(contentType?.value ?? 'text/plain').toLowerCase(),
    reportType: withoutControls(contentType?.params['report-type'] ?? '').toLowerCase() || null,
    attachments: parsed.attachments.map((attachment) => ({
      fileName: displayFileName(attachment.filename ?? '', fallbackFileName(attachment.contentType)),
      declaredContentType: attachment.contentType.toLowerCase(),
      mediaType: detectMediaType(attachment.content),
      contentId: attachment.contentId === undefined ? null : withoutControls(attachment.contentId),
      inline: attachment.contentDisposition === 'inline',
      size: attachment.content.length,
      sha256: sha256(attachment.content),
      content: attachment.content,
    })),
    inReplyTo: messageIdList(firstHeader(fields, 'in-reply-to')),
    references: headerValues(fields, 'references').flatMap((value) => messageIdList(value)),
    headers: {
      autoSubmitted: firstHeader(fields, 'auto-submitted'),
      precedence: firstHeader(fields, 'precedence'),
      xAutoResponseSuppress: firstHeader(fields, 'x-auto-response-suppress'),
      listId: firstHeader(fields, 'list-id'),
      returnPath: firstHeader(fields, 'return-path'),
      xLoop: headerValues(fields, 'x-loop'),
    },
    headerFields: fields,
  };
}

function withoutControls(value: string): string {
  return value.replace(CONTROL, '');
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function messageIdFrom(value: string | null): string | null {
  if (value === null) return null;
  // Some mailers leave out the angle brackets; the id is still theirs.
  const id = messageIdList(value)[0] ?? (/^[^\s<>]+@[^\s<>]+$/.test(value) ? `<${value}>` : null);
  return id !== null && id.length <= MAX_MESSAGE_ID_LENGTH ? id : null;
}

function addresses(header: AddressObject | AddressObject[] | undefined): MailAddress[] {
  if (header === undefined) return [];
  const objects = Array.isArray(header) ? header : [header];
  const flat = (list: EmailAddress[]): EmailAddress[] =>
    list.flatMap((entry) => (entry.group ? flat(entry.group) : [entry]));
  return objects
    .flatMap((object) => flat(object.value))
    .filter((entry) => entry.address !== undefined && entry.address.trim() !== '')
    .map((entry) => ({ address: withoutControls(entry.address!).trim(), name: normaliseLine(entry.name) }));
}

function fallbackFileName(contentType: string): string {
  switch (contentType.toLowerCase()) {
    case 'message/rfc822':
    case 'message/global':
      return 'bericht.eml';
    case 'message/delivery-status':
    case 'message/global-delivery-status':
      return 'bezorgrapport.txt';
    case 'text/rfc822-headers':
    case 'message/global-headers':
      return 'kopregels.txt';
    default:
      return 'bijlage';
  }
}

/**
 * mailparser decodes body parts through an Iconv-compatible stream when given one; this one applies
 * the charset policy of ./charset.ts. It sees the whole part, which the size limit keeps bounded.
 */
class CharsetPolicyDecoder extends Transform {
  readonly #charset: string;
  readonly #chunks: Buffer[] = [];

  constructor(fromCharset: string) {
    super();
    this.#charset = fromCharset;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#chunks.push(chunk);
    done();
  }

  override _flush(done: TransformCallback): void {
    done(null, Buffer.from(decodeBytes(Buffer.concat(this.#chunks), this.#charset).text, 'utf8'));
  }
}
