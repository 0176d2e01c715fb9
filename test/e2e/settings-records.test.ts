import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasWebAppBuild } from '../../src/http/web-app.routes.ts';
import { axeViolations, launchChromium, settledScreenshot } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { bearerApi } from '../support/bearer-api.ts';

/**
 * Letter templates, the automatic acknowledgment and the retention term in the settings, and the
 * improvement actions from the dashboard, in Chromium against `klachtwijzer serve` with the demo
 * organisation. A template that drops a required element is refused with the element named in
 * Dutch and nothing typed lost. axe-core on each screen; screenshots for review.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/settings-records');

let server: ServerProcess;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const api = bearerApi(() => ({ url: server.url, token: server.apiToken! }));

async function checkAndPhotograph(name: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await settledScreenshot(page, path.join(ARTIFACTS, `${name}.png`));
}

async function openTemplates(): Promise<ReturnType<Page['locator']>> {
  await page.goto(`${server.url}/app/settings/letters`);
  const editor = page.getByRole('form', { name: /^Sjabloon bewerken: / });
  await editor.waitFor();
  return editor;
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (!hasWebAppBuild()) {
    const { build } = await import('vite');
    await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachtwijzer-settings-'));
  server = await startServerProcess({ DATA_DIR: dataDir, JOBS_ENABLED: 'false' }, 180_000);
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.setDefaultTimeout(15_000);
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

describe('letter templates, acknowledgment, retention and improvement actions', () => {
  it('refuses a template without a required element, naming it, and keeps what was typed', async () => {
    const editor = await openTemplates();
    await editor.getByLabel('Onderwerp').fill('Wij hebben uw klacht ontvangen [{{reference}}]');
    const element = editor.locator('.template-block-element').first();
    const blockIndex = Number(await element.getAttribute('data-block'));
    const blocksBefore = await editor.locator('.template-block').count();
    await element.getByRole('button', { name: /verwijderen$/ }).click();
    await editor.getByRole('button', { name: 'Sjabloon opslaan' }).click();
    const alert = editor.getByRole('alert');
    await alert.getByText(/^Niet opgeslagen: een verplicht onderdeel ontbreekt\./).waitFor();
    expect(await alert.textContent()).toMatch(/Het verplichte onderdeel "[^"]+" \(R2 [a-f]\) ontbreekt/);
    expect(await editor.getByLabel('Onderwerp').inputValue()).toBe(
      'Wij hebben uw klacht ontvangen [{{reference}}]',
    );
    expect(await editor.locator('.template-block').count()).toBe(blocksBefore - 1);
    expect(blockIndex).toBeGreaterThanOrEqual(0);
    await checkAndPhotograph('template-refused');
    const stored = await api<{ source: string }>('GET', '/letter-templates/acknowledgment/nl');
    expect(stored.source).toBe('default');
  });

  it('saves a changed subject, previews it as a PDF and returns to the default', async () => {
    const editor = await openTemplates();
    await editor.getByLabel('Onderwerp').fill('Wij hebben uw klacht ontvangen [{{reference}}]');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/letter-templates/acknowledgment/nl/preview')),
      editor.getByRole('button', { name: 'Voorbeeld' }).click(),
    ]);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect(response.status()).toBe(200);
    const link = editor.getByRole('link', { name: 'Voorbeeld openen (PDF)' });
    expect((await link.getAttribute('href'))!.startsWith('blob:')).toBe(true);

    await editor.getByRole('button', { name: 'Sjabloon opslaan' }).click();
    await editor.getByText(/^Het sjabloon is opgeslagen/).waitFor();
    await editor.getByText(/^Eigen versie van het kantoor/).waitFor();
    const stored = await api<{ source: string; template: { subject: string } }>(
      'GET',
      '/letter-templates/acknowledgment/nl',
    );
    expect(stored).toMatchObject({
      source: 'organisation',
      template: { subject: 'Wij hebben uw klacht ontvangen [{{reference}}]' },
    });
    await checkAndPhotograph('template-saved');

    await editor.getByRole('button', { name: 'Terug naar de standaardtekst' }).click();
    await editor.getByText(/^De standaardtekst geldt weer/).waitFor();
    const reset = await api<{ source: string }>('GET', '/letter-templates/acknowledgment/nl');
    expect(reset.source).toBe('default');
  });

  it('switches the automatic acknowledgment to send', async () => {
    await page.goto(`${server.url}/app/settings/letters`);
    const card = page.locator('section[aria-labelledby="auto-ack-title"]');
    await card.getByLabel(/Direct versturen/).check();
    await page.getByRole('button', { name: 'Opslaan' }).first().click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).first().waitFor();
    const organisation = await api<{ autoAcknowledgment: string }>('GET', '/organisation');
    expect(organisation.autoAcknowledgment).toBe('send');
  });

  it('changes the retention term', async () => {
    await page.goto(`${server.url}/app/settings/privacy`);
    const years = page.getByLabel('Bewaartermijn in jaren');
    await years.waitFor();
    await years.fill('7');
    const cancellations = page.getByLabel('Opzeggingen zonder klacht: jaren na afhandeling');
    expect(await cancellations.inputValue()).toBe('2');
    await cancellations.fill('3');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).first().waitFor();
    await page.getByText(/^Gewijzigd /).waitFor();
    expect(
      await api<{ retentionYears: number; cancellationRetentionYears: number }>(
        'GET',
        '/organisation/retention',
      ),
    ).toMatchObject({ retentionYears: 7, cancellationRetentionYears: 3 });
    await checkAndPhotograph('retention');
  });

  it('records an improvement action from the dashboard, linked to a complaint, and marks it done', async () => {
    const [complaint] = (
      await api<{ items: Array<{ id: string; reference: string }> }>('GET', '/complaints?limit=1')
    ).items;
    await page.goto(`${server.url}/app/dashboard`);
    await page.getByRole('link', { name: 'Naar de verbeteracties' }).click();
    await page.getByRole('heading', { name: 'Verbeteracties', level: 1 }).waitFor();
    await page.locator('summary', { hasText: 'Nieuwe verbeteractie' }).click();
    const form = page.getByRole('form', { name: 'Nieuwe verbeteractie' });
    await form.getByLabel('Wat gaan we verbeteren?').fill('Schademeldingen binnen 5 werkdagen terugbellen');
    await form.getByLabel(/^Oorzaak die het wegneemt/).fill('Geen vaste terugbelafspraak');
    await form.getByLabel('Eigenaar').selectOption({ label: 'Anja Bos' });
    await form.getByLabel('Streefdatum').fill('2027-03-31');
    await form.getByLabel(/^Naar aanleiding van klachten/).fill(`${complaint!.reference}, KL-1999-9999`);
    await form.getByRole('button', { name: 'Verbeteractie vastleggen' }).click();
    await form
      .getByText('Niet gevonden: KL-1999-9999. Controleer het kenmerk; er is niets opgeslagen.')
      .waitFor();
    expect(await form.getByLabel('Wat gaan we verbeteren?').inputValue()).toBe(
      'Schademeldingen binnen 5 werkdagen terugbellen',
    );
    await form.getByLabel(/^Naar aanleiding van klachten/).fill(complaint!.reference);
    await form.getByRole('button', { name: 'Verbeteractie vastleggen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Verbeteractie vastgelegd/ })
      .waitFor();
    const item = page.locator('.improvement', { hasText: 'Schademeldingen binnen 5 werkdagen terugbellen' });
    await item.getByRole('link', { name: complaint!.reference }).waitFor();
    await checkAndPhotograph('improvement-actions');

    await item.getByRole('button', { name: /^Wijzigen/ }).click();
    await item.getByLabel('Status').selectOption('done');
    await item.getByRole('button', { name: 'Opslaan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Verbeteractie gewijzigd/ })
      .waitFor();
    await page.getByLabel('Tonen').selectOption('done');
    await page.locator('.improvement', { hasText: 'Uitgevoerd' }).waitFor();
    const stored = await api<Array<{ status: string; complaints: Array<{ id: string }> }>>(
      'GET',
      '/improvement-actions',
    );
    expect(stored).toEqual([
      expect.objectContaining({
        status: 'done',
        complaints: [expect.objectContaining({ id: complaint!.id })],
      }),
    ]);
    expect(pageErrors).toEqual([]);
  });
});
