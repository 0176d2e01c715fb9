import { ApiError, networkError, problemFromResponse } from './problem.ts';

/**
 * How requests prove who is asking. A cookie session (HttpOnly, set by POST /api/v1/auth/login)
 * travels by itself and needs the session's CSRF token on every request that changes something; an
 * API token goes in the Authorization header.
 */
export type Credentials = { kind: 'session'; csrfToken: string } | { kind: 'token'; token: string };

type QueryValue = string | number | boolean | readonly string[] | undefined | null;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** JSON body. */
  json?: unknown;
  /** Raw body (attachments), sent as application/octet-stream. */
  bytes?: Blob;
  /** Do not report a 401 as an ended session (used while signing in). */
  quietUnauthenticated?: boolean;
  /** The same key on a retry makes the server give back what the first attempt did. */
  idempotencyKey?: string;
}

export const API_BASE = '/api/v1';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      for (const item of value as readonly string[]) params.append(key, item);
    } else {
      params.append(key, String(value));
    }
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export class ApiClient {
  private credentials: Credentials | null = null;
  private unauthenticatedListener: (() => void) | null = null;
  /** Asked for a fresh CSRF token when the server says ours is stale (a new session elsewhere). */
  private csrfRefresher: (() => Promise<string | null>) | null = null;

  setCredentials(credentials: Credentials | null): void {
    this.credentials = credentials;
  }

  getCredentials(): Credentials | null {
    return this.credentials;
  }

  onUnauthenticated(listener: (() => void) | null): void {
    this.unauthenticatedListener = listener;
  }

  onCsrfRefresh(refresher: (() => Promise<string | null>) | null): void {
    this.csrfRefresher = refresher;
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, options, true);
    if (response.status === 204) return undefined as T;
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('json')) return undefined as T;
    return (await response.json()) as T;
  }

  /** A file from the API, with the name the server gave it. */
  async download(
    path: string,
    method: 'GET' | 'POST' = 'GET',
    options: RequestOptions = {},
  ): Promise<{ blob: Blob; fileName: string | null }> {
    const response = await this.send(method, path, options, true);
    const disposition = response.headers.get('content-disposition') ?? '';
    return { blob: await response.blob(), fileName: fileNameFrom(disposition) };
  }

  private headersFor(method: string, options: RequestOptions): Headers {
    const headers = new Headers({ accept: 'application/json, application/problem+json' });
    if (options.json !== undefined) headers.set('content-type', 'application/json');
    if (options.bytes !== undefined) headers.set('content-type', 'application/octet-stream');
    if (options.idempotencyKey !== undefined) headers.set('idempotency-key', options.idempotencyKey);
    const credentials = this.credentials;
    if (credentials?.kind === 'token') headers.set('authorization', `Bearer ${credentials.token}`);
    if (credentials?.kind === 'session' && !SAFE_METHODS.has(method)) {
      headers.set('x-csrf-token', credentials.csrfToken);
    }
    return headers;
  }

  private async send(
    method: string,
    path: string,
    options: RequestOptions,
    mayRetry: boolean,
  ): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${API_BASE}${path}${buildQuery(options.query)}`, {
        method,
        headers: this.headersFor(method, options),
        credentials: 'same-origin',
        ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
        ...(options.bytes !== undefined ? { body: options.bytes } : {}),
      });
    } catch {
      throw networkError();
    }
    if (response.ok) return response;
    const error = await problemFromResponse(response);
    if (mayRetry && this.isStaleCsrf(error, method) && this.csrfRefresher) {
      const fresh = await this.csrfRefresher();
      if (fresh !== null) {
        this.credentials = { kind: 'session', csrfToken: fresh };
        return this.send(method, path, options, false);
      }
    }
    if (error.status === 401 && !options.quietUnauthenticated) this.unauthenticatedListener?.();
    throw error;
  }

  private isStaleCsrf(error: ApiError, method: string): boolean {
    return (
      this.credentials?.kind === 'session' &&
      !SAFE_METHODS.has(method) &&
      error.status === 403 &&
      error.code.includes('csrf')
    );
  }
}

function fileNameFrom(disposition: string): string | null {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? null;
}

/** The one client of the app; the session provider sets its credentials. */
export const api = new ApiClient();
