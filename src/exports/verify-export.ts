import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { sha256Hex } from '../domain/event-chain.ts';
import { EVENTS_PATH, MANIFEST_JSON_PATH } from '../domain/exports/dossier-export-plan.ts';
import {
  verifyDossierExport,
  type ExportedFileDigest,
  type ExportVerification,
} from '../domain/exports/verify-dossier-export.ts';

/**
 * Checks a dossier export ZIP as it was handed over (or as it came back). The archive's central
 * directory is read, so a ZIP repacked by another tool is checked just the same; entries outside
 * the export's folder count as files the manifest does not list.
 */
export function verifyExportZip(zip: Uint8Array): ExportVerification {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch {
    return {
      ok: false,
      reference: null,
      filesChecked: 0,
      eventsChecked: 0,
      chainHead: null,
      problems: [{ kind: 'manifest_unreadable', path: null, message: 'Dit is geen leesbaar ZIP-bestand.' }],
    };
  }
  const names = Object.keys(entries).filter((name) => !name.endsWith('/'));
  const manifestName =
    names.find((name) => name === MANIFEST_JSON_PATH) ??
    names.find((name) => name.split('/').length === 2 && name.endsWith(`/${MANIFEST_JSON_PATH}`));
  const folder = manifestName === undefined ? '' : manifestName.slice(0, -MANIFEST_JSON_PATH.length);
  const files = new Map<string, ExportedFileDigest>();
  for (const name of names) {
    if (name === manifestName) continue;
    const relative = name.startsWith(folder) ? name.slice(folder.length) : name;
    const content = entries[name]!;
    files.set(relative, { sha256: sha256Hex(content), sizeBytes: content.length });
  }
  return verifyDossierExport({
    manifestBytes: manifestName === undefined ? undefined : entries[manifestName],
    files,
    eventsBytes: entries[folder + EVENTS_PATH],
  });
}

export async function verifyExportFile(path: string): Promise<ExportVerification> {
  return verifyExportZip(await readFile(path));
}
