import type { ComplaintStatus } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { amsterdamDateOf, type LocalDate } from '../domain/calendar/local-date.ts';
import { computeClocks } from '../domain/procedure/clocks.ts';
import { isAffiliationNumberMissing } from '../domain/compliance.ts';
import { NotFoundError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { findDisputesBody, findOrganisation } from '../organisations/organisation.repository.ts';
import { loadCalendar } from '../procedure/clock-columns.ts';
import { loadComplaintSnapshot } from '../procedure/snapshot.repository.ts';
import type { PortalAccessDeps, PortalSession } from './portal-access.service.ts';
import {
  findLetterDocumentForComplainant,
  findPortalComplaint,
  listLettersToComplainant,
  listOpenInformationRequests,
  listPortalSubmissions,
  recordPortalRead,
  type LetterToComplainantRow,
  type PortalSubmissionRow,
} from './portal-view.repository.ts';

/**
 * What the complainant sees of their dossier: written for them, not a staff view with parts left
 * out. Status and dates, the letters we sent them, what they sent us, and after our position the
 * way to KiFiD. No handler names, no notes, no statements, no insurer, no internal clocks.
 */
export interface PortalOverview {
  reference: string;
  status: ComplaintStatus;
  receivedOn: LocalDate;
  acknowledgment: { sentOn: LocalDate | null; dueOn: LocalDate | null };
  decision: {
    givenOn: LocalDate | null;
    mode: 'meeting' | 'letter' | null;
    /** The date that counts now (after a delay notice: its new date). */
    dueOn: LocalDate | null;
    /** Set only when a delay notice moved the date: the date before. */
    movedFrom: LocalDate | null;
  };
  endedOn: LocalDate | null;
  description: string;
  product: string | null;
  desiredOutcome: string | null;
  preference: 'meeting' | 'letter' | null;
  /** Whether the complainant may still say how they want to hear our position. */
  preferenceOpen: boolean;
  informationRequests: Array<{ sentOn: LocalDate; whatIsMissing: string | null }>;
  letters: LetterToComplainantRow[];
  submissions: PortalSubmissionRow[];
  kifid: KifidRoute | null;
  organisation: OrganisationFacts;
}

export interface KifidRoute {
  name: string;
  postalAddress: string;
  postalCodeCity: string;
  phone: string;
  email: string;
  website: string;
  affiliationNumber: string | null;
  windowEndsOn: LocalDate | null;
  windowElapsed: boolean;
}

export interface OrganisationFacts {
  name: string;
  email: string | null;
  phone: string | null;
}

const ENDED: readonly ComplaintStatus[] = ['closed', 'withdrawn', 'reclassified'];

export async function loadPortalOverview(
  deps: PortalAccessDeps,
  session: PortalSession,
): Promise<PortalOverview> {
  const now = deps.clock.now();
  const { organisationId, complaintId } = session;
  return withTenant(deps.db, organisationId, async (tx) => {
    const complaint = await findPortalComplaint(tx, organisationId, complaintId);
    const snapshot = await loadComplaintSnapshot(tx, organisationId, complaintId);
    if (!complaint || !snapshot) throw new NotFoundError('De klacht');
    const [calendar, organisation, disputesBody, requests, letters, submissions] = await Promise.all([
      loadCalendar(tx, organisationId),
      findOrganisation(tx, organisationId),
      findDisputesBody(tx, organisationId),
      listOpenInformationRequests(tx, organisationId, complaintId),
      listLettersToComplainant(tx, organisationId, complaintId),
      listPortalSubmissions(tx, organisationId, complaintId),
    ]);
    await recordPortalRead(tx, organisationId, complaintId, 'portal:overview', now);

    const clocks = computeClocks(snapshot, calendar, now);
    const clock = (kind: string) => clocks.find((c) => c.kind === kind);
    const acknowledgment = clock('acknowledgment');
    const decision = clock('decision');
    const window = clock('kifid_window');
    const ended = ENDED.includes(complaint.status);
    const endedAt = snapshot.closedAt ?? snapshot.withdrawnAt;
    const decided = snapshot.decision;
    const moved =
      decision?.dueDate && decision.originalDueDate && decision.dueDate !== decision.originalDueDate
        ? decision.originalDueDate
        : null;
    const affiliation = organisation?.kifid_affiliation_number ?? null;

    return {
      reference: complaint.reference,
      status: complaint.status,
      receivedOn: amsterdamDateOf(snapshot.receivedAt),
      acknowledgment: {
        sentOn: snapshot.acknowledgmentSentAt ? amsterdamDateOf(snapshot.acknowledgmentSentAt) : null,
        dueOn: acknowledgment?.dueDate ?? null,
      },
      decision: {
        givenOn: decided ? amsterdamDateOf(decided.communicatedAt) : null,
        mode: decided?.mode ?? null,
        dueOn: decision?.dueDate ?? null,
        movedFrom: moved,
      },
      endedOn: ended && endedAt ? amsterdamDateOf(endedAt) : null,
      description: complaint.description,
      product: complaint.product,
      desiredOutcome: complaint.desiredOutcome,
      preference: complaint.decisionPreference,
      preferenceOpen: decided === null && !ended,
      informationRequests: ended
        ? []
        : requests.map((r) => ({ sentOn: amsterdamDateOf(r.sentAt), whatIsMissing: r.whatIsMissing })),
      letters,
      submissions,
      kifid:
        decided && disputesBody
          ? {
              name: disputesBody.name,
              postalAddress: disputesBody.postal_address,
              postalCodeCity: disputesBody.postal_code_city,
              phone: disputesBody.phone,
              email: disputesBody.email,
              website: disputesBody.website,
              affiliationNumber: isAffiliationNumberMissing(affiliation) ? null : affiliation,
              windowEndsOn: window?.dueDate ?? null,
              windowElapsed: window?.state === 'elapsed',
            }
          : null,
      organisation: {
        name: organisation?.name ?? '',
        email: organisation?.email ?? null,
        phone: organisation?.phone ?? null,
      },
    };
  });
}

export interface PortalBasics {
  organisation: OrganisationFacts;
  reference: string;
  preference: 'meeting' | 'letter' | null;
  preferenceOpen: boolean;
}

/** What the form pages need: whose portal it is, and whether a preference can still be given. */
export async function loadPortalBasics(
  deps: PortalAccessDeps,
  session: PortalSession,
): Promise<PortalBasics> {
  const { organisationId, complaintId } = session;
  return withTenant(deps.db, organisationId, async (tx) => {
    const [complaint, organisation] = await Promise.all([
      findPortalComplaint(tx, organisationId, complaintId),
      findOrganisation(tx, organisationId),
    ]);
    if (!complaint) throw new NotFoundError('De klacht');
    return {
      organisation: {
        name: organisation?.name ?? '',
        email: organisation?.email ?? null,
        phone: organisation?.phone ?? null,
      },
      reference: complaint.reference,
      preference: complaint.decisionPreference,
      preferenceOpen: !complaint.decisionGiven && !ENDED.includes(complaint.status),
    };
  });
}

/** A letter we sent the complainant, as stored when it was sent; anything else is "not found". */
export async function getLetterDocument(
  deps: PortalAccessDeps,
  session: PortalSession,
  documentId: string,
): Promise<{ fileName: string; mediaType: string; sha256: string; content: Uint8Array }> {
  if (!isUuid(documentId)) throw new NotFoundError('Het document');
  const now = deps.clock.now();
  const { organisationId, complaintId } = session;
  const document = await withTenant(deps.db, organisationId, async (tx) => {
    const found = await findLetterDocumentForComplainant(tx, organisationId, complaintId, documentId);
    if (found) await recordPortalRead(tx, organisationId, complaintId, `portal:document:${documentId}`, now);
    return found;
  });
  if (!document) throw new NotFoundError('Het document');
  return document;
}
