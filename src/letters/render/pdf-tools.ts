// Test support: poppler's command-line tools on PDF bytes (CI installs poppler-utils).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

function withTempPdf<T>(pdf: Buffer, use: (file: string) => T): T {
  const folder = mkdtempSync(join(tmpdir(), 'klachtwijzer-letter-'));
  try {
    const file = join(folder, 'letter.pdf');
    writeFileSync(file, pdf);
    return use(file);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function run(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error !== undefined) throw result.error;
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout;
}

/** `pdftotext -layout`: the text as a reader sees it, pages separated by form feeds. */
export function pdfToText(pdf: Buffer): string {
  return withTempPdf(pdf, (file) => run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']));
}

export function pdfPageCount(pdf: Buffer): number {
  const info = withTempPdf(pdf, (file) => run('pdfinfo', [file]));
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? Number.NaN);
}

/** The first page as a PNG at `dpi`, written to `target` (a path ending in .png). */
export function writeFirstPagePng(pdf: Buffer, target: string, dpi = 60): void {
  mkdirSync(dirname(target), { recursive: true });
  withTempPdf(pdf, (file) =>
    run('pdftoppm', [
      '-png',
      '-r',
      String(dpi),
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      target.replace(/\.png$/, ''),
    ]),
  );
}
