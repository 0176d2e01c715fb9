import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { systemContext } from '../../src/auth/access-context.ts';
import { systemClock } from '../../src/clock.ts';
import { registerComplaint } from '../../src/complaints/complaint.service.ts';
import { withTenant } from '../../src/db/tenant.ts';
import { addDays, amsterdamDateOf } from '../../src/domain/calendar/local-date.ts';
import { DEMO_ORGANISATION } from '../../src/demo/demo-organisation.ts';
import { createOrganisation } from '../../src/organisations/organisation.service.ts';
import { takeStep } from '../../src/procedure/procedure.service.ts';
import { issueLink, pdfBytes, storeLetter } from '../support/portal-fixtures.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { axeViolations, launchChromium, settledScreenshot } from '../support/browser.ts';

/**
 * The complainant portal in a real browser: walked with the keyboard only, checked with axe-core
 * against WCAG 2.1 A/AA on every page, and shown to hold no script anywhere (it works without one).
 */
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts/portal');

let database: TestDatabase;
let app: FastifyInstance;
let baseUrl: string;
let organisationId: string;
let adminUserId: string;
let browser: Browser;

const db = () => database.handle.db;

async function newComplaint(description: string) {
  return registerComplaint({ db: db(), clock: systemClock }, systemContext(organisationId), {
    channel: 'web_form',
    handlerId: adminUserId,
    complainant: { name: 'Marieke van Dijk', email: 'marieke@example.nl' },
    product: 'Autoverzekering AV-20931',
    description,
    desiredOutcome: 'Uitbetaling van de schade.',
  });
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  database = await openTestDatabase('pglite');
  const created = await createOrganisation(db(), systemClock, {
    ...DEMO_ORGANISATION,
    admin: { ...DEMO_ORGANISATION.admin },
  });
  organisationId = created.organisation.id;
  adminUserId = created.adminUserId;
  await withTenant(db(), organisationId, (tx) =>
    tx
      .updateTable('organisations')
      .set({ phone: '038 - 123 45 67', kifid_affiliation_number: '300.012345' })
      .where('id', '=', organisationId)
      .execute(),
  );
  app = await buildApp({
    db: db(),
    clock: systemClock,
    config: { logLevel: 'silent', maxAttachmentBytes: 25 * 1024 * 1024, maxJsonBodyBytes: 1024 * 1024 },
    readiness: async () => [{ name: 'database', ok: true }],
  });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

async function newPage(context: BrowserContext): Promise<{ page: Page; cspViolations: string[] }> {
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      cspViolations.push(message.text());
  });
  return { page, cspViolations };
}

/**
 * The portal ships no script and its CSP allows none, so a page behaves the same with JavaScript on
 * or off; the browser keeps it on only so that axe-core (injected through the debugging protocol,
 * which the CSP does not govern) can run its timers. Each page is checked to hold no script at all.
 */
async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await page.locator('script').count()).toBe(0);
  const violations = await axeViolations(page);
  expect(violations).toEqual([]);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await settledScreenshot(page, path.join(ARTIFACTS, `${name}.png`));
}

async function focused(page: Page): Promise<string> {
  const element = page.locator(':focus');
  if ((await element.count()) === 0) return '';
  const id = (await element.getAttribute('id')) ?? '';
  return id || ((await element.textContent()) ?? '').trim();
}

/** Presses Tab until the element with this id or text has focus; fails if the tab order never reaches it. */
async function tabTo(page: Page, target: string, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if ((await focused(page)) === target) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`the keyboard never reached ${target}`);
}

async function focusedSequence(page: Page, presses: number): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    seen.push(await focused(page));
  }
  return seen;
}

async function latestCode(complaintId: string): Promise<string> {
  const row = await withTenant(db(), organisationId, (tx) =>
    tx
      .selectFrom('outbox')
      .select('text_body')
      .where('organisation_id', '=', organisationId)
      .where('complaint_id', '=', complaintId)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow(),
  );
  const code = /^\s+(\d{6})$/m.exec(row.text_body)?.[1];
  if (!code) throw new Error('no code in the mail');
  return code;
}

describe('the complainant portal in a browser', () => {
  it('can be walked with the keyboard only, needs no script, and passes axe on every page', async () => {
    const complaint = await newComplaint(
      'Mijn schade na de aanrijding van 2 november is nog niet vergoed.\nIk heb drie keer gebeld.',
    );
    await storeLetter(db(), organisationId, complaint.id, {
      fileName: `ontvangstbevestiging ${complaint.reference}.pdf`,
      content: pdfBytes('ontvangstbevestiging'),
      recipientKind: 'complainant',
      letterType: 'acknowledgment',
      now: new Date(),
    });
    const link = await issueLink(db(), organisationId, complaint.id, new Date());
    const context = await browser.newContext({
      locale: 'nl-NL',
      viewport: { width: 1000, height: 900 },
    });
    try {
      const { page, cspViolations } = await newPage(context);
      await page.goto(`${baseUrl}${link.path}`);
      // The link is exchanged and gone from the address bar (and so from history and Referer).
      expect(new URL(page.url()).pathname).toBe('/portaal/klacht');
      expect(await page.title()).toBe(`Uw klacht ${complaint.reference} – Demo Assurantiën B.V.`);
      await expectNoAxeViolations(page);
      await screenshot(page, '01-overview');

      expect(await focusedSequence(page, 5)).toEqual([
        'Direct naar de inhoud',
        'English',
        'Afmelden',
        'Stuur ons een bericht of stukken',
        'Kies hoe u ons standpunt wilt horen',
      ]);
      const download = page.waitForEvent('download');
      await tabTo(page, `Ontvangstbevestiging downloaden (PDF, 1 kB)`);
      await page.keyboard.press('Enter');
      expect((await download).suggestedFilename()).toBe(`ontvangstbevestiging ${complaint.reference}.pdf`);

      // A message with a file.
      await tabTo(page, 'Stuur ons een bericht of stukken');
      await page.keyboard.press('Enter');
      await page.waitForSelector('h1:text("Stuur ons een bericht of stukken")');
      await expectNoAxeViolations(page);
      await screenshot(page, '02-message');
      await tabTo(page, 'Versturen');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.error-summary');
      expect(await page.title()).toBe('Fout: Stuur ons een bericht of stukken – Demo Assurantiën B.V.');
      expect(await page.locator(':focus').getAttribute('class')).toBe('error-summary');
      await expectNoAxeViolations(page);
      await screenshot(page, '03-message-error');
      await tabTo(page, 'message');
      await page.keyboard.type('Hierbij de foto van de schade, zoals gevraagd.');
      await tabTo(page, 'attachments');
      const chooser = page.waitForEvent('filechooser');
      await page.keyboard.press('Space');
      await (
        await chooser
      ).setFiles({ name: 'schadefoto.pdf', mimeType: 'application/pdf', buffer: pdfBytes('foto') });
      await tabTo(page, 'Versturen');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.notice--success');
      expect(await page.textContent('main')).toContain('Hierbij de foto van de schade, zoals gevraagd.');
      expect(await page.textContent('main')).toContain('schadefoto.pdf');
      await expectNoAxeViolations(page);
      await screenshot(page, '04-overview-after-message');

      // The preference, with radio buttons and the keyboard.
      await tabTo(page, 'Kies hoe u ons standpunt wilt horen');
      await page.keyboard.press('Enter');
      await page.waitForSelector('h1:text("Hoe wilt u ons standpunt horen?")');
      await expectNoAxeViolations(page);
      await screenshot(page, '05-preference');
      await tabTo(page, 'preference-meeting');
      await page.keyboard.press('Space');
      await tabTo(page, 'Opslaan');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.notice--success');
      expect(await page.textContent('main')).toContain('U koos voor een persoonlijk gesprek.');

      // Signing out.
      await tabTo(page, 'Afmelden');
      await page.keyboard.press('Enter');
      await page.waitForSelector('h1:text("U bent afgemeld")');
      await expectNoAxeViolations(page);
      await screenshot(page, '06-signed-out');

      // The same link again: a code by e-mail first.
      await page.goto(`${baseUrl}${link.path}`);
      expect(new URL(page.url()).pathname).toBe('/portaal/code');
      await expectNoAxeViolations(page);
      await screenshot(page, '07-code-request');
      await tabTo(page, 'Stuur mij een code');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#code');
      await expectNoAxeViolations(page);
      await screenshot(page, '08-code-entry');
      const code = await latestCode(complaint.id);
      await tabTo(page, 'code');
      await page.keyboard.type(code === '000000' ? '111111' : '000000');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.error-summary');
      expect(await page.locator(':focus').getAttribute('class')).toBe('error-summary');
      await expectNoAxeViolations(page);
      await screenshot(page, '09-code-wrong');
      await tabTo(page, 'code');
      await page.keyboard.type(code);
      await page.keyboard.press('Enter');
      await page.waitForURL('**/portaal/klacht');

      await page.goto(`${baseUrl}/portaal/klacht?lang=en`);
      expect(await page.title()).toBe(`Your complaint ${complaint.reference} – Demo Assurantiën B.V.`);
      await expectNoAxeViolations(page);
      await screenshot(page, '10-overview-english');
      expect(cspViolations).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('shows the KiFiD route after the decision, also on a phone, and a calm page for a bad link', async () => {
    const complaint = await newComplaint('De expert is na drie weken nog niet langs geweest.');
    const actor = systemContext(organisationId);
    const deps = { db: db(), clock: systemClock };
    await takeStep(deps, actor, complaint.id, { action: 'acknowledge' });
    const today = amsterdamDateOf(new Date());
    await takeStep(deps, actor, complaint.id, {
      action: 'send_delay_notice',
      reason: 'Wij wachten op het rapport van de expert.',
      newDate: addDays(today, 45),
    });
    const overviewBefore = await issueLink(db(), organisationId, complaint.id, new Date());
    const context = await browser.newContext({
      locale: 'nl-NL',
      viewport: { width: 390, height: 844 },
    });
    try {
      const { page } = await newPage(context);
      await page.goto(`${baseUrl}${overviewBefore.path}`);
      expect(await page.textContent('main')).toContain('meer tijd kost');
      await expectNoAxeViolations(page);
      await screenshot(page, '11-delay-notice-phone');

      await takeStep(deps, actor, complaint.id, {
        action: 'send_decision_letter',
        letter: {
          receivedDate: today,
          complaintSummary: 'U bent ontevreden over de schade-expert.',
          investigationResults: 'De expert kwam te laat.',
          judgment: 'Wij vinden uw klacht gegrond.',
          followUpActions: 'Wij vergoeden de kosten.',
          furtherContact: 'Bel ons gerust.',
          disputesBody: {
            name: 'Stichting Klachteninstituut Financiële Dienstverlening (KiFiD)',
            postalAddress: 'Postbus 93257',
            postalCodeCity: '2509 AG Den Haag',
            phone: '070-333 8 999',
            email: 'consumenten@kifid.nl',
            website: 'www.kifid.nl',
            affiliationNumber: '300.012345',
            term: 'Binnen drie maanden na dit standpunt.',
          },
        },
      });
      await page.reload();
      expect(await page.textContent('main')).toContain('Niet eens met ons standpunt?');
      expect(await page.textContent('main')).toContain('300.012345');
      await expectNoAxeViolations(page);
      await screenshot(page, '12-decided-kifid-phone');

      await page.goto(`${baseUrl}/portaal/kwp1_${'0'.repeat(32)}_${'A'.repeat(43)}`);
      expect(await page.title()).toBe('Deze link werkt niet');
      await expectNoAxeViolations(page);
      await screenshot(page, '13-invalid-link-phone');
    } finally {
      await context.close();
    }
  });
});
