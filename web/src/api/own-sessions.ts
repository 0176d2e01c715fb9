import { api } from './client.ts';

/** One of my sessions; `id` is an opaque handle the server made only for ending it. */
export interface OwnSession {
  id: string;
  current: boolean;
  signInMethod: 'password' | 'sso';
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  client: string | null;
  network: string | null;
}

export interface EndedSessions {
  ended: number;
  current: boolean;
}

export const ownSessions = {
  list: () => api.request<OwnSession[]>('GET', '/auth/sessions'),
  end: (handle: string) =>
    api.request<EndedSessions>('POST', `/auth/sessions/${encodeURIComponent(handle)}/end`),
  endOthers: () => api.request<EndedSessions>('POST', '/auth/sessions/end-others'),
};
