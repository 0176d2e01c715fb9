import type { Kysely } from 'kysely';
import { requireRole, type AccessContext } from '../auth/access-context.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { afmCsv, afmRowsForYear, type AfmRow } from '../domain/exports/afm-klachtenuitvraag.ts';
import { sha256Hex } from '../domain/event-chain.ts';
import { ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { insertExportRecord } from './dossier-export.repository.ts';
import { loadAfmFacts } from './afm-export.repository.ts';

export interface AfmExportDeps {
  db: Kysely<Database>;
  clock: Clock;
  afmCodeKey: Uint8Array;
}

export interface AfmExport {
  fileName: string;
  csv: string;
  rows: AfmRow[];
  sha256: string;
}

/** The yearly AFM klachtenuitvraag as CSV; every download is recorded with the file's digest. */
export async function exportAfmKlachtenuitvraag(
  deps: AfmExportDeps,
  context: AccessContext,
  year: number,
): Promise<AfmExport> {
  requireRole(context, ['coordinator', 'auditor']);
  const now = deps.clock.now();
  if (year > now.getUTCFullYear()) {
    throw new ValidationError('Dit jaar is nog niet begonnen.', [
      { field: '/year', message: 'Kies een jaar dat al begonnen is.' },
    ]);
  }
  return withTenant(deps.db, context.organisationId, async (tx) => {
    const { licenceNumber, facts } = await loadAfmFacts(tx, context.organisationId, year);
    const rows = afmRowsForYear(facts, year, { key: deps.afmCodeKey, licenceNumber: licenceNumber ?? '' });
    const csv = afmCsv(rows);
    const sha256 = sha256Hex(csv);
    await insertExportRecord(tx, {
      organisation_id: context.organisationId,
      id: newId(),
      kind: 'afm_klachtenuitvraag',
      complaint_id: null,
      year,
      user_id: context.userId,
      actor_kind: context.actor.kind,
      exported_at: now,
      chain_sequence: null,
      chain_hash: null,
      sha256,
      row_count: rows.length,
    });
    return { fileName: `afm-klachtenuitvraag-${year}.csv`, csv, rows, sha256 };
  });
}
