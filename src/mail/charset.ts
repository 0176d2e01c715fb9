/**
 * Mail lies about its charset. Senders label UTF-8 text as iso-8859-1 (the bytes then show as
 * "Ã©Ã©n"), use labels nobody knows, or send Latin-1 bytes in a header that should be UTF-8. A
 * complaint must still read as the complainant wrote it, so text is decoded by one policy:
 * - bytes that are valid UTF-8 and labelled as a single-byte Western charset (or as ASCII) are
 *   UTF-8 — real Latin-1 prose almost never forms valid multi-byte UTF-8 sequences;
 * - a label the WHATWG decoder does not know is read as UTF-8 when the bytes allow it, otherwise as
 *   windows-1252 (what such mail nearly always turns out to be);
 * - everything else goes through the WHATWG decoder of its label.
 */
export interface DecodedText {
  text: string;
  /** The encoding actually used, in WHATWG naming. */
  encoding: string;
  /** True when the declared label was not followed because the bytes said otherwise. */
  relabelled: boolean;
}

const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'x-unicode20utf8']);

// Labels whose real text never looks like multi-byte UTF-8, so valid UTF-8 means a wrong label.
// Cyrillic or Greek single-byte text can form valid UTF-8 by accident, so only Western labels count.
const SINGLE_BYTE_WESTERN =
  /^(?:us-?ascii|ascii|ansi_x3\.4-1968|iso[-_]?8859-?(?:1|15)|iso_8859-1:1987|latin-?(?:1|9)|l1|windows-1252|cp-?1252|x-cp1252)$/;

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

export function decodeBytes(bytes: Uint8Array, declaredLabel: string | null | undefined): DecodedText {
  const label = normaliseLabel(declaredLabel);
  const utf8 = strictUtf8(bytes);

  if (label === '' || UTF8_LABELS.has(label)) {
    if (utf8 !== null) return { text: utf8, encoding: 'utf-8', relabelled: false };
    return { text: windows1252(bytes), encoding: 'windows-1252', relabelled: true };
  }
  if (SINGLE_BYTE_WESTERN.test(label) && utf8 !== null && hasNonAscii(bytes)) {
    return { text: utf8, encoding: 'utf-8', relabelled: true };
  }
  const decoder = knownDecoder(label);
  if (decoder) return { text: decoder.decode(bytes), encoding: decoder.encoding, relabelled: false };
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', relabelled: true };
  return { text: windows1252(bytes), encoding: 'windows-1252', relabelled: true };
}

function normaliseLabel(label: string | null | undefined): string {
  return (label ?? '')
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8Fatal.decode(bytes);
  } catch {
    return null;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  return bytes.some((byte) => byte >= 0x80);
}

function windows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes);
}

function knownDecoder(label: string): InstanceType<typeof TextDecoder> | null {
  try {
    const decoder = new TextDecoder(label);
    // WHATWG maps some dangerous labels (iso-2022-kr, hz-gb-2312) to a decoder that turns the whole
    // input into one U+FFFD, and x-user-defined into private-use characters: neither is text.
    if (decoder.encoding === 'replacement' || decoder.encoding === 'x-user-defined') return null;
    return decoder;
  } catch {
    return null;
  }
}
