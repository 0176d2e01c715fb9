import { describe, expect, it } from 'vitest';
import { displayFileName } from './file-name.ts';

describe('displayFileName', () => {
  it.each([
    ['polis.pdf', 'polis.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\jan\\brief.docx', 'brief.docx'],
    ['factuur\u202Efdp.exe', 'factuurfdp.exe'],
    ['.htaccess', 'htaccess'],
    ['   ', 'bestand'],
    ['..', 'bestand'],
    ['bijlage-één.txt', 'bijlage-één.txt'],
    ['a\r\nBcc: x@y.nl.pdf', 'aBcc x@y.nl.pdf'],
    ['e\u0301e.txt', '\u00e9e.txt'],
  ])('%j → %j', (raw, expected) => {
    expect(displayFileName(raw)).toBe(expected);
  });

  it('shortens very long names and keeps the extension', () => {
    const name = displayFileName(`${'x'.repeat(1000)}.pdf`);
    expect(name.length).toBe(150);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
