import { describe, expect, it } from 'vitest';
import { detectMediaType } from './media-type.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('detectMediaType', () => {
  it.each([
    [Buffer.from('%PDF-1.7\n...'), 'application/pdf'],
    [bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
    [bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    [Buffer.from('GIF89a'), 'image/gif'],
    [bytes(0x50, 0x4b, 0x03, 0x04, 0x14), 'application/zip'],
    [Buffer.from('Geachte heer, mevrouw,\nIk ben ontevreden over één ding.'), 'text/plain'],
    [bytes(0x4d, 0x5a, 0x90, 0x00), 'application/octet-stream'],
    [bytes(), 'application/octet-stream'],
    [bytes(0xc3, 0x28), 'application/octet-stream'],
  ])('%#: %s', (content, expected) => {
    expect(detectMediaType(content)).toBe(expected);
  });

  it('does not call a PDF with a text extension text', () => {
    expect(detectMediaType(Buffer.from('%PDF-1.4 fake.txt'))).toBe('application/pdf');
  });
});
