import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasWebAppBuild } from '../../src/http/web-app.routes.ts';
import { launchChromium } from '../support/browser.ts';
import { PDF_BYTES } from '../support/public-form-client.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

/**
 * Stored XSS, as an attacker who files a complaint would try it: markup in every text field, through
 * the API and through the public form in a browser, then every staff screen that shows it is opened
 * in Chromium. Each payload would set window.xssRan if it ran; the DOM must hold none of the injected
 * elements, and the text must be shown literally. The letter PDF must carry it as plain text.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const PAYLOADS = [
  `<img src=x onerror="window.xssRan='img'">`,
  `<script>window.xssRan='script'</script>`,
  `<svg onload="window.xssRan='svg'"></svg>`,
  `"><iframe srcdoc="<script>parent.xssRan='iframe'</script>"></iframe>`,
  `javascript:window.xssRan='href'`,
  `{{constructor.constructor('window.xssRan=1')()}}`,
];
const probe = (i: number, field: string): string => `${field} ${PAYLOADS[i % PAYLOADS.length]}`;

let server: ServerProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let token: string;
const dialogs: string[] = [];

async function api<T>(method: string, pathname: string, body?: unknown, raw?: Buffer): Promise<T> {
  const response = await fetch(`${server.url}/api/v1${pathname}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(raw
        ? { 'content-type': 'application/octet-stream' }
        : body
          ? { 'content-type': 'application/json' }
          : {}),
    },
    ...(raw ? { body: new Uint8Array(raw) } : body ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) throw new Error(`${method} ${pathname}: ${response.status} ${await response.text()}`);
  return (response.headers.get('content-type') ?? '').includes('json')
    ? ((await response.json()) as T)
    : (Buffer.from(await response.arrayBuffer()) as T);
}

/** Whatever an injected payload would have left behind in the page. */
async function injectedTraces(target: Page): Promise<Record<string, unknown>> {
  return target.evaluate(() => ({
    ran: (window as unknown as { xssRan?: unknown }).xssRan ?? null,
    title: document.title.includes('xss') ? document.title : null,
    images: document.querySelectorAll('img[src="x"]').length,
    svgHandlers: document.querySelectorAll('svg[onload]').length,
    frames: document.querySelectorAll('iframe').length,
    inlineScripts: document.querySelectorAll('script:not([src])').length,
    scriptLinks: [...document.querySelectorAll('a[href]')].filter((a) =>
      a.getAttribute('href')!.trim().toLowerCase().startsWith('javascript:'),
    ).length,
    handlerAttributes: [...document.querySelectorAll('*')].filter((el) =>
      [...el.attributes].some((attr) => attr.name.startsWith('on')),
    ).length,
  }));
}

const CLEAN = {
  ran: null,
  title: null,
  images: 0,
  svgHandlers: 0,
  frames: 0,
  inlineScripts: 0,
  scriptLinks: 0,
  handlerAttributes: 0,
};

async function expectShownLiterally(target: Page, text: string): Promise<void> {
  await target.getByText(text, { exact: false }).first().waitFor({ timeout: 15_000 });
  expect(await injectedTraces(target)).toEqual(CLEAN);
}

beforeAll(async () => {
  if (!hasWebAppBuild()) {
    const { build } = await import('vite');
    await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachtwijzer-xss-'));
  server = await startServerProcess(
    // The form drops what comes back faster than a person types; this test fills it by program.
    { DATA_DIR: dataDir, JOBS_ENABLED: 'false', FORM_MIN_FILL_SECONDS: '0' },
    180_000,
  );
  token = server.apiToken!;
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${server.url}/app/`);
  await page.getByRole('button', { name: 'Aanmelden met een API-sleutel' }).click();
  await page.getByLabel('API-sleutel').fill(token);
  await page.getByRole('button', { name: 'Aanmelden met sleutel' }).click();
  await page.getByRole('heading', { name: 'Werkvoorraad' }).waitFor();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
});

describe('stored XSS through every field a complainant controls', () => {
  let complaintId: string;
  let reference: string;

  it('is shown as text in the work queue and the dossier, never run', { timeout: 120_000 }, async () => {
    const list = await api<{ items: Array<{ handlerId: string | null }> }>('GET', '/complaints?limit=50');
    const handlerId = list.items.find((c) => c.handlerId)!.handlerId;
    const created = await api<{ id: string; reference: string }>('POST', '/complaints', {
      channel: 'letter',
      complainant: {
        name: probe(0, 'Naam'),
        phone: '<b>06</b>',
        street: probe(1, 'Straat'),
        postalCode: '1234 AB',
        city: probe(2, 'Plaats'),
      },
      product: probe(3, 'Product'),
      description: `${probe(4, 'Omschrijving')}\n${PAYLOADS.join('\n')}`,
      desiredOutcome: probe(5, 'Gewenst'),
      handlerId,
    });
    complaintId = created.id;
    reference = created.reference;
    await api('POST', `/complaints/${complaintId}/notes`, {
      title: probe(1, 'Notitietitel'),
      text: probe(2, 'Notitie'),
    });
    await api(
      'POST',
      `/complaints/${complaintId}/attachments?fileName=${encodeURIComponent(`${PAYLOADS[0]}.pdf`)}&title=${encodeURIComponent(probe(3, 'Bijlage'))}`,
      undefined,
      PDF_BYTES,
    );

    await page.goto(`${server.url}/app/`);
    await expectShownLiterally(page, 'Naam <img src=x onerror=');

    await page.goto(`${server.url}/app/complaints/${complaintId}`);
    await page.locator('.dossier-header h1').waitFor();
    await expectShownLiterally(page, 'Naam <img src=x onerror=');
    await expectShownLiterally(page, 'Omschrijving javascript:');
    await expectShownLiterally(page, 'Notitie <svg onload=');
    await expectShownLiterally(page, 'Bijlage "><iframe srcdoc=');
    expect(dialogs).toEqual([]);
  });

  it('is plain text in the letter PDF', { timeout: 60_000 }, async () => {
    await api('POST', `/complaints/${complaintId}/actions/acknowledge`, { delivery: 'post' });
    const items = await api<Array<{ kind: string; documents: Array<{ id: string }> }>>(
      'GET',
      `/complaints/${complaintId}/items`,
    );
    const letter = items.find((i) => i.kind === 'letter')!;
    const pdf = await api<Buffer>(
      'GET',
      `/complaints/${complaintId}/documents/${letter.documents[0]!.id}/content`,
    );
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString();
    expect(text).toContain(reference);
    expect(text).toContain(`Naam ${PAYLOADS[0]}`);
  });

  it(
    'through the public form: shown as text in the queue and the dossier',
    { timeout: 120_000 },
    async () => {
      const form = await context.newPage();
      try {
        await form.goto(`${server.url}/klacht/demo`);
        await form.fill('#name', probe(1, 'Formuliernaam'));
        await form.fill('#email', 'aanvaller@example.nl');
        await form.fill('#product', probe(2, 'Formulierproduct'));
        await form.fill('#description', `${probe(3, 'Formulieromschrijving')}\n${PAYLOADS.join('\n')}`);
        await form.fill('#desiredOutcome', probe(4, 'Formulierwens'));
        await form.check('#consent');
        await expect
          .poll(() => form.locator('input[name="altcha"]').inputValue(), { timeout: 30_000 })
          .not.toBe('');
        await form.getByRole('button', { name: 'Controleren' }).click();
        await form.waitForSelector('h1:text("Controleer uw klacht")');
        expect(await injectedTraces(form)).toEqual(CLEAN);
        await form.getByRole('button', { name: 'Versturen' }).click();
        await form.waitForURL('**/ontvangen?t=*');
        expect(await injectedTraces(form)).toEqual(CLEAN);
      } finally {
        await form.close();
      }
      const list = await api<{ items: Array<{ id: string; complainantName: string }> }>(
        'GET',
        '/complaints?limit=100',
      );
      const filed = list.items.find((c) => c.complainantName.startsWith('Formuliernaam'))!;
      expect(filed.complainantName).toBe(probe(1, 'Formuliernaam'));
      await page.goto(`${server.url}/app/complaints/${filed.id}`);
      await page.locator('.dossier-header h1').waitFor();
      await expectShownLiterally(page, 'Formuliernaam <script>');
      await expectShownLiterally(page, 'Formulieromschrijving "><iframe');
      await page.goto(`${server.url}/app/intake`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await injectedTraces(page)).toEqual(CLEAN);
      await page.goto(`${server.url}/app/notifications`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await injectedTraces(page)).toEqual(CLEAN);
      expect(dialogs).toEqual([]);
    },
  );
});
