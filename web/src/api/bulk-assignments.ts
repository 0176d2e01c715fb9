import { api } from './client.ts';

export interface BulkAssignment {
  id: string;
  status: 'queued' | 'running' | 'finished';
  handlerId: string;
  total: number;
  done: number;
  failed: number;
  createdAt: string;
  finishedAt: string | null;
  items: Array<{
    complaintId: string;
    reference: string;
    status: 'pending' | 'done' | 'failed';
    reasonCode: string | null;
    /** Why not, in Dutch (the step's own refusal). */
    reason: string | null;
  }>;
}

export const bulkAssignments = {
  /** The same `idempotencyKey` from the same coordinator gives the same job back, never a second one. */
  start: (complaintIds: string[], handlerId: string, idempotencyKey: string) =>
    api.request<BulkAssignment>('POST', '/complaints/bulk-assignments', {
      json: { complaintIds, handlerId },
      idempotencyKey,
    }),
  get: (id: string) =>
    api.request<BulkAssignment>('GET', `/complaints/bulk-assignments/${encodeURIComponent(id)}`),
};
