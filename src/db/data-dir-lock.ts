import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite does not lock its data folder, and a second process writing the same folder silently loses
 * committed rows. This lock makes the second process fail loudly instead. A lock left by a process
 * that died (kill -9, power loss) is taken over once its owner is provably gone.
 */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

const LOCK_FILE = 'klachtwijzer.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.hostname === 'string') {
      return {
        pid: parsed.pid,
        hostname: parsed.hostname,
        startedAt: typeof parsed.startedAt === 'string' ? parsed.startedAt : '',
      };
    }
  } catch {
    // An unreadable or half-written lock file is treated as stale; see acquire().
  }
  return undefined;
}

function ownerDescription(owner: LockOwner): string {
  return `process ${owner.pid} on ${owner.hostname} (since ${owner.startedAt})`;
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() };
  const content = JSON.stringify(me);

  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(file, content, { flag: 'wx' });
      return makeLock(file, me);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(file);
    if (owner && owner.hostname !== me.hostname) {
      throw new DataDirLockedError(
        `The data folder ${dataDir} is in use by ${ownerDescription(owner)}. ` +
          'Stop that process first; an embedded database can only be used by one process at a time. ' +
          `If that machine is gone for good, remove ${file}.`,
      );
    }
    if (owner && isAlive(owner.pid)) {
      throw new DataDirLockedError(
        `The data folder ${dataDir} is in use by ${ownerDescription(owner)}. ` +
          'Stop that process first, or set DATABASE_URL to use PostgreSQL with several processes.',
      );
    }
    takeOverStaleLock(file, owner);
  }
  throw new DataDirLockedError(`Could not take the lock ${file}; another process keeps taking it.`);
}

/**
 * Two starters may find the same stale lock; a rename of the stale file to a name only one of them
 * chooses decides who removes it, so neither deletes a lock the other has just written.
 */
function takeOverStaleLock(file: string, expectedOwner: LockOwner | undefined): void {
  const claimed = `${file}.stale-${process.pid}-${Date.now()}`;
  try {
    fs.renameSync(file, claimed);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const actual = readOwner(claimed);
  const sameOwner = actual?.pid === expectedOwner?.pid && actual?.startedAt === expectedOwner?.startedAt;
  if (!sameOwner && actual && isAlive(actual.pid)) {
    // We moved a lock that a live process had just taken; put it back and let the loop report it.
    try {
      fs.linkSync(claimed, file);
    } catch {
      // If a third process got in first, its own lock stands and the loop will see it.
    }
  }
  fs.rmSync(claimed, { force: true });
}

function makeLock(file: string, me: LockOwner): DataDirLock {
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    const owner = readOwner(file);
    if (owner?.pid === me.pid && owner.startedAt === me.startedAt) fs.rmSync(file, { force: true });
    process.removeListener('exit', release);
  };
  process.on('exit', release);
  return { file, release };
}
