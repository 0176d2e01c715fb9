/**
 * A legal hold keeps a dossier whole past its retention term while it may still be needed as
 * evidence. Only these reasons justify it; anything else is not a reason to keep personal data.
 */
export const LEGAL_HOLD_REASONS = ['kifid_case', 'court_case', 'liability_claim'] as const;
export type LegalHoldReason = (typeof LEGAL_HOLD_REASONS)[number];

export const LEGAL_HOLD_LABELS: Readonly<Record<LegalHoldReason, string>> = Object.freeze({
  kifid_case: 'lopende zaak bij het KiFiD',
  court_case: 'lopende rechtszaak',
  liability_claim: 'aansprakelijkstelling',
});

export const MAX_HOLD_EXPLANATION = 2000;

export function isLegalHoldReason(value: unknown): value is LegalHoldReason {
  return typeof value === 'string' && (LEGAL_HOLD_REASONS as readonly string[]).includes(value);
}

export interface HoldRecord {
  liftedAt: Date | null;
}

export function activeHolds<T extends HoldRecord>(holds: readonly T[]): T[] {
  return holds.filter((hold) => hold.liftedAt === null);
}
