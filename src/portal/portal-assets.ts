import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadStaticAssets, type StaticAsset } from '../public-form/static-assets.ts';

/**
 * The portal looks like its sibling, the complaint form: it uses the form's own style sheet (served
 * by the form under its content-hashed URL) and adds one small sheet of its own for what only the
 * portal has (status, letters, the sign-out button). No script at all: every page works without one.
 */
export const PORTAL_STATIC_PREFIX = '/portaal/_static/';

export interface PortalAssets {
  styleSheets: readonly string[];
  byFileName: ReadonlyMap<string, StaticAsset>;
}

export function loadPortalAssets(): PortalAssets {
  const body = fs.readFileSync(path.join(import.meta.dirname, 'assets', 'portal.css'));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const own: StaticAsset = {
    url: `${PORTAL_STATIC_PREFIX}portal.${hash}.css`,
    contentType: 'text/css; charset=utf-8',
    body,
  };
  return {
    styleSheets: [loadStaticAssets().styleSheet, own.url],
    byFileName: new Map([[own.url.slice(PORTAL_STATIC_PREFIX.length), own]]),
  };
}
