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

const id = (value: string) => encodeURIComponent(value);

export const legalHolds = {
  list: (complaintId: string) =>
    api.request<LegalHold[]>('GET', `/complaints/${id(complaintId)}/legal-holds`),
  place: (complaintId: string, body: { reason: LegalHoldReason; explanation: string }) =>
    api.request<LegalHold>('POST', `/complaints/${id(complaintId)}/legal-holds`, { json: body }),
  lift: (complaintId: string, holdId: string, explanation: string) =>
    api.request<LegalHold>('POST', `/complaints/${id(complaintId)}/legal-holds/${id(holdId)}/lift`, {
      json: { explanation },
    }),
  /** The whole dossier as a ZIP (coordinator, auditor, the assigned handler); every export is logged. */
  exportPath: (complaintId: string) => `/complaints/${id(complaintId)}/export`,
};
