import type { Language } from '../i18n/i18n-context.tsx';
import { api } from './client.ts';
import type {
  ActionBodies,
  ActionName,
  Cancellation,
  Complaint,
  ComplaintFilters,
  ComplaintListQuery,
  ComplaintPage,
  ConnectionTest,
  DisputesBodyChange,
  DossierEvent,
  DossierItem,
  IntakeItem,
  IntakeKind,
  Mailbox,
  NewMailbox,
  NewUser,
  Notification,
  Organisation,
  OrganisationChange,
  ProcedureSettings,
  ProcedureState,
  ProcedureTerms,
  SavedView,
  SmtpChange,
  SmtpSettings,
  User,
} from './types.ts';

const id = (value: string) => encodeURIComponent(value);

/** The step's path segment: `send_decision_letter` → `send-decision-letter`. */
export function actionPath(action: ActionName): string {
  return action.replaceAll('_', '-');
}

export const complaints = {
  list: (query: ComplaintListQuery = {}) =>
    api.request<ComplaintPage>('GET', '/complaints', {
      query: {
        status: query.status,
        channel: query.channel,
        handlerId: query.handlerId,
        category: query.category,
        liabilityFlag: query.liabilityFlag,
        overdue: query.overdue,
        q: query.q,
        cursor: query.cursor,
        limit: query.limit,
        sort: query.sort,
      },
    }),
  categories: () => api.request<string[]>('GET', '/complaints/categories'),
  get: (complaintId: string) => api.request<Complaint>('GET', `/complaints/${id(complaintId)}`),
  /** `lang` is the app's language switch: the server tells its explanations and refusals in it. */
  procedure: (complaintId: string, lang: Language) =>
    api.request<ProcedureState>('GET', `/complaints/${id(complaintId)}/procedure`, { query: { lang } }),
  items: (complaintId: string) => api.request<DossierItem[]>('GET', `/complaints/${id(complaintId)}/items`),
  events: (complaintId: string) =>
    api.request<DossierEvent[]>('GET', `/complaints/${id(complaintId)}/events`),
  addNote: (complaintId: string, note: { title?: string; text: string }) =>
    api.request<DossierItem>('POST', `/complaints/${id(complaintId)}/notes`, { json: note }),
  addAttachment: (complaintId: string, file: File, title?: string) =>
    api.request<DossierItem>('POST', `/complaints/${id(complaintId)}/attachments`, {
      query: { fileName: file.name, title },
      bytes: file,
    }),
  documentPath: (complaintId: string, documentId: string) =>
    `/complaints/${id(complaintId)}/documents/${id(documentId)}/content`,
  act: <A extends ActionName>(complaintId: string, action: A, body: ActionBodies[A], lang: Language) =>
    api.request<ProcedureState | undefined>(
      'POST',
      `/complaints/${id(complaintId)}/actions/${actionPath(action)}`,
      { json: body, query: { lang } },
    ),
};

export const intake = {
  list: (includeDone = false) =>
    api.request<IntakeItem[]>('GET', '/intake', { query: { includeDone: includeDone || undefined } }),
  classify: (itemId: string, body: { kind: IntakeKind; reason: string }) =>
    api.request<void>('POST', `/intake/${id(itemId)}/classify`, { json: body }),
  openComplaint: (
    itemId: string,
    body: {
      handlerId?: string | null;
      complainantName?: string;
      description?: string;
      product?: string | null;
    },
  ) => api.request<Complaint>('POST', `/intake/${id(itemId)}/open-complaint`, { json: body }),
  openCancellation: (
    itemId: string,
    body: {
      customerName?: string;
      policies: string;
      effectiveDate?: string | null;
      complaintId?: string | null;
    },
  ) => api.request<Cancellation>('POST', `/intake/${id(itemId)}/open-cancellation`, { json: body }),
};

export const organisation = {
  get: () => api.request<Organisation>('GET', '/organisation'),
  change: (body: OrganisationChange) => api.request<Organisation>('PATCH', '/organisation', { json: body }),
  confirmDisputesBody: (body: DisputesBodyChange) =>
    api.request<Organisation>('PUT', '/organisation/disputes-body', { json: body }),
  procedure: () => api.request<ProcedureSettings>('GET', '/organisation/procedure'),
  reviseProcedure: (body: { terms: ProcedureTerms; requireConsultationPerStep: boolean }) =>
    api.request<ProcedureSettings>('PUT', '/organisation/procedure', { json: body }),
  addClosingDay: (body: { date: string; name: string }) =>
    api.request<ProcedureSettings>('POST', '/organisation/closing-days', { json: body }),
  removeClosingDay: (date: string) =>
    api.request<ProcedureSettings>('DELETE', `/organisation/closing-days/${id(date)}`),
  smtp: () => api.request<SmtpSettings | null>('GET', '/organisation/smtp'),
  saveSmtp: (body: SmtpChange) => api.request<SmtpSettings>('PUT', '/organisation/smtp', { json: body }),
  testSmtp: () => api.request<ConnectionTest>('POST', '/organisation/smtp/test'),
};

export const mailboxes = {
  list: () => api.request<Mailbox[]>('GET', '/mailboxes'),
  create: (body: NewMailbox) => api.request<Mailbox>('POST', '/mailboxes', { json: body }),
  test: (mailboxId: string) => api.request<ConnectionTest>('POST', `/mailboxes/${id(mailboxId)}/test`),
};

export const users = {
  list: () => api.request<User[]>('GET', '/users'),
  create: (body: NewUser) => api.request<User>('POST', '/users', { json: body }),
};

export const notifications = {
  list: (options: { unread?: boolean; limit?: number } = {}) =>
    api.request<Notification[]>('GET', '/notifications', {
      query: { unread: options.unread || undefined, limit: options.limit },
    }),
  markRead: (notificationId: string) =>
    api.request<void>('POST', `/notifications/${id(notificationId)}/read`),
};

export const savedViews = {
  list: () => api.request<SavedView[]>('GET', '/saved-views'),
  create: (body: { name: string; filters: ComplaintFilters }) =>
    api.request<SavedView>('POST', '/saved-views', { json: body }),
  remove: (viewId: string) => api.request<void>('DELETE', `/saved-views/${id(viewId)}`),
};
