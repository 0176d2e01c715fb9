import type { ComplaintSnapshot, InformationRequestSnapshot } from './complaint-snapshot.ts';

/** Requests to the complainant that are neither answered nor closed as no longer needed. */
export function openInformationRequests(snapshot: ComplaintSnapshot): InformationRequestSnapshot[] {
  return snapshot.informationRequests.filter((r) => r.answeredAt === null && r.closedAsNotNeededAt === null);
}
