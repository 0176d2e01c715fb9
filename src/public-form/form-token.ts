import { randomBytes } from 'node:crypto';
import { readToken, signToken } from './signed-token.ts';

/**
 * Issued with every rendered form and carried through the review step. It names one attempt to file
 * a complaint (`formId`: drafts, double submits and proof-of-work are keyed on it) and says when the
 * form was first shown, for the minimum fill time. Signed, so neither can be made up.
 */
export interface FormToken {
  formId: string;
  organisationId: string;
  issuedAt: number;
}

/** Long enough for someone who writes their complaint slowly, with a lunch break in between. */
export const FORM_TOKEN_MAX_AGE_MS = 4 * 60 * 60 * 1000;

export type FormTokenReading =
  | { status: 'valid'; token: FormToken }
  | { status: 'forged' }
  /** Signed by a key we no longer hold, too old, or from a clock that has since jumped back. */
  | { status: 'stale' };

export function newFormId(): string {
  return randomBytes(16).toString('hex');
}

export function issueFormToken(key: Buffer, token: FormToken): string {
  return signToken(key, { v: 1, f: token.formId, o: token.organisationId, t: token.issuedAt });
}

export function readFormToken(
  key: Buffer,
  raw: unknown,
  organisationId: string,
  now: Date,
): FormTokenReading {
  const reading = readToken(key, raw);
  if (reading.status === 'other_key') return { status: 'stale' };
  if (reading.status === 'forged') return { status: 'forged' };
  const payload = reading.payload as Record<string, unknown> | null;
  if (
    typeof payload !== 'object' ||
    payload === null ||
    payload['v'] !== 1 ||
    typeof payload['f'] !== 'string' ||
    !/^[0-9a-f]{32}$/.test(payload['f']) ||
    typeof payload['o'] !== 'string' ||
    typeof payload['t'] !== 'number'
  ) {
    return { status: 'forged' };
  }
  // A real form of one organisation never posts to another's address.
  if (payload['o'] !== organisationId) return { status: 'forged' };
  const age = now.getTime() - payload['t'];
  if (age < 0 || age > FORM_TOKEN_MAX_AGE_MS) return { status: 'stale' };
  return { status: 'valid', token: { formId: payload['f'], organisationId, issuedAt: payload['t'] } };
}
