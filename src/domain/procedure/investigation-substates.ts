import type { ComplaintSnapshot } from './complaint-snapshot.ts';
import { isHearingComplete } from './hearing-rules.ts';
import { liabilityGateRefusal } from './liability-gate.ts';
import { openInformationRequests } from './information-requests.ts';

/**
 * What an investigation is waiting for. These are not statuses: they come from open sub-processes
 * and can hold at the same time (a hearing can run while the complainant is asked for information).
 */
export const INVESTIGATION_SUBSTATES = ['awaiting_information', 'hearing', 'awaiting_insurer'] as const;

export type InvestigationSubstate = (typeof INVESTIGATION_SUBSTATES)[number];

export const SUBSTATE_LABELS: Readonly<Record<InvestigationSubstate, string>> = Object.freeze({
  awaiting_information: 'wacht op informatie',
  hearing: 'wederhoor',
  awaiting_insurer: 'wacht op overleg met de verzekeraar',
});

/** The sub-states of a complaint in investigation, in a fixed order; empty in any other status. */
export function investigationSubstates(snapshot: ComplaintSnapshot): InvestigationSubstate[] {
  if (snapshot.status !== 'in_investigation') return [];
  const found: InvestigationSubstate[] = [];
  if (openInformationRequests(snapshot).length > 0) found.push('awaiting_information');
  if (snapshot.hearings.some((h) => h.requestedAt !== null && !isHearingComplete(h))) found.push('hearing');
  // Waiting for the insurer means: the next step towards the complainant would be held back.
  if (liabilityGateRefusal(snapshot, 'send_decision_letter') !== null) found.push('awaiting_insurer');
  return found;
}
