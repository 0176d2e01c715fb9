import {
  DEFAULT_PROCEDURE_TERMS,
  PROCEDURE_TERM_KEYS,
  validateProcedureTerms,
  type ProcedureTerms,
  type ProcedureTermsIssue,
} from '../calendar/procedure-terms.ts';
import type { ComplaintProcedure } from './complaint-snapshot.ts';

/** One version of an organisation's procedure: its terms, in force from a moment on. */
export interface ProcedureVersion {
  readonly version: number;
  readonly effectiveFrom: Date;
  readonly terms: ProcedureTerms;
}

/** The seed procedure, in force from the beginning: every organisation starts with it. */
export const SEED_PROCEDURE_VERSION: ProcedureVersion = Object.freeze({
  version: 1,
  effectiveFrom: new Date(0),
  terms: DEFAULT_PROCEDURE_TERMS,
});

export interface ProcedureVersionIssue {
  readonly code: ProcedureTermsIssue['code'] | 'version.effective-before-latest' | 'version.unchanged';
  readonly path: string;
  readonly message: string;
}

export type ProcedureRevision =
  | { readonly ok: true; readonly version: ProcedureVersion; readonly versions: readonly ProcedureVersion[] }
  | { readonly ok: false; readonly issues: readonly ProcedureVersionIssue[] };

function latestVersion(versions: readonly ProcedureVersion[]): ProcedureVersion {
  return versions.reduce((a, b) => (b.version > a.version ? b : a), SEED_PROCEDURE_VERSION);
}

/**
 * The version in force at a moment: the last one that took effect at or before it. A complaint
 * takes the version in force when it was received and keeps it (stored with the complaint), so a
 * later change of terms never moves its clocks.
 */
export function procedureVersionAt(versions: readonly ProcedureVersion[], at: Date): ProcedureVersion {
  let found: ProcedureVersion = SEED_PROCEDURE_VERSION;
  for (const candidate of versions) {
    if (candidate.effectiveFrom > at) continue;
    const later = candidate.effectiveFrom.getTime() - found.effectiveFrom.getTime();
    if (later > 0 || (later === 0 && candidate.version > found.version)) found = candidate;
  }
  return found;
}

/** What a new complaint carries in its snapshot for the rest of its life. */
export function procedureForComplaint(
  versions: readonly ProcedureVersion[],
  receivedAt: Date,
): ComplaintProcedure {
  const { version, terms } = procedureVersionAt(versions, receivedAt);
  return { version, terms };
}

function sameTerms(a: ProcedureTerms, b: ProcedureTerms): boolean {
  return PROCEDURE_TERM_KEYS.every((key) => a[key].unit === b[key].unit && a[key].amount === b[key].amount);
}

/**
 * An organisation changes its terms: checked, then added as the next version. Versions are never
 * edited or back-dated, because complaints already refer to them.
 */
export function reviseProcedure(
  versions: readonly ProcedureVersion[],
  input: unknown,
  effectiveFrom: Date,
): ProcedureRevision {
  const validation = validateProcedureTerms(input);
  if (!validation.ok) return { ok: false, issues: validation.issues };
  const latest = latestVersion(versions);
  const issues: ProcedureVersionIssue[] = [];
  if (effectiveFrom < latest.effectiveFrom) {
    issues.push({
      code: 'version.effective-before-latest',
      path: 'effectiveFrom',
      message: 'Nieuwe termijnen kunnen niet ingaan vóór de huidige versie van de klachtenprocedure.',
    });
  }
  if (sameTerms(validation.terms, latest.terms)) {
    issues.push({
      code: 'version.unchanged',
      path: '',
      message: 'Deze termijnen zijn gelijk aan die van de huidige versie van de klachtenprocedure.',
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  const version: ProcedureVersion = { version: latest.version + 1, effectiveFrom, terms: validation.terms };
  const base = versions.length === 0 ? [SEED_PROCEDURE_VERSION] : versions;
  return { ok: true, version, versions: [...base, version] };
}
