import { COMMUNICATIONS_TO_COMPLAINANT, type ComplaintAction } from './actions.ts';
import type { ComplaintSnapshot, InsurerConsultation } from './complaint-snapshot.ts';
import { refusals, type Refusal } from './refusals.ts';

function latest(dates: readonly Date[]): Date | null {
  let found: Date | null = null;
  for (const date of dates) if (found === null || date > found) found = date;
  return found;
}

/**
 * The moment of the latest step that reached the complainant, apart from the acknowledgment:
 * an information request, a delay notice, a meeting invitation or its confirmation, the position
 * itself.
 */
export function lastStepTowardsComplainant(snapshot: ComplaintSnapshot): Date | null {
  return latest([
    ...snapshot.informationRequests.map((r) => r.sentAt),
    ...snapshot.delayNotices.map((n) => n.sentAt),
    ...(snapshot.meeting === null ? [] : [snapshot.meeting.invitedAt]),
    ...(snapshot.meeting?.confirmedAt ? [snapshot.meeting.confirmedAt] : []),
    ...(snapshot.decision === null ? [] : [snapshot.decision.communicatedAt]),
  ]);
}

/** Consultations that count: those held at or after the flag. One held before it predates the risk. */
export function consultationsSinceFlag(snapshot: ComplaintSnapshot): readonly InsurerConsultation[] {
  const flaggedAt = snapshot.liability.flaggedAt;
  if (flaggedAt === null) return [];
  return snapshot.liability.consultations.filter((c) => c.at >= flaggedAt);
}

/**
 * R5: once a complaint may lead to a liability claim, nothing but the acknowledgment goes to the
 * complainant until a consultation with the insurer is on record. With the per-step setting, every
 * later step towards the complainant needs a consultation after the previous such step.
 */
export function liabilityGateRefusal(snapshot: ComplaintSnapshot, action: ComplaintAction): Refusal | null {
  if (!COMMUNICATIONS_TO_COMPLAINANT.includes(action)) return null;
  const flaggedAt = snapshot.liability.flaggedAt;
  if (flaggedAt === null) return null;
  const consultations = consultationsSinceFlag(snapshot);
  if (consultations.length === 0) return refusals.insurerConsultationRequired();
  if (!snapshot.liability.requireConsultationPerStep) return null;
  const previousStep = lastStepTowardsComplainant(snapshot);
  // Steps before the flag were taken before anyone knew of the risk; the first consultation covers them.
  if (previousStep === null || previousStep < flaggedAt) return null;
  return consultations.some((c) => c.at > previousStep)
    ? null
    : refusals.insurerConsultationRequiredPerStep();
}
