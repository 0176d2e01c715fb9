import { describe, expect, it } from 'vitest';
import { checkAttachment, checkAttachmentSet } from './attachment-policy.ts';

const limits = { maxFileBytes: 1000, maxTotalBytes: 1500, maxFiles: 3 };

describe('checkAttachment', () => {
  it.each([
    ['polis.pdf', 'application/pdf'],
    ['foto.JPG', 'image/jpeg'],
    ['brief.docx', 'application/zip'],
    ['oud.doc', 'application/x-ole-storage'],
    ['notitie.txt', 'text/plain'],
  ])('accepts %s as %s', (name, type) => {
    expect(checkAttachment(name, type, 10, limits)).toBeNull();
  });

  it.each([
    ['factuur.pdf', 'application/octet-stream'],
    ['pagina.pdf', 'text/plain'],
    ['archief.zip', 'application/zip'],
    ['programma.exe', 'application/octet-stream'],
    ['script.pdf.exe', 'application/pdf'],
    ['zonder-extensie', 'application/pdf'],
  ])('refuses %s detected as %s', (name, type) => {
    expect(checkAttachment(name, type, 10, limits)?.code).toBe('attachment_type_not_allowed');
  });

  it('refuses empty and oversized files', () => {
    expect(checkAttachment('a.pdf', 'application/pdf', 0, limits)?.code).toBe('attachment_empty');
    expect(checkAttachment('a.pdf', 'application/pdf', 1001, limits)?.code).toBe('attachment_too_large');
  });

  it('limits the number and the total size of a set', () => {
    const file = { fileName: 'a.pdf', detectedType: 'application/pdf', sizeBytes: 600 };
    expect(checkAttachmentSet([file, file], limits)).toEqual([]);
    expect(checkAttachmentSet([file, file, file], limits).map((r) => r.code)).toEqual([
      'attachments_too_large',
    ]);
    expect(checkAttachmentSet([file, file, file, file], limits).map((r) => r.code)).toEqual([
      'too_many_attachments',
      'attachments_too_large',
    ]);
  });
});
