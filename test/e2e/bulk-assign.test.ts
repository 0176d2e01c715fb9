import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasWebAppBuild } from '../../src/http/web-app.routes.ts';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { bearerApi } from '../support/bearer-api.ts';

/**
 * Reassigning several complaints from the work queue in Chromium against `klachtwijzer serve` with
 * its job system on (the request runs as a pg-boss job): three complaints ticked, one by the
 * keyboard, assigned to another handler, the progress bar followed to 100 %, and each dossier
 * checked for its own reassignment event. The first answer is lost on the way back, and the retry
 * gets the same job by its Idempotency-Key. axe-core on the screen; a screenshot for review.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/bulk-assign');
const WORD = 'Zonnepanelenkwestie';

let server: ServerProcess;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const api = bearerApi(() => ({ url: server.url, token: server.apiToken! }));

interface StaffUser {
  id: string;
  displayName: string;
  roles: string[];
  disabled: boolean;
}

let from: StaffUser;
let to: StaffUser;
const created: Array<{ id: string; reference: string }> = [];

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (!hasWebAppBuild()) {
    const { build } = await import('vite');
    await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachtwijzer-bulk-'));
  server = await startServerProcess({ DATA_DIR: dataDir }, 180_000);
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.setDefaultTimeout(20_000);

  const users = await api<StaffUser[]>('GET', '/users');
  const handlers = users.filter((u) => !u.disabled && u.roles.includes('handler'));
  [from, to] = [handlers[0]!, handlers[1]!];
  for (const name of ['Anna Bakker', 'Bert Claes', 'Carla Dekker']) {
    created.push(
      await api('POST', '/complaints', {
        channel: 'letter',
        complainant: { name, street: 'Lindelaan 4', postalCode: '3511 AB', city: 'Utrecht' },
        description: `${WORD}: de opbrengst van mijn zonnepanelen is niet vergoed.`,
        handlerId: from.id,
      }),
    );
  }

  await page.goto(`${server.url}/app/`);
  await page.getByRole('button', { name: 'Aanmelden met een API-sleutel' }).click();
  await page.getByLabel('API-sleutel').fill(server.apiToken!);
  await page.getByRole('button', { name: 'Aanmelden met sleutel' }).click();
  await page.getByRole('heading', { name: 'Werkvoorraad' }).waitFor();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
});

describe('reassigning several complaints from the work queue', () => {
  it('selects three complaints, assigns them to another handler and follows the progress to 100 %', async () => {
    await page.goto(`${server.url}/app/?q=${WORD}`);
    const rows = page.locator('table.table-queue tbody tr');
    await expect.poll(() => rows.count()).toBe(3);

    // The first by the keyboard (x on the focused row), the rest with the page's checkbox.
    await rows.first().focus();
    await page.keyboard.press('x');
    await page.getByText('1 klacht geselecteerd').waitFor();
    await page.getByRole('checkbox', { name: 'Alle klachten op deze pagina selecteren' }).check();
    await page.getByText('3 klachten geselecteerd').waitFor();
    for (const { reference } of created) {
      expect(await page.getByRole('checkbox', { name: `${reference} selecteren` }).isChecked()).toBe(true);
    }

    // The first answer is lost after the server started the job (the connection drops); the
    // retry of the same action must carry the same Idempotency-Key and get that job back.
    const attempts: Array<{ key: string | undefined; jobId: string; replayed: boolean }> = [];
    await page.route('**/api/v1/complaints/bulk-assignments', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      const response = await route.fetch();
      attempts.push({
        key: route.request().headers()['idempotency-key'],
        jobId: ((await response.json()) as { id: string }).id,
        replayed: response.headers()['idempotent-replayed'] === 'true',
      });
      return attempts.length === 1 ? route.abort('connectionreset') : route.fulfill({ response });
    });
    await page.getByLabel('Toewijzen aan…').selectOption(to.id);
    const assign = page.getByRole('button', { name: 'Toewijzen', exact: true });
    await assign.click();
    await page.getByRole('alert').filter({ hasText: 'De server is niet bereikbaar.' }).waitFor();
    await assign.click();
    await expect.poll(() => attempts.length).toBe(2);
    await page.unroute('**/api/v1/complaints/bulk-assignments');
    const [first, retry] = attempts as [(typeof attempts)[0], (typeof attempts)[0]];
    expect(first.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(retry).toEqual({ key: first.key, jobId: first.jobId, replayed: true });
    expect(first.replayed).toBe(false);
    const bar = page.getByRole('progressbar', { name: 'Voortgang van het toewijzen' });
    await bar.waitFor();
    await expect.poll(() => bar.getAttribute('aria-valuenow'), { timeout: 60_000 }).toBe('100');
    await page.getByRole('status').filter({ hasText: 'Klaar: 3 klachten toegewezen.' }).waitFor();
    expect(await bar.getAttribute('aria-valuetext')).toBe('3 van 3 klachten verwerkt');
    // The queue shows the new handler once it reloads.
    await expect
      .poll(() => page.locator('table.table-queue tbody td.col-handler').allTextContents())
      .toEqual([to.displayName, to.displayName, to.displayName]);

    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'bulk-assign-done.png'), fullPage: true });

    for (const { id } of created) {
      const complaint = await api<{ handler: { id: string } | null }>('GET', `/complaints/${id}`);
      expect(complaint.handler?.id).toBe(to.id);
      const events = await api<Array<{ type: string }>>('GET', `/complaints/${id}/events`);
      expect(events.filter((e) => e.type === 'complaint.handler_assigned')).toHaveLength(1);
    }
    expect(pageErrors).toEqual([]);
  });
});
