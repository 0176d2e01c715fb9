import { api } from './client.ts';
import type { Cancellation, Complaint, Role, User } from './types.ts';

/**
 * Client of the routes behind the cancellation, quarantine, own-hearing and user-administration
 * screens (shapes as in the server's route schemas).
 */
const id = (value: string) => encodeURIComponent(value);

export interface CancellationDetail extends Cancellation {
  complaintReference: string | null;
  message: { subject: string | null; text: string | null; senderEmail: string | null } | null;
}

export type CancellationStep = 'confirm' | 'process' | 'withdraw';

export const cancellations = {
  list: () => api.request<Cancellation[]>('GET', '/cancellations', { query: { limit: 200 } }),
  get: (cancellationId: string) =>
    api.request<CancellationDetail>('GET', `/cancellations/${id(cancellationId)}`),
  advance: (cancellationId: string, step: CancellationStep) =>
    api.request<Cancellation>('POST', `/cancellations/${id(cancellationId)}/${step}`, { json: {} }),
  link: (cancellationId: string, complaintReference: string) =>
    api.request<Cancellation>('POST', `/cancellations/${id(cancellationId)}/link`, {
      json: { complaintReference },
    }),
};

export interface QuarantinedMail {
  id: string;
  mailboxId: string;
  mailboxName: string;
  receivedAt: string;
  fromAddress: string | null;
  subject: string | null;
  sizeBytes: number;
  classification: string;
  reason: string | null;
  explanation: string;
}

export const quarantine = {
  list: () => api.request<QuarantinedMail[]>('GET', '/mail/quarantine'),
  reprocess: (mailId: string, acceptOwnAddress: boolean) =>
    api.request<{ classification: string }>('POST', `/mail/${id(mailId)}/reprocess`, {
      json: acceptOwnAddress ? { acceptOwnAddress: true } : {},
    }),
};

export type HearingStatus = 'requested' | 'statement_draft' | 'signed' | 'waived';

export interface OwnHearing {
  complaintId: string;
  reference: string;
  status: HearingStatus;
  requestedAt: string | null;
  requestText: string | null;
  reactionDueDate: string | null;
  reactions: Array<{ id: string; text: string; at: string }>;
  statement: { text: string; recordedAt: string } | null;
  signedAt: string | null;
  waivedAt: string | null;
  documents: Array<{
    id: string;
    letterType: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    issuedAt: string;
  }>;
  mayReact: boolean;
  maySign: boolean;
}

export const myHearings = {
  list: () => api.request<OwnHearing[]>('GET', '/my/hearings'),
  react: (complaintId: string, text: string) =>
    api.request<OwnHearing>('POST', `/my/hearings/${id(complaintId)}/reaction`, { json: { text } }),
  sign: (complaintId: string) =>
    api.request<OwnHearing>('POST', `/my/hearings/${id(complaintId)}/sign`, { json: {} }),
  documentPath: (complaintId: string, documentId: string) =>
    `/my/hearings/${id(complaintId)}/documents/${id(documentId)}/content`,
};

export interface Invitation {
  link: string;
  token: string;
  expiresAt: string;
}

export interface PendingInvitation {
  userId: string;
  email: string;
  displayName: string;
  roles: Role[];
  invitedAt: string;
  invitedBy: string | null;
  expiresAt: string;
}

export const accounts = {
  invite: (body: { email: string; displayName: string; roles: Role[] }) =>
    api.request<{ user: User; invitation: Invitation }>('POST', '/invitations', { json: body }),
  reinvite: (userId: string) => api.request<Invitation>('POST', `/users/${id(userId)}/invite`),
  pending: () => api.request<PendingInvitation[]>('GET', '/invitations'),
  revoke: (userId: string) => api.request<void>('DELETE', `/users/${id(userId)}/invitation`),
  changeRoles: (userId: string, roles: Role[]) =>
    api.request<User>('PUT', `/users/${id(userId)}/roles`, { json: { roles } }),
  disable: (userId: string) => api.request<User>('POST', `/users/${id(userId)}/disable`),
  endSessions: (userId: string) =>
    api.request<{ ended: number }>('POST', `/users/${id(userId)}/sessions/end`),
  endEveryonesSessions: () => api.request<{ ended: number }>('POST', '/organisation/sessions/end'),
};

export const involvement = {
  add: (complaintId: string, employeeId: string) =>
    api.request<Complaint>('POST', `/complaints/${id(complaintId)}/involved-employees`, {
      json: { employeeId },
    }),
};

/** Invitation and reset links: a password chosen with the secret from the link's fragment. */
export const passwordLinks = {
  acceptInvitation: (token: string, password: string) =>
    api.request<{ organisation: string; email: string }>('POST', '/auth/invitation/accept', {
      json: { token, password },
      quietUnauthenticated: true,
    }),
  completeReset: (token: string, password: string) =>
    api.request<{ organisation: string; email: string }>('POST', '/auth/password-reset/complete', {
      json: { token, password },
      quietUnauthenticated: true,
    }),
};
