import { decodeBytes } from './charset.ts';

/**
 * RFC 2047 encoded words in unstructured headers (Subject). Decoded here rather than by the parser
 * so a subject gets the same charset policy as the body: an unknown or wrong charset label in one
 * word does not turn the rest into replacement characters. Adjacent words in the same charset are
 * joined before decoding, because senders split multi-byte characters across words.
 */
const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

type Piece = { charset: null; text: string } | { charset: string; bytes: Uint8Array };

export function decodeEncodedWords(value: string): string {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(last, match.index);
    const previous = pieces.at(-1);
    // Whitespace between two encoded words is folding, not content (RFC 2047 §6.2).
    const folding = previous !== undefined && previous.charset !== null && /^[ \t\r\n]*$/.test(between);
    if (!folding && between !== '') pieces.push({ charset: null, text: between });
    // RFC 2231 allows a language after the charset: =?UTF-8*nl?Q?...?=
    const charset = match[1]!.split('*')[0]!.toLowerCase();
    const bytes = decodeWordBytes(match[2]!, match[3]!);
    const tail = pieces.at(-1);
    if (tail !== undefined && tail.charset === charset) {
      tail.bytes = Buffer.concat([tail.bytes, bytes]);
    } else {
      pieces.push({ charset, bytes });
    }
    last = match.index + match[0].length;
  }
  if (pieces.length === 0) return value;
  if (last < value.length) pieces.push({ charset: null, text: value.slice(last) });
  return pieces
    .map((piece) => (piece.charset === null ? piece.text : decodeBytes(piece.bytes, piece.charset).text))
    .join('');
}

function decodeWordBytes(encoding: string, text: string): Uint8Array {
  if (encoding.toLowerCase() === 'b') return Buffer.from(text, 'base64');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const hex = text.slice(i + 1, i + 3);
    if (char === '_') {
      bytes.push(0x20);
    } else if (char === '=' && /^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(char, 'utf8'));
    }
  }
  return Uint8Array.from(bytes);
}
