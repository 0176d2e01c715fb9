import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

const SLICE = 64 * 1024;

/**
 * A ZIP written straight into a stream, one file after another, waiting whenever the reader is
 * slower (back-pressure): the archive is never held in memory, only the file being added.
 */
export class ZipStream {
  readonly readable: Readable;
  private readonly out = new PassThrough();
  private readonly zip: Zip;

  constructor() {
    this.readable = this.out;
    this.zip = new Zip((error, chunk, final) => {
      if (error) {
        this.out.destroy(error);
        return;
      }
      this.out.write(chunk);
      if (final) this.out.end();
    });
  }

  /** Compressing what is already compressed (PDF, JPEG, DOCX) costs CPU and gains nothing. */
  async addFile(
    path: string,
    content: Uint8Array,
    options: { modifiedAt: Date; compress: boolean },
  ): Promise<void> {
    const file = options.compress ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
    // DOS time stamps start in 1980; anything earlier would be refused.
    file.mtime = Math.max(options.modifiedAt.getTime(), Date.UTC(1980, 0, 2));
    this.zip.add(file);
    let offset = 0;
    do {
      const end = Math.min(offset + SLICE, content.length);
      file.push(content.subarray(offset, end), end === content.length);
      offset = end;
      if (this.out.destroyed) throw new Error('the export stream was closed');
      if (this.out.writableNeedDrain) {
        // A reader that goes away never drains; its close ends the wait too.
        await Promise.race([once(this.out, 'drain'), once(this.out, 'close')]);
      }
    } while (offset < content.length);
  }

  end(): void {
    this.zip.end();
  }

  fail(error: Error): void {
    this.zip.terminate();
    this.out.destroy(error);
  }
}

export function worthCompressing(mediaType: string): boolean {
  return /^(text\/|message\/|application\/(json|xml|rtf)|image\/(bmp|tiff|svg))/.test(mediaType);
}
