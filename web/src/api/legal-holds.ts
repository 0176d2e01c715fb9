import { api } from './client.ts';

export type LegalHoldReason = 'kifid_case' | 'court_case' | 'liability_claim';

export const LEGAL_HOLD_REASONS: readonly LegalHoldReason[] = ['kifid_case', 'court_case', 'liability_claim'];

export interface LegalHold {
  id: string;
  reason: LegalHoldReason;
  explanation: string;
  placedBy: string;
  placedAt: string;
  lifted: { by: string; at: string; explanation: string | null } | null;
}

/**
 * What a hold keeps whole: a complaint's dossier, or a cancellation request that no complaint
 * holds (a linked one follows its complaint; the server answers 409 cancellation_linked).
 */
export interface HoldOwner {
  kind: 'complaints' | 'cancellations';
  id: string;
}

const id = (value: string) => encodeURIComponent(value);

/** The same three routes under /complaints/:id and /cancellations/:id. */
export function holdsOf(owner: HoldOwner) {
  const base = `/${owner.kind}/${id(owner.id)}/legal-holds`;
  return {
    list: () => api.request<LegalHold[]>('GET', base),
    place: (body: { reason: LegalHoldReason; explanation: string }) =>
      api.request<LegalHold>('POST', base, { json: body }),
    lift: (holdId: string, explanation: string) =>
      api.request<LegalHold>('POST', `${base}/${id(holdId)}/lift`, { json: { explanation } }),
  };
}

export const legalHolds = {
  list: (complaintId: string) => holdsOf({ kind: 'complaints', id: complaintId }).list(),
  /** The whole dossier as a ZIP (coordinator, auditor, the assigned handler); every export is logged. */
  exportPath: (complaintId: string) => `/complaints/${id(complaintId)}/export`,
};
