import { api } from './client.ts';

export type ImprovementStatus = 'open' | 'done' | 'cancelled';

export const IMPROVEMENT_STATUSES: readonly ImprovementStatus[] = ['open', 'done', 'cancelled'];

export interface ImprovementAction {
  id: string;
  title: string;
  description: string | null;
  rootCause: string | null;
  owner: { id: string; name: string };
  dueDate: string;
  status: ImprovementStatus;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  complaints: Array<{ id: string; reference: string }>;
}

export interface ImprovementInput {
  title: string;
  description: string | null;
  rootCause: string | null;
  ownerId: string;
  dueDate: string;
  status: ImprovementStatus;
  complaintIds: string[];
}

const id = (value: string) => encodeURIComponent(value);

/** Read by coordinator and auditor; changed by the coordinator. */
export const improvementActions = {
  list: (status?: ImprovementStatus) =>
    api.request<ImprovementAction[]>('GET', '/improvement-actions', { query: { status } }),
  create: (body: ImprovementInput) =>
    api.request<ImprovementAction>('POST', '/improvement-actions', { json: body }),
  change: (actionId: string, body: Partial<ImprovementInput>) =>
    api.request<ImprovementAction>('PATCH', `/improvement-actions/${id(actionId)}`, { json: body }),
  remove: (actionId: string) => api.request<void>('DELETE', `/improvement-actions/${id(actionId)}`),
};
