/** The stored status of a complaint; these exact strings are in the database. */
export const COMPLAINT_STATUSES = [
  'received',
  'acknowledged',
  'in_investigation',
  'decided',
  'closed',
  'withdrawn',
  'reclassified',
] as const;

export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** How the position reached the complainant (R7): preferably in a meeting, otherwise in writing. */
export const DECISION_MODES = ['meeting', 'letter'] as const;

export type DecisionMode = (typeof DECISION_MODES)[number];

/** Dutch, as staff see it. */
export const STATUS_LABELS: Readonly<Record<ComplaintStatus, string>> = Object.freeze({
  received: 'ontvangen',
  acknowledged: 'ontvangst bevestigd',
  in_investigation: 'in onderzoek',
  decided: 'standpunt gegeven',
  closed: 'afgesloten',
  withdrawn: 'ingetrokken',
  reclassified: 'geen klacht (heringedeeld)',
});

/** Statuses from which the complaint cannot move on, except for a KiFiD referral after closing. */
export const FINAL_STATUSES: readonly ComplaintStatus[] = ['closed', 'withdrawn', 'reclassified'];

export function isFinalStatus(status: ComplaintStatus): boolean {
  return FINAL_STATUSES.includes(status);
}
