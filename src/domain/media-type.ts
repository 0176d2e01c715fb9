/**
 * The media type of a file is read from its first bytes, never trusted from the sender's header or
 * extension. Only types a complaints dossier plausibly holds are recognised; anything else is
 * application/octet-stream and the intake decides whether it may stay.
 */
interface Signature {
  mediaType: string;
  offset: number;
  bytes: readonly number[];
}

const SIGNATURES: readonly Signature[] = [
  { mediaType: 'application/pdf', offset: 0, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mediaType: 'image/png', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'image/jpeg', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/gif', offset: 0, bytes: [0x47, 0x49, 0x46, 0x38] },
  { mediaType: 'image/tiff', offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00] },
  { mediaType: 'image/tiff', offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { mediaType: 'application/zip', offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  {
    mediaType: 'application/x-ole-storage',
    offset: 0,
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  },
];

function startsWith(content: Uint8Array, signature: Signature): boolean {
  if (content.length < signature.offset + signature.bytes.length) return false;
  return signature.bytes.every((byte, index) => content[signature.offset + index] === byte);
}

function looksLikeUtf8Text(content: Uint8Array): boolean {
  const sample = content.subarray(0, 8192);
  if (sample.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(
      sample.length < content.length ? trimPartial(sample) : sample,
    );
    return true;
  } catch {
    return false;
  }
}

/** A sample cut mid-character is not a decoding error; drop up to three trailing continuation bytes. */
function trimPartial(sample: Uint8Array): Uint8Array {
  let end = sample.length;
  for (let i = 0; i < 3 && end > 0 && (sample[end - 1]! & 0xc0) === 0x80; i++) end--;
  if (end > 0 && sample[end - 1]! >= 0xc0) end--;
  return sample.subarray(0, end);
}

export function detectMediaType(content: Uint8Array): string {
  const match = SIGNATURES.find((signature) => startsWith(content, signature));
  if (match) return match.mediaType;
  if (content.length > 0 && looksLikeUtf8Text(content)) return 'text/plain';
  return 'application/octet-stream';
}
