import fs from 'node:fs';
import { Unzip, UnzipInflate } from 'fflate';
import { BackupFormatError } from './backup-format.ts';

/** What the archive hands over, in archive order: whole small entries, or a big one line by line. */
export type BackupPiece =
  | { kind: 'entry'; name: string; text: string }
  | { kind: 'lines'; name: string; lines: string[] }
  | { kind: 'end-of-file'; name: string };

const SMALL_ENTRIES = /^[^/]+\.json$/;

/**
 * Streams a backup archive: the file is read in chunks and every table's rows are handed over a
 * batch of lines at a time, awaiting the consumer before reading on, so memory stays bounded by one
 * chunk's rows whatever the backup's size.
 */
export async function readBackup(
  file: string,
  consume: (piece: BackupPiece) => Promise<void>,
): Promise<void> {
  const queue: BackupPiece[] = [];
  let failure: Error | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (entry) => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const small = SMALL_ENTRIES.test(entry.name);
    let carry = '';
    entry.ondata = (error, chunk, final) => {
      if (error) {
        failure = new BackupFormatError(`entry ${entry.name} is damaged: ${error.message}`);
        return;
      }
      let text: string;
      try {
        text = carry + decoder.decode(chunk, { stream: !final });
      } catch {
        failure = new BackupFormatError(`entry ${entry.name} is not valid UTF-8`);
        return;
      }
      if (small) {
        carry = text;
        if (final) queue.push({ kind: 'entry', name: entry.name, text: carry });
        return;
      }
      const cut = text.lastIndexOf('\n');
      carry = final ? '' : text.slice(cut + 1);
      const complete = final ? text : text.slice(0, cut + 1);
      const lines = complete.split('\n').filter((l) => l.length > 0);
      if (lines.length > 0) queue.push({ kind: 'lines', name: entry.name, lines });
      if (final) queue.push({ kind: 'end-of-file', name: entry.name });
    };
    entry.start();
  };
  const drain = async (): Promise<void> => {
    if (failure) throw failure;
    while (queue.length > 0) await consume(queue.shift()!);
  };
  const stream = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  for await (const chunk of stream) {
    unzip.push(chunk as Uint8Array);
    await drain();
  }
  unzip.push(new Uint8Array(0), true);
  await drain();
}
