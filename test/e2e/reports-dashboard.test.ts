import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasWebAppBuild } from '../../src/http/web-app.routes.ts';
import { axeViolations, launchChromium, settledScreenshot } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

/**
 * The timeliness and outcomes view of the dashboard in Chromium against `klachtwijzer serve` with
 * the demo organisation: the figures come from /api/v1/reports, the register downloads as a file,
 * and the page passes axe-core (WCAG 2.1 A/AA). Photographed for review.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/reports');

let server: ServerProcess;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (!hasWebAppBuild()) {
    const { build } = await import('vite');
    await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachtwijzer-reports-'));
  server = await startServerProcess({ DATA_DIR: dataDir, JOBS_ENABLED: 'false' });
  browser = await launchChromium();
  const context = await browser.newContext({
    locale: 'nl-NL',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
});

describe('the reports on the dashboard', () => {
  it('shows timeliness and outcomes from the reports API and downloads the register', async () => {
    const year = new Date().getFullYear();
    const expected = (await (
      await fetch(`${server.url}/api/v1/reports/timeliness?from=${year}-01-01`, {
        headers: { authorization: `Bearer ${server.apiToken!}` },
      })
    ).json()) as { overall: { complaints: number } };

    await page.goto(`${server.url}/app/`);
    await page.getByRole('button', { name: 'Aanmelden met een API-sleutel' }).click();
    await page.getByLabel('API-sleutel').fill(server.apiToken!);
    await page.getByRole('button', { name: 'Aanmelden met sleutel' }).click();
    await page.getByRole('heading', { name: 'Werkvoorraad' }).waitFor();
    await page.goto(`${server.url}/app/dashboard`);
    const section = page.locator('section[aria-labelledby="reports-title"]');
    await section.getByRole('heading', { name: 'Tijdigheid en uitkomsten' }).waitFor();
    // The demo's complaints lie in recent months; early in January this year may still be empty.
    const empty = 'Geen klachten in deze periode.';
    const shown =
      expected.overall.complaints > 0 ? section.locator('.kpi-value').first() : section.getByText(empty);
    await shown.waitFor();
    expect(await shown.textContent()).toBe(
      expected.overall.complaints > 0 ? String(expected.overall.complaints) : empty,
    );
    expect(await axeViolations(page)).toEqual([]);
    await settledScreenshot(page, path.join(ARTIFACTS, 'dashboard-reports.png'));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Klachtenregister (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^klachtenregister-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.csv$/);
    const content = fs.readFileSync(await download.path(), 'utf8');
    expect(content.startsWith('\uFEFF"Kenmerk"')).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
