import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { systemClock } from '../../src/clock.ts';
import { DEMO_ORGANISATION } from '../../src/demo/demo-organisation.ts';
import { createOrganisation } from '../../src/organisations/organisation.service.ts';
import { PDF_BYTES } from '../support/public-form-client.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { axeViolations, launchChromium, settledScreenshot } from '../support/browser.ts';

/**
 * The public complaint form in a real browser: filled with the keyboard only, checked with axe-core
 * against WCAG 2.1 A/AA on every page, and sent once more with JavaScript switched off.
 */
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts/public-form');

let database: TestDatabase;
let app: FastifyInstance;
let baseUrl: string;
let organisationId: string;
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  database = await openTestDatabase('pglite');
  const created = await createOrganisation(database.handle.db, systemClock, {
    ...DEMO_ORGANISATION,
    admin: { ...DEMO_ORGANISATION.admin },
  });
  organisationId = created.organisation.id;
  app = await buildApp({
    db: database.handle.db,
    clock: systemClock,
    config: {
      logLevel: 'silent',
      maxAttachmentBytes: 25 * 1024 * 1024,
      maxJsonBodyBytes: 1024 * 1024,
      formMinFillSeconds: 1,
    },
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

async function expectNoAxeViolations(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations).toEqual([]);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await settledScreenshot(page, path.join(ARTIFACTS, `${name}.png`));
}

/** What the element with keyboard focus is: its id, class or text (empty when nothing has focus). */
async function focused(page: Page, what: 'id' | 'class' | 'text'): Promise<string> {
  const element = page.locator(':focus');
  if ((await element.count()) === 0) return '';
  if (what === 'text') return ((await element.textContent()) ?? '').trim();
  return (await element.getAttribute(what)) ?? '';
}

/** Presses Tab until the element with this id has focus; fails if the tab order never reaches it. */
async function tabTo(page: Page, id: string, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if ((await focused(page, 'id')) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`the keyboard never reached #${id}`);
}

/** Replaces whatever the field holds, as a person would: select all, type. */
async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

async function tabToButton(page: Page, label: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if ((await focused(page, 'text')) === label) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`the keyboard never reached the button ${label}`);
}

async function focusedIds(page: Page, presses: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    ids.push((await focused(page, 'id')) || (await focused(page, 'text')));
  }
  return ids;
}

async function fillByKeyboard(page: Page, email: string): Promise<void> {
  await typeInto(page, 'name', 'Marieke van Dijk');
  await typeInto(page, 'email', email);
  await typeInto(page, 'phone', '06 12345678');
  await typeInto(page, 'product', 'Autoverzekering AV-20931');
  await typeInto(page, 'description', 'Mijn schade na de aanrijding van 2 november is nog niet vergoed.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ik heb drie keer gebeld en niemand belde terug.');
  await typeInto(page, 'desiredOutcome', 'Uitbetaling van de schade en een reactie binnen een week.');
  await tabTo(page, 'consent');
  await page.keyboard.press('Space');
}

describe('the public complaint form in a browser', () => {
  it('can be filled, checked and sent with the keyboard only, and passes axe on every page', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1000, height: 900 } });
    try {
      const { page, cspViolations } = await newPage(context);
      await page.goto(`${baseUrl}/klacht/demo`);
      expect(await page.title()).toBe('Klacht indienen – Demo Assurantiën B.V.');
      await expectNoAxeViolations(page);
      await screenshot(page, '1-form');

      // A logical tab order: header link, then the fields top to bottom, then the button.
      expect(await focusedIds(page, 15)).toEqual([
        'Direct naar de inhoud',
        'English',
        'name',
        'email',
        'phone',
        'street',
        'postalCode',
        'city',
        'product',
        'description',
        'desiredOutcome',
        'attachments',
        'Lees hoe wij met uw gegevens omgaan (opent in een nieuw venster)',
        'consent',
        'Controleren',
      ]);

      // Enter in an unfinished form: the errors, summarised at the top and focused; nothing typed lost.
      await tabTo(page, 'name');
      await page.keyboard.type('Marieke');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/controleren');
      expect(await page.title()).toBe('Fout: Klacht indienen – Demo Assurantiën B.V.');
      expect(await focused(page, 'class')).toBe('error-summary');
      expect(await page.inputValue('#name')).toBe('Marieke');
      await expectNoAxeViolations(page);
      await screenshot(page, '2-form-errors');

      await fillByKeyboard(page, 'marieke@example.nl');
      // The proof-of-work was solved in a worker while the form was being filled.
      await expect
        .poll(() => page.locator('input[name="altcha"]').inputValue(), { timeout: 20_000 })
        .not.toBe('');
      await tabToButton(page, 'Controleren');
      await page.keyboard.press('Enter');

      await page.waitForSelector('h1:text("Controleer uw klacht")');
      expect(await page.textContent('main')).toContain('Marieke van Dijk');
      await expectNoAxeViolations(page);
      await screenshot(page, '3-review');

      await tabToButton(page, 'Versturen');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/ontvangen?t=*');
      const reference = /KL-\d{4}-\d{4}/.exec((await page.textContent('.panel__reference')) ?? '')?.[0];
      expect(reference).toBeDefined();
      await expectNoAxeViolations(page);
      await screenshot(page, '4-confirmation');
      expect(cspViolations).toEqual([]);

      const stored = await database.handle.db
        .selectFrom('complaints')
        .select(['channel'])
        .where('organisation_id', '=', organisationId)
        .where('reference', '=', reference!)
        .executeTakeFirstOrThrow();
      expect(stored.channel).toBe('web_form');
    } finally {
      await context.close();
    }
  });

  it('works end to end without JavaScript, with an attachment kept over the review step', async () => {
    const context = await browser.newContext({
      locale: 'nl-NL',
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    try {
      const { page } = await newPage(context);
      await page.goto(`${baseUrl}/klacht/demo`);
      await screenshot(page, '5-form-phone-without-javascript');
      await fillByKeyboard(page, 'zonder-js@example.nl');
      await tabTo(page, 'attachments');
      const chooser = page.waitForEvent('filechooser');
      await page.keyboard.press('Space');
      await (
        await chooser
      ).setFiles({ name: 'brief verzekeraar.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
      // The fill time has to pass; a person takes longer than this anyway.
      await page.waitForTimeout(1100);
      await tabToButton(page, 'Controleren');
      await page.keyboard.press('Enter');

      await page.waitForSelector('h1:text("Controleer uw klacht")');
      expect(await page.textContent('main')).toContain('brief verzekeraar.pdf');
      await screenshot(page, '6-review-phone-without-javascript');
      await tabToButton(page, 'Versturen');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/ontvangen?t=*');
      const reference = /KL-\d{4}-\d{4}/.exec((await page.textContent('.panel__reference')) ?? '')?.[0];
      expect(reference).toBeDefined();

      const documents = await database.handle.db
        .selectFrom('documents')
        .innerJoin('complaints', (join) =>
          join
            .onRef('complaints.organisation_id', '=', 'documents.organisation_id')
            .onRef('complaints.id', '=', 'documents.complaint_id'),
        )
        .select(['documents.file_name', 'documents.media_type'])
        .where('documents.organisation_id', '=', organisationId)
        .where('complaints.reference', '=', reference!)
        .execute();
      expect(documents).toEqual([{ file_name: 'brief verzekeraar.pdf', media_type: 'application/pdf' }]);
    } finally {
      await context.close();
    }
  });
});
