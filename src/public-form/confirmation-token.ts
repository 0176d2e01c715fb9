import { readToken, signToken } from './signed-token.ts';

/**
 * The confirmation page after POST → 303 → GET reads its reference from this token in the URL, so
 * the page holds nothing someone else could look up, and a shared or bookmarked link soon shows
 * nothing at all. A dropped bot submission gets a token without a reference.
 */
export const CONFIRMATION_MAX_AGE_MS = 60 * 60 * 1000;

export interface Confirmation {
  organisationId: string;
  reference: string | null;
  expiresAt: number;
}

export function issueConfirmationToken(key: Buffer, confirmation: Confirmation): string {
  return signToken(key, {
    o: confirmation.organisationId,
    r: confirmation.reference,
    e: confirmation.expiresAt,
  });
}

export function readConfirmationToken(
  key: Buffer,
  raw: unknown,
  organisationId: string,
  now: Date,
): Confirmation | null {
  const reading = readToken(key, raw);
  if (reading.status !== 'valid') return null;
  const payload = reading.payload as Record<string, unknown> | null;
  if (typeof payload !== 'object' || payload === null) return null;
  const { o, r, e } = payload;
  if (o !== organisationId || typeof e !== 'number' || e < now.getTime()) return null;
  if (r !== null && (typeof r !== 'string' || !/^[A-Z]{2}-\d{4}-\d{1,9}$/.test(r))) return null;
  return { organisationId, reference: r, expiresAt: e };
}
