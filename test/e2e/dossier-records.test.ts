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
 * The dossier's letters in Chromium against `klachtwijzer serve` with the demo organisation: a
 * letter previewed (its problems in Dutch, its PDF in a blob), sent by post and recorded as
 * posted; a planned meeting confirmed; a legal hold placed and lifted with the header's flag; the
 * dossier exported as a ZIP; a legal hold placed and lifted on a cancellation request without a
 * complaint, and a linked one pointing to its complaint instead. axe-core on each screen;
 * screenshots for review.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/dossier-records');

let server: ServerProcess;
let browser: Browser;
let page: Page;
let complaintId: string;
const pageErrors: string[] = [];

const api = bearerApi(() => ({ url: server.url, token: server.apiToken! }));

async function screenshot(name: string): Promise<void> {
  await settledScreenshot(page, path.join(ARTIFACTS, `${name}.png`));
}

const step = (action: string) => page.locator(`#step-${action}`);

async function openStep(action: string) {
  const toggle = step(action).locator('.step-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const form = step(action).locator('form');
  await form.waitFor();
  return form;
}

async function submitStep(action: string): Promise<void> {
  await step(action).locator('button[type="submit"]').click();
  await page.getByRole('status').filter({ hasText: ': vastgelegd.' }).first().waitFor();
}

/**
 * Clicks "Voorbeeld" and checks what came back: the PDF from the server (base64 in JSON) and the
 * link that opens it in a new tab from a blob URL (the page's CSP keeps fetch() off blob URLs).
 */
async function preview(form: ReturnType<Page['locator']>) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/letters/preview')),
    form.getByRole('button', { name: 'Voorbeeld' }).click(),
  ]);
  const body = (await response.json()) as { pdf: string; problems: string[] };
  expect(Buffer.from(body.pdf, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const result = form.locator('.letter-preview');
  const link = result.getByRole('link', { name: /^Voorbeeld openen \(PDF\)/ });
  await link.waitFor();
  expect((await link.getAttribute('href'))!.startsWith('blob:')).toBe(true);
  expect(await link.getAttribute('target')).toBe('_blank');
  return { result, problems: body.problems, link };
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (!hasWebAppBuild()) {
    const { build } = await import('vite');
    await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachtwijzer-records-'));
  server = await startServerProcess({ DATA_DIR: dataDir, JOBS_ENABLED: 'false' }, 180_000);
  browser = await launchChromium();
  const context = await browser.newContext({
    locale: 'nl-NL',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.setDefaultTimeout(15_000);

  const users = await api<Array<{ id: string; displayName: string }>>('GET', '/users');
  const handler = users.find((u) => u.displayName === 'Ruben Smit')!;
  // A complaint by letter, without an e-mail address: its letters go by post.
  const complaint = await api<{ id: string }>('POST', '/complaints', {
    channel: 'letter',
    complainant: { name: 'Henk de Vries', street: 'Lindelaan 4', postalCode: '3511 AB', city: 'Utrecht' },
    description: 'Mijn schade aan de auto is na zes weken nog steeds niet afgehandeld.',
    handlerId: handler.id,
  });
  complaintId = complaint.id;

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

describe('letters, meetings, legal holds and the export in the dossier', () => {
  it('previews the acknowledgment, sends it by post and records the day it was posted', async () => {
    await page.goto(`${server.url}/app/complaints/${complaintId}`);
    await page.locator('.dossier-header h1').waitFor();
    await page.getByRole('heading', { name: 'Brieven' }).waitFor();
    await page.getByText('Er zijn nog geen brieven verstuurd.').waitFor();

    const form = await openStep('acknowledge');
    const { result, link } = await preview(form);
    await result.getByText('De brief is compleet en kan zo worden verstuurd.').waitFor();
    const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await tab.waitForLoadState();
    expect(tab.url().startsWith('blob:')).toBe(true);
    await settledScreenshot(tab, path.join(ARTIFACTS, 'acknowledge-preview-pdf.png'), {});
    await tab.close();
    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      result.getByRole('link', { name: /^Downloaden/ }).click(),
    ]);
    expect(saved.suggestedFilename()).toMatch(/^Ontvangstbevestiging KL-\d{4}-\d{4}\.pdf$/);
    expect(
      fs
        .readFileSync(await saved.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    await form.getByLabel('Verzenden').selectOption('post');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot('acknowledge-preview');
    await submitStep('acknowledge');

    const letter = page.locator('.letter-row[data-letter-type="acknowledgment"]');
    await letter.getByText('Nog niet op de post').waitFor();
    expect(await letter.textContent()).toContain('Post');
    await letter.getByText('Per post verstuurd op…').click();
    const today = await letter.getByLabel('Verzenddag').inputValue();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A day in the future is refused by the server, in Dutch, and the day typed stays.
    await letter.getByLabel('Verzenddag').evaluate((input) => input.removeAttribute('max'));
    await letter.getByLabel('Verzenddag').fill('2099-01-01');
    await letter.getByRole('button', { name: 'Vastleggen' }).click();
    await letter.getByRole('alert').waitFor();
    expect(await letter.getByLabel('Verzenddag').inputValue()).toBe('2099-01-01');
    await letter.getByLabel('Verzenddag').fill(today);
    await letter.getByRole('button', { name: 'Vastleggen' }).click();
    await letter.getByText(/^Per post verstuurd op /).waitFor();
    await page.getByText(/Ontvangstbevestiging: per post verstuurd op/).waitFor();
    expect(await letter.getByText('Per post verstuurd op…').count()).toBe(0);
    const stored = await api<Array<{ letterType: string; postedOn: string | null }>>(
      'GET',
      `/complaints/${complaintId}/letters`,
    );
    expect(stored).toEqual([expect.objectContaining({ letterType: 'acknowledgment', postedOn: today })]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot('letter-posted');
  });

  it('shows what a letter still lacks, in Dutch, before it is sent', async () => {
    const form = await openStep('request_information');
    const { result, problems } = await preview(form);
    await result.getByText('Zo kan de brief nog niet weg. Dit ontbreekt of klopt niet:').waitFor();
    expect(problems.length).toBeGreaterThan(0);
    expect(await result.locator('.preview-problems li').allTextContents()).toEqual(problems);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot('preview-problems');
    await step('request_information').getByRole('button', { name: 'Inklappen' }).click();
  });

  it('plans a meeting and confirms it at the invitation’s time', async () => {
    const planned = await openStep('plan_meeting');
    const inAWeek = new Date(Date.now() + 7 * 86_400_000);
    const local = `${inAWeek.toISOString().slice(0, 10)}T10:30`;
    await planned.getByLabel('Datum en tijd van het gesprek').fill(local);
    await preview(planned);
    await submitStep('plan_meeting');

    const confirm = await openStep('confirm_meeting');
    expect(await confirm.getByLabel(/Ander tijdstip/).inputValue()).toBe('');
    // The confirmation is previewed from the planned meeting, before anything is stored.
    const { problems, result } = await preview(confirm);
    expect(problems).toEqual([]);
    await result.getByRole('link', { name: /Bevestiging van het gesprek/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot('confirm-meeting');
    await submitStep('confirm_meeting');
    await page.locator('.letter-row[data-letter-type="meeting_confirmation"]').waitFor();
    const events = await api<Array<{ type: string }>>('GET', `/complaints/${complaintId}/events`);
    expect(events.map((e) => e.type)).toContain('complaint.meeting_confirmed');
  });

  it('places a legal hold that flags the header, and lifts it', async () => {
    const card = page.locator('#legal-holds');
    await card.getByText('Geen bewaarplicht op dit dossier.').waitFor();
    expect(await page.locator('.dossier-header .hold-flag').count()).toBe(0);
    await card.locator('summary', { hasText: 'Bewaarplicht plaatsen' }).click();
    await card.getByLabel('Reden').selectOption('kifid_case');
    await card.getByLabel('Toelichting').fill('KiFiD-zaak 2026-01234 loopt.');
    await card.getByRole('button', { name: 'Bewaarplicht plaatsen' }).click();
    await page.locator('.dossier-header .hold-flag').waitFor();
    await card.getByText('KiFiD-zaak 2026-01234 loopt.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot('legal-hold');

    await card.locator('.hold-lift summary').click();
    await card.getByLabel('Waarom vervalt de bewaarplicht?').fill('De KiFiD-zaak is afgerond.');
    await card.getByRole('button', { name: 'Bewaarplicht opheffen' }).click();
    await card.getByText(/^Opgeheven door .* — De KiFiD-zaak is afgerond\.$/).waitFor();
    await expect.poll(() => page.locator('.dossier-header .hold-flag').count()).toBe(0);
  });

  it('exports the dossier as a ZIP', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Dossier exporteren' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const bytes = fs.readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await page.getByText('Het dossier is gedownload als ZIP.').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('places and lifts a legal hold on a cancellation request without a complaint', async () => {
    type Hold = { reason: string; explanation: string; lifted: { explanation: string | null } | null };
    const receivedAt = new Date().toISOString();
    const request = { receivedAt, customerName: 'Henk de Vries' };
    const unlinked = await api<{ id: string; reference: string }>('POST', '/cancellations', {
      ...request,
      channel: 'phone',
      policies: 'Inboedelverzekering 12-345-678',
    });
    const linked = await api<{ id: string }>('POST', '/cancellations', {
      ...request,
      channel: 'letter',
      policies: 'Autoverzekering AU-778',
      complaintId,
    });
    const card = page.locator('#legal-holds');

    // Linked: its complaint's dossier holds it, so no hold is placed here (the server says 409).
    await page.goto(`${server.url}/app/cancellations/${linked.id}`);
    await card.getByText(/en volgt de bewaarplicht van dat dossier\./).waitFor();
    const toComplaint = card.getByRole('link', { name: /^Naar de bewaarplicht van KL-\d{4}-\d{4}$/ });
    expect(await toComplaint.getAttribute('href')).toBe(`/app/complaints/${complaintId}`);
    expect(await card.locator('summary', { hasText: 'Bewaarplicht plaatsen' }).count()).toBe(0);
    expect(await card.getByText('Geen bewaarplicht op deze opzegging.').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot('cancellation-linked-holds');

    await page.goto(`${server.url}/app/cancellations/${unlinked.id}`);
    await page.getByRole('heading', { name: unlinked.reference, level: 1 }).waitFor();
    await card.getByText('Geen bewaarplicht op deze opzegging.').waitFor();
    await card.locator('summary', { hasText: 'Bewaarplicht plaatsen' }).click();
    await card.getByLabel('Reden').selectOption('court_case');
    await card.getByLabel('Toelichting').fill('Rechtszaak C/16/5678 over de einddatum van de polis.');
    await card.getByRole('button', { name: 'Bewaarplicht plaatsen' }).click();
    await card.getByRole('status').filter({ hasText: 'Bewaarplicht geplaatst.' }).waitFor();
    const held = card.locator('.hold-active');
    await held.getByText('Rechtszaak C/16/5678 over de einddatum van de polis.').waitFor();
    expect(await held.getByRole('heading', { level: 3 }).textContent()).toBe('Rechtszaak');
    await held.getByText(/^Geplaatst door .+ op \d{1,2} \S+ \d{4}$/).waitFor();
    expect(await api<Hold[]>('GET', `/cancellations/${unlinked.id}/legal-holds`)).toEqual([
      expect.objectContaining({ reason: 'court_case', lifted: null }),
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot('cancellation-hold');

    await held.locator('.hold-lift summary').click();
    await held.getByLabel('Waarom vervalt de bewaarplicht?').fill('Uitspraak gedaan; geen hoger beroep.');
    await held.getByRole('button', { name: 'Bewaarplicht opheffen' }).click();
    await card.getByText(/^Opgeheven door .* — Uitspraak gedaan; geen hoger beroep\.$/).waitFor();
    expect(await card.locator('.hold-active').count()).toBe(0);
    expect(await card.locator('.hold-lift').count()).toBe(0);
    expect(await api<Hold[]>('GET', `/cancellations/${unlinked.id}/legal-holds`)).toEqual([
      expect.objectContaining({
        lifted: expect.objectContaining({ explanation: 'Uitspraak gedaan; geen hoger beroep.' }),
      }),
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot('cancellation-hold-lifted');
    expect(pageErrors).toEqual([]);
  });
});
