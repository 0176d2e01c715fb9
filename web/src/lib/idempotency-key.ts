import { isApiError } from '../api/problem.ts';

/**
 * A fresh Idempotency-Key. crypto.randomUUID exists only in a secure context (https, localhost); on
 * plain http inside an office network getRandomValues still does, so the key never goes missing.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Whether a failed request may still have been carried out: no answer at all (the connection broke,
 * perhaps after the server committed) or a gateway's 5xx. Retrying such a request must reuse its key.
 */
export function outcomeUnknown(failure: unknown): boolean {
  return isApiError(failure) && (failure.status === 0 || failure.status >= 500);
}
