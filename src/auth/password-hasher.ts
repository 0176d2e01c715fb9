import { randomBytes } from 'node:crypto';
import { hash, parseOptions, verify } from '@node-rs/argon2';

/**
 * Argon2id password hashing. The production cost is the library's default, which is OWASP's
 * minimum for argon2id (19 MiB, 2 passes, 1 lane); only tests pass a lower cost, to keep runs short.
 *
 * `verifyOrDummy` always runs one argon2 verification, against a hash of a random password made
 * with the same cost when there is no account: an unknown e-mail address then costs as much time as
 * a wrong password, so the answer time tells nothing about which addresses exist.
 */
export interface PasswordHashingCost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export const DEFAULT_PASSWORD_HASHING: PasswordHashingCost = {
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

const ARGON2ID = 2;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a missing hash too, after the same amount of work. */
  verifyOrDummy(storedHash: string | null | undefined, password: string): Promise<boolean>;
  /** A hash made with another algorithm or cost is replaced at the next successful sign-in. */
  needsRehash(storedHash: string): boolean;
}

export function createPasswordHasher(cost: PasswordHashingCost = DEFAULT_PASSWORD_HASHING): PasswordHasher {
  const options = { ...cost, algorithm: ARGON2ID as 2 };
  let dummy: Promise<string> | undefined;
  const dummyHash = (): Promise<string> => (dummy ??= hash(randomBytes(24).toString('base64url'), options));

  return {
    hash: (password) => hash(password, options),
    async verifyOrDummy(storedHash, password) {
      if (!storedHash) {
        await verify(await dummyHash(), password).catch(() => false);
        return false;
      }
      try {
        return await verify(storedHash, password);
      } catch {
        // A damaged hash must not become a different (faster) answer.
        await verify(await dummyHash(), password).catch(() => false);
        return false;
      }
    },
    needsRehash(storedHash) {
      try {
        const parsed = parseOptions(storedHash);
        return (
          (parsed.algorithm as number) !== ARGON2ID ||
          parsed.memoryCost !== cost.memoryCost ||
          parsed.timeCost !== cost.timeCost ||
          parsed.parallelism !== cost.parallelism
        );
      } catch {
        return true;
      }
    },
  };
}
