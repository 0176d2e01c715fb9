import { decodeBytes } from './charset.ts';

/**
 * The header block of a raw message, read straight from the bytes. The decisions about a message
 * (auto-reply, bounce, loop, threading) rest on a handful of headers; reading them here, with the
 * charset policy and without the parser's interpretation, keeps those decisions predictable for
 * malformed mail too.
 */
export interface HeaderField {
  /** As written by the sender, e.g. "Message-ID". */
  name: string;
  /** Lower case, for lookups. */
  key: string;
  /** Unfolded; raw 8-bit bytes decoded as UTF-8 or windows-1252; encoded words left as they are. */
  value: string;
}

// Control characters have no place in a header value; NUL would not even fit a PostgreSQL text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

// RFC 5322 field names: printable ASCII except the colon.
const FIELD = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:(.*)$/s;

/** The header fields, or null when the message does not start with a header field. */
export function readHeaderFields(raw: Uint8Array): HeaderField[] | null {
  const block = Buffer.from(raw.buffer, raw.byteOffset, headerBlockLength(raw));
  const lines = splitLines(block).map((line) => decodeBytes(line, 'utf-8').text);
  if (!FIELD.test(lines[0] ?? '')) return null;
  const fields: HeaderField[] = [];
  for (const line of lines) {
    if (/^[ \t]/.test(line) && fields.length > 0) {
      fields.at(-1)!.value += line;
      continue;
    }
    const match = FIELD.exec(line);
    // A line that is neither a field nor a continuation comes from a broken mailer: skip it.
    if (match) fields.push({ name: match[1]!, key: match[1]!.toLowerCase(), value: match[2]! });
  }
  return fields.map((field) => ({
    ...field,
    value: field.value.replace(CONTROL, '').replace(/\s+/g, ' ').trim(),
  }));
}

export function headerValues(fields: readonly HeaderField[], name: string): string[] {
  const key = name.toLowerCase();
  return fields.filter((field) => field.key === key).map((field) => field.value);
}

export function firstHeader(fields: readonly HeaderField[], name: string): string | null {
  return headerValues(fields, name)[0] ?? null;
}

/** The msg-ids in In-Reply-To, References or Message-ID, in order, each with its angle brackets. */
export function messageIdList(value: string | null): string[] {
  if (value === null) return [];
  return [...value.matchAll(/<([^<>\s]+)>/g)].map((match) => `<${match[1]}>`);
}

function headerBlockLength(raw: Uint8Array): number {
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== 0x0a) continue;
    if (raw[i + 1] === 0x0a) return i + 1;
    if (raw[i + 1] === 0x0d && raw[i + 2] === 0x0a) return i + 1;
  }
  return raw.length;
}

function splitLines(block: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= block.length; i++) {
    if (i === block.length || block[i] === 0x0a) {
      const end = i > start && block[i - 1] === 0x0d ? i - 1 : i;
      lines.push(block.subarray(start, end));
      start = i + 1;
    }
  }
  return lines;
}
