/**
 * Which files a complainant or mailbox may add to a dossier. The type is read from the bytes
 * (detectMediaType); the extension only has to agree with it, so "factuur.pdf.exe" or an HTML page
 * named .pdf are refused. Office documents are ZIP or OLE containers: accepted by their extension,
 * never unpacked.
 */
export interface AttachmentLimits {
  maxFileBytes: number;
  maxTotalBytes: number;
  maxFiles: number;
}

const EXTENSIONS_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/tiff': ['tif', 'tiff'],
  'text/plain': ['txt', 'eml', 'csv'],
  'application/zip': ['docx', 'xlsx', 'odt', 'ods'],
  'application/x-ole-storage': ['doc', 'xls', 'msg'],
};

export const ALLOWED_EXTENSIONS: readonly string[] = Object.values(EXTENSIONS_BY_TYPE).flat();

export type AttachmentRefusal =
  | { code: 'attachment_type_not_allowed'; message: string }
  | { code: 'attachment_too_large'; message: string }
  | { code: 'attachments_too_large'; message: string }
  | { code: 'too_many_attachments'; message: string }
  | { code: 'attachment_empty'; message: string };

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

export function checkAttachment(
  fileName: string,
  detectedType: string,
  sizeBytes: number,
  limits: AttachmentLimits,
): AttachmentRefusal | null {
  if (sizeBytes === 0) return { code: 'attachment_empty', message: `Het bestand "${fileName}" is leeg.` };
  if (sizeBytes > limits.maxFileBytes) {
    return {
      code: 'attachment_too_large',
      message: `Het bestand "${fileName}" is groter dan ${megabytes(limits.maxFileBytes)}.`,
    };
  }
  const allowed = EXTENSIONS_BY_TYPE[detectedType];
  if (!allowed?.includes(extensionOf(fileName))) {
    return {
      code: 'attachment_type_not_allowed',
      message: `Het bestand "${fileName}" heeft een soort die wij niet aannemen. Toegestaan: PDF, foto's (JPG, PNG, GIF, TIFF), tekst en Office-documenten.`,
    };
  }
  return null;
}

export function checkAttachmentSet(
  files: ReadonlyArray<{ fileName: string; detectedType: string; sizeBytes: number }>,
  limits: AttachmentLimits,
): AttachmentRefusal[] {
  const refusals: AttachmentRefusal[] = [];
  if (files.length > limits.maxFiles) {
    refusals.push({
      code: 'too_many_attachments',
      message: `U kunt ten hoogste ${limits.maxFiles} bestanden meesturen.`,
    });
  }
  const total = files.reduce((sum, f) => sum + f.sizeBytes, 0);
  if (total > limits.maxTotalBytes) {
    refusals.push({
      code: 'attachments_too_large',
      message: `De bestanden zijn samen groter dan ${megabytes(limits.maxTotalBytes)}.`,
    });
  }
  for (const file of files) {
    const refusal = checkAttachment(file.fileName, file.detectedType, file.sizeBytes, limits);
    if (refusal) refusals.push(refusal);
  }
  return refusals;
}
