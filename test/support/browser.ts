import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Debian's Chromium, headless, with the flags this machine's closed network needs.
 *
 * Dutch as the browser's own language, as the users' browsers have it: date and time fields are
 * drawn in that language (dd-mm-jjjj), not in the page's `lang` nor the context's `locale`. On Linux
 * Chromium takes it from LANGUAGE/LANG, and only if its language pack is installed (Debian's
 * chromium-l10n); without nl.pak it falls back to en-US and the fields show mm/dd/yyyy.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    env: { ...process.env, LANGUAGE: 'nl_NL:nl', LANG: 'nl_NL.UTF-8' },
    args: [
      '--lang=nl-NL',
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

const AXE_SOURCE = fs.readFileSync(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's WCAG 2.1 A/AA violations of the page, each with its rule, help text and elements.
 * Evaluated through the debugging protocol, which the page's strict CSP does not apply to.
 */
export async function axeViolations(page: Page): Promise<unknown[]> {
  await page.evaluate(`${AXE_SOURCE};0`);
  const violations: unknown = await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} } }).then((r) => r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })))`,
  );
  return violations as unknown[];
}

/** What a screen shows while its data is on the way: the app's loading state or a busy region. */
const LOADING = '.loading, [aria-busy="true"]';

/**
 * Waits until the page shows its data: no loading state, no busy region, fonts in. A screenshot
 * of "Laden…" shows nothing to review, so every e2e screenshot goes through here; a page that never
 * settles fails the test rather than giving a picture of a spinner.
 */
export async function waitUntilSettled(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction((selector) => document.querySelector(selector) === null, LOADING, {
    timeout,
    polling: 100,
  });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** A full-page screenshot once the page has settled (see waitUntilSettled). */
export async function settledScreenshot(
  page: Page,
  file: string,
  options: { fullPage?: boolean } = { fullPage: true },
): Promise<void> {
  await waitUntilSettled(page);
  const viewport = page.viewportSize();
  if (!options.fullPage || !viewport) {
    await page.screenshot({ path: file, ...options });
    return;
  }
  // A full-page picture of a long page draws sticky bars (form actions) where the viewport ends,
  // over the middle of the content. With a viewport as tall as the page they sit where they
  // belong, under their form; the width, and so the layout, stays the same.
  await page.evaluate(() => window.scrollTo(0, 0));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (height > viewport.height) await page.setViewportSize({ width: viewport.width, height });
  try {
    await page.screenshot({ path: file, ...options });
  } finally {
    if (height > viewport.height) await page.setViewportSize(viewport);
  }
}
