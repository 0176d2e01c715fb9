import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The form's few files: its style sheet, its progressive-enhancement script and ALTCHA's
 * proof-of-work worker, served by us (no CDN: the product must work offline and a third party should
 * not see who files a complaint). Each URL carries a hash of its content, so browsers may cache it for
 * a year and still never run a stale copy after an upgrade.
 */
export interface StaticAsset {
  url: string;
  contentType: string;
  body: Buffer;
}

export interface StaticAssets {
  styleSheet: string;
  script: string;
  powWorker: string;
  byFileName: ReadonlyMap<string, StaticAsset>;
}

export const STATIC_PREFIX = '/klacht/_static/';

function asset(source: string, baseName: string, extension: string, contentType: string): StaticAsset {
  const body = fs.readFileSync(source);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { url: `${STATIC_PREFIX}${baseName}.${hash}.${extension}`, contentType, body };
}

export function loadStaticAssets(): StaticAssets {
  const own = path.join(import.meta.dirname, 'assets');
  const worker = fileURLToPath(import.meta.resolve('altcha/workers/sha'));
  const styleSheet = asset(
    path.join(own, 'public-form.css'),
    'public-form',
    'css',
    'text/css; charset=utf-8',
  );
  const script = asset(
    path.join(own, 'public-form.js'),
    'public-form',
    'js',
    'text/javascript; charset=utf-8',
  );
  const powWorker = asset(worker, 'altcha-worker', 'js', 'text/javascript; charset=utf-8');
  const all = [styleSheet, script, powWorker];
  return {
    styleSheet: styleSheet.url,
    script: script.url,
    powWorker: powWorker.url,
    byFileName: new Map(all.map((a) => [a.url.slice(STATIC_PREFIX.length), a])),
  };
}
