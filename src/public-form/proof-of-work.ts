import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { RememberProofOfWork } from './proof-of-work-uses.ts';

/**
 * Self-hosted proof-of-work (ALTCHA). Each rendered form carries a challenge bound to its form id;
 * the browser solves it in a worker while the person types. A solution counts once: a second use by
 * the same form is a double click (harmless, everything is keyed on the form id), by any other form
 * a replay. Used challenges are remembered (in the database, for every process: proof-of-work-uses.ts)
 * until their form token has expired anyway.
 *
 * The work is SHA-256 with a counter the server picked (deterministic mode): bounded, around a
 * second in a browser, negligible to verify — a speed bump for mass submission, not a wall; the
 * rate limits are the wall.
 */
export interface ProofOfWorkOptions {
  cost: number;
  counterMin: number;
  counterMax: number;
}

export const DEFAULT_PROOF_OF_WORK: ProofOfWorkOptions = { cost: 8, counterMin: 4_000, counterMax: 12_000 };

const ALGORITHM = 'SHA-256';
const MAX_PAYLOAD_LENGTH = 4096;

export interface ProofOfWork {
  createChallenge(formId: string): Promise<Challenge>;
  /** True when the payload solves a challenge we issued for this form and no other form used it. */
  verify(payload: string, formId: string, now: Date): Promise<boolean>;
}

export function createProofOfWork(
  key: Buffer,
  remember: RememberProofOfWork,
  options: ProofOfWorkOptions = DEFAULT_PROOF_OF_WORK,
): ProofOfWork {
  const hmacSignatureSecret = key.subarray(0, 16).toString('hex');
  const hmacKeySignatureSecret = key.subarray(16).toString('hex');

  return {
    createChallenge: (formId) =>
      createChallenge({
        algorithm: ALGORITHM,
        cost: options.cost,
        counter: randomInt(options.counterMin, options.counterMax),
        deriveKey,
        data: { formId },
        hmacSignatureSecret,
        hmacKeySignatureSecret,
      }),

    async verify(payload, formId, now) {
      if (payload.length > MAX_PAYLOAD_LENGTH) return false;
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
      } catch {
        return false;
      }
      if (typeof decoded !== 'object' || decoded === null) return false;
      const { challenge, solution } = decoded as { challenge?: Challenge; solution?: unknown };
      const parameters = challenge?.parameters;
      if (
        challenge === undefined ||
        typeof parameters !== 'object' ||
        parameters === null ||
        parameters.algorithm !== ALGORITHM ||
        parameters.data?.['formId'] !== formId ||
        typeof parameters.nonce !== 'string' ||
        typeof solution !== 'object' ||
        solution === null
      ) {
        return false;
      }
      try {
        const result = await verifySolution({
          challenge,
          solution: solution as { counter: number; derivedKey: string },
          deriveKey,
          hmacSignatureSecret,
          hmacKeySignatureSecret,
        });
        if (!result.verified) return false;
      } catch {
        return false;
      }
      return remember(parameters.nonce, formId, now);
    },
  };
}
