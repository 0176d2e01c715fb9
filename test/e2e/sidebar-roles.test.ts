import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { issueApiToken } from '../../src/auth/api-token.ts';
import { systemClock } from '../../src/clock.ts';
import { withTenant } from '../../src/db/tenant.ts';
import { hasWebAppBuild } from '../../src/http/web-app.routes.ts';
import { newId } from '../../src/ids.ts';
import { deriveSecrets } from '../../src/secrets.ts';
import { insertUser } from '../../src/users/user.repository.ts';
import { axeViolations, launchChromium, settledScreenshot, waitUntilSettled } from '../support/browser.ts';
import { addInboundMail } from '../security/sweep-world-records.ts';
import { createTestComplaint, createTestOrganisation, type TestOrganisation } from '../support/factories.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * The staff app's sidebar per role, in a real browser against the real API: each role signs in,
 * sees exactly the links the server lets it use, and every link opens without a refusal (no 403
 * or server error on the way, no error notice on the screen). Then a handler's work queue (own
 * complaints by default, decision 0015) and the letter template history, for the coordinator who
 * may restore and the auditor who may only read. Screenshots at 1280 px and at tablet width.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/sidebar-roles');

let database: TestDatabase;
let app: FastifyInstance;
let baseUrl: string;
let browser: Browser;
let org: TestOrganisation;
let adminOnlyToken: string;
const references: Record<'own' | 'unassigned' | 'colleague', string> = {
  own: '',
  unassigned: '',
  colleague: '',
};

interface Visit {
  page: Page;
  /** API answers that refuse or fail: a link the sidebar offers must not lead to one. */
  refusals: string[];
  pageErrors: string[];
}

async function signIn(token: string, width = 1280): Promise<Visit> {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const visit: Visit = { page, refusals: [], pageErrors: [] };
  page.on('response', (response) => {
    if (response.url().includes('/api/') && (response.status() === 403 || response.status() >= 500))
      visit.refusals.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('pageerror', (error) => visit.pageErrors.push(error.message));
  await page.goto(`${baseUrl}/app/`);
  await page.getByRole('button', { name: 'Aanmelden met een API-sleutel' }).click();
  await page.getByLabel('API-sleutel').fill(token);
  await page.getByRole('button', { name: 'Aanmelden met sleutel' }).click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
  await waitUntilSettled(page);
  return visit;
}

const sidebarLinks = (page: Page) =>
  page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allTextContents();

async function photograph(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await settledScreenshot(page, path.join(ARTIFACTS, `${name}.png`));
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (!hasWebAppBuild()) {
    const { build } = await import('vite');
    await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
  }
  database = await openTestDatabase('pglite');
  const db = database.handle.db;
  org = await createTestOrganisation(db, systemClock);
  const adminOnly = newId();
  adminOnlyToken = await withTenant(db, org.id, async (tx) => {
    await insertUser(tx, {
      organisation_id: org.id,
      id: adminOnly,
      email: `alleen-beheer@${org.slug}.nl`,
      display_name: 'Alleen Beheer',
      roles: ['admin'],
      password_hash: null,
      must_change_password: true,
      disabled_at: null,
      created_at: systemClock.now(),
    });
    return (await issueApiToken(tx, systemClock, { organisationId: org.id, userId: adminOnly, name: 'test' }))
      .token;
  });
  await withTenant(db, org.id, (tx) => addInboundMail(tx, org.id, 'rollen', systemClock.now()));
  const complaint = async (handlerId: string | null) =>
    (
      await createTestComplaint(
        db,
        org,
        { receivedAt: systemClock.now(), ...(handlerId ? { handlerId } : {}) },
        systemClock,
      )
    ).reference;
  references.own = await complaint(org.handler.id);
  references.unassigned = await complaint(null);
  references.colleague = await complaint(org.coordinator.id);
  app = await buildApp({
    db,
    clock: systemClock,
    // With secrets the server has sessions, so GET /auth/session tells the app whose a token is.
    secrets: deriveSecrets(randomBytes(32)),
    config: { logLevel: 'silent', maxAttachmentBytes: 1024 * 1024, maxJsonBodyBytes: 256 * 1024 },
    readiness: async () => [{ name: 'database', ok: true }],
  });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

const QUEUE = 'Werkvoorraad';
const INTAKE = 'Binnengekomen';
const CANCELLATIONS = 'Opzeggingen';
const QUARANTINE = 'Quarantaine';
const HEARINGS = 'Mijn wederhoor';
const OVERVIEW = 'Overzicht';
const NOTIFICATIONS = 'Meldingen';
const SETTINGS = 'Instellingen';

describe('the sidebar per role', () => {
  const roles: Array<{ role: string; token: () => string; links: string[] }> = [
    {
      role: 'coordinator',
      token: () => org.coordinator.token,
      links: [QUEUE, INTAKE, CANCELLATIONS, QUARANTINE, HEARINGS, OVERVIEW, NOTIFICATIONS, SETTINGS],
    },
    {
      role: 'handler',
      token: () => org.handler.token,
      links: [QUEUE, INTAKE, CANCELLATIONS, HEARINGS, OVERVIEW, NOTIFICATIONS],
    },
    { role: 'employee', token: () => org.employee.token, links: [HEARINGS, NOTIFICATIONS] },
    {
      role: 'auditor',
      token: () => org.auditor.token,
      links: [QUEUE, INTAKE, CANCELLATIONS, QUARANTINE, OVERVIEW, NOTIFICATIONS, SETTINGS],
    },
    { role: 'admin-only', token: () => adminOnlyToken, links: [NOTIFICATIONS, SETTINGS] },
  ];

  for (const { role, token, links } of roles) {
    it(`shows the ${role} only what the server lets them open, and every link opens`, async () => {
      const { page, refusals, pageErrors } = await signIn(token());
      try {
        expect(await sidebarLinks(page)).toEqual(links);
        await photograph(page, `${role}-start`);
        for (const label of links) {
          await page
            .getByRole('navigation', { name: 'Hoofdmenu' })
            .getByRole('link', { name: label })
            .click();
          await page.locator('main h1').first().waitFor();
          await waitUntilSettled(page);
          expect(await page.locator('.notice-error').count(), `${role} → ${label}`).toBe(0);
          expect(await page.locator('main h1').first().textContent(), `${role} → ${label}`).not.toMatch(
            /niet gevonden/i,
          );
        }
        expect(refusals).toEqual([]);
        expect(pageErrors).toEqual([]);
      } finally {
        await page.context().close();
      }
    }, 120_000);
  }

  it('hides the quarantine’s processing button from the auditor, who may only read', async () => {
    const buttons = async (token: string) => {
      const { page, refusals } = await signIn(token);
      try {
        await page.goto(`${baseUrl}/app/quarantine`);
        await page.getByRole('heading', { name: 'Quarantaine', level: 1 }).waitFor();
        await waitUntilSettled(page);
        expect(await page.getByText('afzender-rollen@example.nl').count()).toBe(1);
        expect(refusals).toEqual([]);
        return await page.getByRole('button', { name: /verwerken/i }).count();
      } finally {
        await page.context().close();
      }
    };
    expect(await buttons(org.coordinator.token)).toBe(1);
    expect(await buttons(org.auditor.token)).toBe(0);
  }, 60_000);
});

describe('a handler’s work queue', () => {
  it('lists their own complaints; the unassigned ones are one filter away, a colleague’s never', async () => {
    const { page, refusals } = await signIn(org.handler.token);
    try {
      await page.getByRole('heading', { name: QUEUE, level: 1 }).waitFor();
      await waitUntilSettled(page);
      const listed = () => page.locator('main table tbody tr').allTextContents();
      const rows = await listed();
      expect(rows.some((r) => r.includes(references.own))).toBe(true);
      expect(rows.some((r) => r.includes(references.unassigned))).toBe(false);
      expect(rows.some((r) => r.includes(references.colleague))).toBe(false);
      const handlerFilter = page.getByLabel('Behandelaar');
      expect(await handlerFilter.locator('option').allTextContents()).toEqual([
        'Mijn klachten',
        'Nog niet toegewezen',
      ]);
      await photograph(page, 'handler-queue');

      await handlerFilter.selectOption({ label: 'Nog niet toegewezen' });
      await page.locator('main table tbody tr', { hasText: references.unassigned }).waitFor();
      await waitUntilSettled(page);
      const unassigned = await listed();
      expect(unassigned.some((r) => r.includes(references.own))).toBe(false);
      expect(unassigned.some((r) => r.includes(references.colleague))).toBe(false);
      expect(refusals).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 60_000);
});

describe('the letter template history', () => {
  const put = async (token: string, closing: string) => {
    const response = await fetch(`${baseUrl}/api/v1/letter-templates/acknowledgment/nl`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ closing }),
    });
    expect(response.status).toBe(200);
  };

  it('shows the coordinator who changed what, compares an old version and restores it', async () => {
    await put(org.coordinator.token, 'Met vriendelijke groet, namens het hele team,');
    await put(org.coordinator.token, 'Hoogachtend,');
    const { page, refusals } = await signIn(org.coordinator.token);
    try {
      await page.goto(`${baseUrl}/app/settings/letters`);
      const history = page.getByRole('region', { name: 'Geschiedenis' });
      const rows = history.locator('tbody tr');
      await rows.nth(1).waitFor();
      expect(await rows.count()).toBe(2);
      expect(await rows.first().textContent()).toContain('Coördinator Cor');
      expect(await rows.first().textContent()).toContain('in gebruik');
      await rows.nth(1).getByRole('button', { name: 'Bekijken' }).click();
      await history.getByText('1 onderdeel verschilt van de huidige versie.').waitFor();
      const changed = history.locator('.version-row-changed');
      expect(await changed.count()).toBe(1);
      expect(await changed.textContent()).toContain('Met vriendelijke groet, namens het hele team,');
      expect(await changed.textContent()).toContain('Hoogachtend,');
      expect(await axeViolations(page)).toEqual([]);
      await history.scrollIntoViewIfNeeded();
      await photograph(page, 'template-history-compare');
      await page.setViewportSize({ width: 768, height: 1000 });
      await photograph(page, 'template-history-compare-768');
      await page.setViewportSize({ width: 1280, height: 900 });
      // Only the difference shows; the parts that are the same unfold on request.
      expect(await history.locator('.version-row').count()).toBe(1);
      await history.getByRole('button', { name: /gelijke onderdelen tonen$/ }).click();
      expect(await history.locator('.version-row').count()).toBeGreaterThan(4);

      await history.getByRole('button', { name: 'Deze versie terugzetten' }).click();
      await history.getByText(/is teruggezet; nieuwe brieven gebruiken haar meteen/).waitFor();
      await rows.nth(2).waitFor();
      expect(await rows.count()).toBe(3);
      expect(
        await page
          .getByRole('form', { name: /^Sjabloon bewerken/ })
          .getByLabel('Afsluiting', { exact: true })
          .inputValue(),
      ).toBe('Met vriendelijke groet, namens het hele team,');
      expect(refusals).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 90_000);

  it('lets the auditor read the templates and their history, and change nothing', async () => {
    const { page, refusals } = await signIn(org.auditor.token, 768);
    try {
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: SETTINGS }).click();
      const tabs = page.getByRole('navigation', { name: /tabbladen|instellingen/i });
      await page.getByRole('form', { name: /^Sjabloon bewerken/ }).waitFor();
      expect(await tabs.getByRole('link').allTextContents()).toEqual(['Brieven']);
      const editor = page.getByRole('form', { name: /^Sjabloon bewerken/ });
      expect(await editor.getByLabel('Onderwerp').isDisabled()).toBe(true);
      expect(await editor.getByRole('button', { name: 'Sjabloon opslaan' }).count()).toBe(0);
      expect(await editor.getByRole('button', { name: 'Terug naar de standaardtekst' }).count()).toBe(0);
      const history = page.getByRole('region', { name: 'Geschiedenis' });
      await history.locator('tbody tr').nth(2).waitFor();
      await history.locator('tbody tr').nth(1).getByRole('button', { name: 'Bekijken' }).click();
      await history.locator('.version-compare').waitFor();
      expect(await history.getByRole('button', { name: 'Deze versie terugzetten' }).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await photograph(page, 'template-history-auditor-768');
      expect(refusals).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 60_000);
});
