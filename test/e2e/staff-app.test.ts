import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBase32 } from '../../src/auth/base32.ts';
import { totpAt } from '../../src/auth/totp.ts';
import { hasWebAppBuild } from '../../src/http/web-app.routes.ts';
import { PDF_BYTES } from '../support/public-form-client.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { axeViolations, launchChromium, settledScreenshot } from '../support/browser.ts';

/**
 * The staff app in a real browser against the real product (`klachtwijzer serve` on a fresh data
 * folder with the demo organisation): a coordinator signs in, works the queue with the keyboard,
 * takes steps in a dossier, meets a refusal, handles the intake and fixes the compliance gap. Every
 * screen is checked with axe-core against WCAG 2.1 A/AA and photographed for review.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/staff-app');
const NEW_PASSWORD = 'Klachten netjes afhandelen 2026';

let server: ServerProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let apiToken: string;
let oneTimePassword: string;
const cspViolations: string[] = [];
const pageErrors: string[] = [];

interface ListItem {
  id: string;
  reference: string;
  status: string;
  handlerId: string | null;
  complainantName: string;
}

async function api<T>(pathname: string): Promise<T> {
  const response = await fetch(`${server.url}/api/v1${pathname}`, {
    headers: { authorization: `Bearer ${apiToken}` },
  });
  if (!response.ok) throw new Error(`${pathname}: ${response.status}`);
  return (await response.json()) as T;
}

async function complaintsWith(status: string): Promise<ListItem[]> {
  return (await api<{ items: ListItem[] }>(`/complaints?status=${status}&limit=100`)).items;
}

async function expectNoAxeViolations(target: Page = page): Promise<void> {
  const violations = await axeViolations(target);
  expect(violations).toEqual([]);
}

async function screenshot(name: string, target: Page = page): Promise<void> {
  await target.evaluate(() => window.scrollTo(0, 0));
  await settledScreenshot(target, path.join(ARTIFACTS, `${name}.png`));
}

async function newPage(into: BrowserContext): Promise<Page> {
  const created = await into.newPage();
  created.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      cspViolations.push(message.text());
  });
  created.on('pageerror', (error) => pageErrors.push(error.message));
  // A failing step should fail fast, not use up the whole test's time.
  created.setDefaultTimeout(10_000);
  return created;
}

/** The step's accordion item in the dossier's step panel. */
function step(action: string) {
  return page.locator(`#step-${action}`);
}

async function openStep(action: string): Promise<void> {
  const toggle = step(action).locator('.step-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await step(action).locator('form').waitFor();
}

async function openDossier(id: string): Promise<void> {
  await page.goto(`${server.url}/app/complaints/${id}`);
  await page.locator('.dossier-header h1').waitFor();
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (!hasWebAppBuild()) {
    // `npm test` builds first (pretest); a single file run on a fresh checkout builds here.
    const { build } = await import('vite');
    await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachtwijzer-staff-app-'));
  server = await startServerProcess({ DATA_DIR: dataDir, JOBS_ENABLED: 'false' });
  apiToken = server.apiToken!;
  oneTimePassword = /Eenmalig wachtwoord:\s+(\S+)/.exec(server.output())![1]!;
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  page = await newPage(context);
});

afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
});

describe('the staff app', () => {
  it('is served at /app/ with a strict CSP, and / leads there', async () => {
    const root = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/app/');
    const deep = await fetch(`${server.url}/app/complaints/anything`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('cache-control')).toBe('no-store');
    expect(deep.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await deep.text();
    const asset = /src="(\/app\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const script = await fetch(`${server.url}${asset}`);
    expect(script.headers.get('cache-control')).toContain('immutable');
    const missing = await fetch(`${server.url}/app/assets/missing.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control') ?? '').not.toContain('immutable');
    expect((await fetch(`${server.url}/api/v1/nothing-here`)).status).toBe(404);
  });

  it('signs the administrator in: one-time password, a new password, an authenticator app', async () => {
    await page.goto(`${server.url}/`);
    await page.getByLabel('Organisatie').waitFor();
    await expectNoAxeViolations();
    await screenshot('01-sign-in');

    await page.getByLabel('Organisatie').fill('demo');
    await page.getByLabel('E-mailadres').fill('beheerder@demo-assurantien.nl');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(oneTimePassword);
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();

    await page.getByRole('heading', { name: 'Kies een nieuw wachtwoord' }).waitFor();
    await expectNoAxeViolations();
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Nieuw wachtwoord, nog een keer').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();

    await page.getByRole('heading', { name: 'Stel uw tweede stap in' }).waitFor();
    const secret = (await page.locator('.secret').getAttribute('data-secret'))!;
    await expectNoAxeViolations();
    await screenshot('02-second-factor');
    await page.getByLabel('Code').fill(totpAt(decodeBase32(secret)!, new Date()));
    await page.getByRole('button', { name: 'Instellen' }).click();

    await page.getByRole('heading', { name: 'Uw herstelcodes' }).waitFor();
    expect(await page.locator('.recovery-codes li').count()).toBeGreaterThan(5);
    await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();

    await page.getByRole('heading', { name: 'Werkvoorraad' }).waitFor();
    expect(await page.locator('.who-name').textContent()).toBe('Beheerder Demo');
  });

  it('shows the work queue with traffic lights, and opens a dossier with the keyboard', async () => {
    const rows = page.locator('.table-queue tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(10);
    expect(await page.locator('.table-queue .light-red, .table-queue .light-amber').count()).toBeGreaterThan(
      0,
    );
    // The compliance gap of the demo (affiliation number "n.n.b.") is shown to the administrator.
    expect(await page.locator('.compliance').textContent()).toContain('aansluitnummer');
    await expectNoAxeViolations();
    await screenshot('03-work-queue');

    await rows.first().focus();
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('k');
    const second = (await rows.nth(1).getAttribute('data-reference'))!;
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-reference'))).toBe(second);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/app/complaints/*');
    expect(await page.locator('.dossier-header h1').textContent()).toBe(second);
  });

  it('filters, searches in Dutch, saves a view and opens a dossier from the results', async () => {
    // Listing opens no dossier: one list call per page, no per-row procedure reads.
    const dossierCalls: string[] = [];
    const watch = (request: { url: () => string }) => {
      if (/\/api\/v1\/complaints\/[0-9a-f-]{36}/.test(request.url())) dossierCalls.push(request.url());
    };
    page.on('request', watch);
    await page.goto(`${server.url}/app/`);
    const rows = page.locator('.table-queue tbody tr');
    await rows.first().waitFor();

    await page.getByLabel('Alleen verstreken termijnen').check();
    await expect.poll(() => page.url()).toContain('overdue=1');
    // Every row left is red (a missed deadline); the old page may show for a moment while loading.
    await expect
      .poll(async () => (await rows.count()) - (await page.locator('.table-queue tbody .light-red').count()))
      .toBe(0);
    await page.getByLabel('Alleen verstreken termijnen').uncheck();

    // "zonnepaneel" finds the complaint about "zonnepanelen" (Dutch stemming), whatever its status.
    const [solar] = (await api<{ items: ListItem[] }>('/complaints?q=zonnepanelen&sort=deadline')).items;
    expect(solar).toBeDefined();
    await page.getByLabel('Status').selectOption('all');
    await page.getByLabel('Zoeken in klachten en berichten').fill('zonnepaneel');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('q=zonnepaneel');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-reference')).toBe(solar!.reference);
    await expectNoAxeViolations();
    await screenshot('03b-work-queue-search');

    await page.getByRole('button', { name: 'Weergave bewaren' }).click();
    await page.getByLabel('Naam van de weergave').fill('Zonnepanelen');
    await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
    await page.getByText('Weergave "Zonnepanelen" is bewaard.').waitFor();
    // The same name again is refused in Dutch, and what was typed stays.
    await page.getByRole('button', { name: 'Weergave bewaren' }).click();
    await page.getByLabel('Naam van de weergave').fill('zonnepanelen');
    await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
    await page.locator('.saved-views [role="alert"]').getByText('al een weergave').waitFor();
    expect(await page.getByLabel('Naam van de weergave').inputValue()).toBe('zonnepanelen');
    await expectNoAxeViolations();
    await page.getByRole('button', { name: 'Annuleren' }).click();

    // Back to the default queue; the saved view brings the search and filters back.
    await page.goto(`${server.url}/app/`);
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(1);
    await page.getByLabel('Bewaarde weergaven').selectOption({ label: 'Zonnepanelen' });
    await expect.poll(() => rows.count()).toBe(1);
    expect(page.url()).toContain('status=all');
    expect(await page.getByLabel('Zoeken in klachten en berichten').inputValue()).toBe('zonnepaneel');

    // Keyboard: "/" goes to the search box; Tab and j lead to the row; Enter opens the dossier.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    expect(dossierCalls).toEqual([]);
    page.off('request', watch);
    await rows.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/app/complaints/${solar!.id}`);
    expect(await page.locator('.dossier-header h1').textContent()).toBe(solar!.reference);

    await page.goBack();
    await page.getByRole('button', { name: '"Zonnepanelen" verwijderen' }).click();
    await page.getByText('Weergave "Zonnepanelen" is verwijderd.').waitFor();
    expect(await api<unknown[]>('/saved-views')).toEqual([]);
  });

  it('acknowledges a received complaint from its dossier', async () => {
    const received = (await complaintsWith('received')).find((c) => c.handlerId !== null)!;
    await openDossier(received.id);
    expect(await page.locator('.dossier-header .badge-status').textContent()).toBe('Ontvangen');
    await page.locator('.clocks [data-kind="acknowledgment"]').waitFor();
    expect(
      await page.locator('.clocks [data-kind="acknowledgment"] .clock-explanation').textContent(),
    ).toContain('3 werkdagen na ontvangst');
    await expectNoAxeViolations();
    await screenshot('04-dossier-received');

    await openStep('acknowledge');
    await step('acknowledge').locator('button[type="submit"]').click();
    await page.getByRole('status').filter({ hasText: 'Ontvangst bevestigen: vastgelegd.' }).waitFor();
    expect(await page.locator('.dossier-header .badge-status').textContent()).toBe('Ontvangst bevestigd');
    expect(await page.locator('.clocks [data-kind="acknowledgment"] .badge').textContent()).toBe(
      'Op tijd gehaald',
    );

    await page.locator('.event-log summary').click();
    // The log reloads after the step; wait for the new line rather than read the old table.
    await expect.poll(() => page.locator('.event-log tbody').textContent()).toContain('Ontvangst bevestigd');
    expect(await page.locator('.chain').textContent()).toBe('Alle regels sluiten op elkaar aan.');
    await expectNoAxeViolations();
  });

  it('shows why a step cannot be taken before anyone tries, and leads to the step that resolves it', async () => {
    const unassigned = (await complaintsWith('received')).find((c) => c.handlerId === null)!;
    await openDossier(unassigned.id);
    const refused = step('acknowledge');
    expect(await refused.getAttribute('class')).toContain('step-refused');
    expect(await refused.locator('.refusal-message').textContent()).toContain(
      'Wijs eerst een behandelaar toe: de ontvangstbevestiging noemt wie de klacht behandelt.',
    );
    await expectNoAxeViolations();
    await screenshot('05-dossier-refusal-before');

    expect(await refused.locator('.refusal-next').textContent()).toContain('Wat nu:');
    await refused.getByRole('button', { name: 'Naar: Behandelaar toewijzen' }).click();
    await step('assign_handler').locator('form').waitFor();
    await step('assign_handler').getByLabel('Behandelaar').selectOption({ label: 'Lisa de Wit' });
    await step('assign_handler').locator('button[type="submit"]').click();
    await page.getByRole('status').filter({ hasText: 'Behandelaar toewijzen: vastgelegd.' }).waitFor();
    expect(await step('acknowledge').getAttribute('class')).toContain('step-allowed');
    expect(await page.locator('.facts').textContent()).toContain('Lisa de Wit');
  });

  it('keeps what was typed when the server refuses a step, and says in Dutch what to do', async () => {
    const acknowledged = (await complaintsWith('acknowledged'))[0]!;
    await openDossier(acknowledged.id);
    await openStep('send_delay_notice');
    const form = step('send_delay_notice').locator('form');
    const reason = 'Wij wachten op het rapport van de schade-expert.';
    await form.getByLabel('Waarom komt ons standpunt later?').fill(reason);
    // A "new" date before the current term: the procedure refuses it.
    await form.getByLabel('Nieuwe datum voor ons standpunt').fill('2026-01-05');
    await form.locator('button[type="submit"]').click();

    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Klachtwijzer heeft deze stap geweigerd.');
    expect(await alert.textContent()).toContain(
      'Kies een nieuwe datum na de huidige termijn voor ons standpunt',
    );
    expect(await form.getByLabel('Waarom komt ons standpunt later?').inputValue()).toBe(reason);
    expect(await form.getByLabel('Nieuwe datum voor ons standpunt').inputValue()).toBe('2026-01-05');
    await expectNoAxeViolations();
    await screenshot('06-dossier-refused-after-trying');

    // The refused attempt is in the dossier's log too.
    await page.locator('.event-log summary').click();
    await expect
      .poll(async () => page.locator('.event-log tbody').textContent())
      .toContain('Stap geweigerd: Bericht termijnoverschrijding (delay_notice_date_invalid)');
  });

  it('records a note in the dossier', async () => {
    await page.locator('.composer-toggle summary', { hasText: 'Notitie toevoegen' }).click();
    await page.getByLabel('Titel').fill('Gebeld met klant');
    await page
      .getByLabel('Notitie', { exact: true })
      .fill('Klant gebeld; expertrapport volgt volgende week.');
    await page.getByRole('button', { name: 'Notitie opslaan' }).click();
    await page.locator('.timeline-item', { hasText: 'Gebeld met klant' }).waitFor();
    expect(await page.locator('.timeline-item').first().textContent()).toContain(
      'Klant gebeld; expertrapport volgt volgende week.',
    );
    await expectNoAxeViolations();
    await screenshot('07-dossier-note');
  });

  it('adds a file to the dossier and downloads it again with the same bytes', async () => {
    await page.locator('.composer-toggle summary', { hasText: 'Bestand toevoegen' }).click();
    await page.getByLabel('Bestand', { exact: true }).setInputFiles({
      name: 'schaderapport expert.pdf',
      mimeType: 'application/pdf',
      buffer: PDF_BYTES,
    });
    await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    const file = page.locator('.document', { hasText: 'schaderapport expert.pdf' });
    await file.waitFor();
    const downloading = page.waitForEvent('download');
    await file.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('schaderapport expert.pdf');
    expect(fs.readFileSync(await download.path())).toEqual(PDF_BYTES);
  });

  it('opens an e-mail from the intake queue as a cancellation request', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Binnengekomen' })
      .click();
    const card = page.locator('.intake-card', { hasText: 'Opzegging inboedelverzekering' });
    await card.waitFor();
    expect(await card.locator('.intake-deadline').textContent()).toContain('Ontvangstbevestiging uiterlijk');
    await expectNoAxeViolations();
    await screenshot('08-intake');

    await card.getByRole('button', { name: 'Openen als opzegging' }).click();
    await card.getByLabel('Polis(sen)').fill('Inboedelverzekering 4471-220');
    await card.getByRole('button', { name: 'Opzegging openen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Opzegging OP-\d{4}-\d{4} geopend\./ })
      .waitFor();
    await card.waitFor({ state: 'detached' });
  });

  it('shows the overview with counts from the queue and the clocks', async () => {
    await page.getByRole('link', { name: 'Overzicht' }).click();
    await page.locator('.kpi').first().waitFor();
    expect(Number(await page.locator('.kpi-value').first().textContent())).toBeGreaterThan(10);
    await expectNoAxeViolations();
    await screenshot('09-overview');

    const bell = page.getByRole('button', { name: /^Meldingen,/ });
    await bell.click();
    await page.getByRole('region', { name: 'Meldingen' }).waitFor();
    await expectNoAxeViolations();
    await page.keyboard.press('Escape');
    expect(await bell.getAttribute('aria-expanded')).toBe('false');
  });

  it('lets the administrator fix the compliance gap; the warning then goes away', async () => {
    await page.getByRole('link', { name: 'Instellingen', exact: true }).click();
    await page.getByRole('heading', { name: 'Gegevens van het kantoor' }).waitFor();
    await expectNoAxeViolations();
    await page.getByRole('link', { name: 'KiFiD' }).click();
    await page.getByLabel('Aansluitnummer', { exact: true }).waitFor();
    await expectNoAxeViolations();
    await screenshot('10-settings-kifid');

    await page.getByLabel('Aansluitnummer', { exact: true }).fill('300.012345');
    await page.getByRole('button', { name: 'Aansluitnummer opslaan' }).click();
    await page.getByRole('button', { name: 'Gegevens bevestigen' }).click();
    await expect.poll(() => page.locator('.small', { hasText: 'Bevestigd op' }).count()).toBe(1);

    for (const tab of ['Termijnen', 'Mail', 'Gebruikers']) {
      await page.getByRole('link', { name: tab, exact: true }).click();
      await page.locator('main .card').first().waitFor();
      await expect.poll(() => page.locator('main .loading').count()).toBe(0);
      await expectNoAxeViolations();
    }
    await screenshot('11-settings-users');
    await page.getByRole('link', { name: 'Werkvoorraad' }).click();
    await page.locator('.table-queue').waitFor();
    expect(await page.locator('.compliance').count()).toBe(0);
  });

  it('gives our position in a letter with every R8 element, then closes the complaint', async () => {
    let candidate: ListItem | undefined;
    for (const complaint of await complaintsWith('in_investigation')) {
      const state = await api<{ actions: Array<{ action: string; allowed: boolean }> }>(
        `/complaints/${complaint.id}/procedure`,
      );
      if (state.actions.some((a) => a.action === 'send_decision_letter' && a.allowed)) {
        candidate = complaint;
        break;
      }
    }
    await openDossier(candidate!.id);
    await openStep('send_decision_letter');
    const letter = step('send_decision_letter').locator('form');
    // (a), (b), (f) and the KiFiD block (g) are filled in from the dossier and the settings.
    expect(await letter.locator('.kifid-record').textContent()).toContain('300.012345');
    await letter
      .getByLabel('c. Resultaten van het onderzoek')
      .fill('Wij hebben de polis en de correspondentie nagelopen.');
    await letter.getByLabel('d. Ons oordeel over de klacht').fill('Wij vinden de klacht deels gegrond.');
    await letter.getByLabel('e. Vervolgacties richting de klager').fill('Wij vergoeden de expertisekosten.');
    await expectNoAxeViolations();
    await screenshot('12-dossier-decision-letter');
    await letter.locator('button[type="submit"]').click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Brief met ons oordeel versturen: vastgelegd.' })
      .waitFor();
    expect(await page.locator('.dossier-header .badge-status').textContent()).toBe('Standpunt gegeven');

    await openStep('close');
    const close = step('close').locator('form');
    await close.getByLabel('Categorie').fill('Schadeafhandeling');
    await close.getByLabel('Oorzaak').fill('Expert te laat ingeschakeld');
    await close.getByLabel('Uitkomst').selectOption({ label: 'Deels gegrond' });
    await close.locator('button[type="submit"]').click();
    await page.getByRole('status').filter({ hasText: 'Klacht afsluiten: vastgelegd.' }).waitFor();
    expect(await page.locator('.dossier-header .badge-status').textContent()).toBe('Afgesloten');
    expect(await page.locator('.facts').textContent()).toContain('Deels gegrond');
    await expectNoAxeViolations();
  });

  it('switches to English and works at tablet width', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Werkvoorraad' })
      .click();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Work queue' }).waitFor();
    await page.setViewportSize({ width: 820, height: 1100 });
    await page.locator('.table-queue tbody tr').first().waitFor();
    expect(await page.getByLabel('Search complaints and messages').isVisible()).toBe(true);
    await expectNoAxeViolations();
    await screenshot('13-work-queue-english-tablet');
    await page.locator('.table-queue tbody tr').first().click();
    await page.locator('.dossier-header h1').waitFor();
    // The clocks' explanations are the server's text, asked for in the app's language.
    await page.locator('.clock-explanation', { hasText: 'after receipt' }).first().waitFor();
    const explanations = await page.locator('.clock-explanation').allTextContents();
    expect(explanations.length).toBeGreaterThan(3);
    for (const text of explanations)
      expect(text).not.toMatch(/uiterlijk|na ontvangst|werkdag|Niet van toepassing/u);
    expect(await page.locator('.clock-explanation').first().getAttribute('lang')).toBe('en');
    await expectNoAxeViolations();
    await screenshot('14-dossier-english-tablet');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    // Switching back asks again: Dutch explanations, as the dossier always had them.
    await page.locator('.clock-explanation', { hasText: 'na ontvangst' }).first().waitFor();
    expect(await page.locator('.clock-explanation').first().getAttribute('lang')).toBe('nl');
  });

  it('signs in with an API token where sessions are not an option, and signs out', async () => {
    const tokenContext = await browser.newContext({
      locale: 'nl-NL',
      viewport: { width: 1280, height: 900 },
    });
    try {
      const tokenPage = await newPage(tokenContext);
      await tokenPage.goto(`${server.url}/app/`);
      await tokenPage.getByRole('button', { name: 'Aanmelden met een API-sleutel' }).click();
      await tokenPage.getByLabel('API-sleutel').fill(apiToken);
      await tokenPage.getByRole('button', { name: 'Aanmelden met sleutel' }).click();
      await tokenPage.getByRole('heading', { name: 'Werkvoorraad' }).waitFor();
      // The token names its user: the app knows who it is and which roles apply.
      expect(await tokenPage.locator('.who-name').textContent()).toBe('Beheerder Demo');
      await tokenPage.getByRole('button', { name: 'Afmelden' }).click();
      await tokenPage.getByLabel('Organisatie').waitFor();
    } finally {
      await tokenContext.close();
    }
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByLabel('Organisatie').waitFor();
    expect(await page.getByLabel('Organisatie').inputValue()).toBe('demo');
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
