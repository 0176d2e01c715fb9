import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import type { Role } from '../../src/db/schema.ts';
import { withTenant } from '../../src/db/tenant.ts';
import { hasWebAppBuild } from '../../src/http/web-app.routes.ts';
import { newId } from '../../src/ids.ts';
import { insertUser } from '../../src/users/user.repository.ts';
import { axeViolations, launchChromium, settledScreenshot } from '../support/browser.ts';
import { createTestOrganisation, type TestOrganisation } from '../support/factories.ts';
import { buildIdentityApp, CHEAP_HASHING } from '../support/identity.ts';
import { startTestOidcProvider, type TestOidcProvider } from '../support/oidc-provider.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * Single sign-on in a real browser: the staff app on http://localhost, the identity provider on
 * http://127.0.0.1 — another site, so the SameSite=Lax binding cookie has to survive a real
 * cross-site redirect back. The login screen with its SSO button, a refusal and the settings
 * screen are checked with axe-core and photographed for review.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/single-sign-on');

let database: TestDatabase;
let app: FastifyInstance;
let idp: TestOidcProvider;
let org: TestOrganisation;
let browser: Browser;
let baseUrl: string;
const cspViolations: string[] = [];

async function addUser(email: string, roles: Role[]): Promise<void> {
  await withTenant(database.handle.db, org.id, (tx) =>
    insertUser(tx, {
      organisation_id: org.id,
      id: newId(),
      email,
      display_name: email.split('@')[0]!,
      roles,
      password_hash: null,
      must_change_password: false,
      disabled_at: null,
      created_at: new Date(),
    }),
  );
}

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      cspViolations.push(message.text());
  });
  page.setDefaultTimeout(15_000);
  return page;
}

async function toSsoButton(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/app/`);
  await page.getByLabel('Organisatie').fill(org.slug);
  await page.getByRole('link', { name: 'Inloggen met uw organisatie-account (SSO)' }).waitFor();
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (!hasWebAppBuild()) {
    const { build } = await import('vite');
    await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
  }
  database = await openTestDatabase('pglite');
  idp = await startTestOidcProvider();
  const clock = fixedClock(new Date());
  org = await createTestOrganisation(database.handle.db, clock);
  await addUser('bea@kantoor.nl', ['handler']);
  await addUser('ada@kantoor.nl', ['admin', 'coordinator']);
  ({ app } = await buildIdentityApp(
    database.handle.db,
    { now: () => new Date() },
    { passwordHashing: CHEAP_HASHING },
  ));
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://localhost:${(app.server.address() as AddressInfo).port}`;
  const configured = await fetch(`${baseUrl}/api/v1/organisation/sso`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${org.admin.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      enabled: true,
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      allowedEmailDomain: 'kantoor.nl',
      trustIdpMfa: true,
      mfaAcr: null,
    }),
  });
  if (!configured.ok) throw new Error(await configured.text());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await idp?.close();
  await database?.close();
});

describe('single sign-on in the browser', () => {
  it('shows the SSO button for the organisation and signs a handler in through the provider', async () => {
    idp.user = { sub: 'sub-bea', email: 'bea@kantoor.nl', email_verified: true };
    const page = await freshPage();
    await toSsoButton(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'login-with-sso.png'), fullPage: true });

    await page.getByRole('link', { name: 'Inloggen met uw organisatie-account (SSO)' }).click();
    await page.locator('aside.sidebar').waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/');
    const session = await page.evaluate(() =>
      fetch('/api/v1/auth/session').then(
        (r) => r.json() as Promise<{ step: string; user: { email: string } }>,
      ),
    );
    expect(session).toMatchObject({ step: 'active', user: { email: 'bea@kantoor.nl' } });
    await page.context().close();
  });

  it('explains a refusal on the login screen', async () => {
    idp.user = { sub: 'sub-nobody', email: 'niemand@kantoor.nl', email_verified: true };
    const page = await freshPage();
    await toSsoButton(page);
    await page.getByRole('link', { name: 'Inloggen met uw organisatie-account (SSO)' }).click();
    await page.getByRole('alert').filter({ hasText: 'geen account met het e-mailadres' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    // The organisation is filled in again, so trying once more is one click.
    expect(await page.getByLabel('Organisatie').inputValue()).toBe(org.slug);
    await page.getByRole('link', { name: 'Inloggen met uw organisatie-account (SSO)' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'login-sso-refused.png'), fullPage: true });
    await page.context().close();
  });

  it('lets an administrator whose provider vouches for MFA in, and shows the settings screen', async () => {
    idp.user = { sub: 'sub-ada', email: 'ada@kantoor.nl', email_verified: true, amr: ['pwd', 'mfa'] };
    const page = await freshPage();
    await toSsoButton(page);
    await page.getByRole('link', { name: 'Inloggen met uw organisatie-account (SSO)' }).click();
    await page.locator('aside.sidebar').waitFor();
    await page.goto(`${baseUrl}/app/settings/users`);
    const section = page.locator('section[aria-labelledby="sso-title"]');
    await section.getByText(`${baseUrl}/api/v1/auth/sso/${org.slug}/callback`).waitFor();
    expect(await section.getByLabel('Client-ID').inputValue()).toBe(idp.clientId);
    await section.getByRole('button', { name: 'Provider testen' }).click();
    await section.getByText('is gevonden en bruikbaar').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await section.screenshot({ path: path.join(ARTIFACTS, 'settings-sso.png') });
    expect(cspViolations).toEqual([]);
    await page.context().close();
  });

  it('shows who is linked on the users screen and unlinks one, and lists my sessions to end', async () => {
    const signedIn = async (user: typeof idp.user) => {
      idp.user = user;
      const page = await freshPage();
      await toSsoButton(page);
      await page.getByRole('link', { name: 'Inloggen met uw organisatie-account (SSO)' }).click();
      await page.locator('aside.sidebar').waitFor();
      return page;
    };
    const ada = { sub: 'sub-ada', email: 'ada@kantoor.nl', email_verified: true, amr: ['pwd', 'mfa'] };
    // Another browser of the same administrator, for the list of sessions.
    const elsewhere = await signedIn(ada);
    const page = await signedIn(ada);

    await page.goto(`${baseUrl}/app/settings/users`);
    const beaRow = page.locator('tr[data-email="bea@kantoor.nl"]');
    await beaRow.getByText('SSO gekoppeld').waitFor();
    await beaRow.getByRole('button', { name: 'SSO ontkoppelen: bea' }).click();
    await page.getByText('De koppeling van bea met het account bij de identiteitsprovider').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await settledScreenshot(page, path.join(ARTIFACTS, 'users-unlink-sso.png'));
    await page.getByRole('button', { name: 'Ja, ontkoppelen' }).click();
    await page.getByRole('status').filter({ hasText: 'De SSO-koppeling van bea is verwijderd' }).waitFor();
    await expect.poll(() => beaRow.getByText('SSO gekoppeld').count()).toBe(0);

    await page.getByRole('link', { name: 'Mijn sessies' }).click();
    const list = page.locator('section[aria-labelledby="sessions-title"]');
    await list.getByText('Deze sessie').waitFor();
    // This browser, the other one, and the one left from the sign-in of the test before.
    await list.getByText('3 actieve sessies').waitFor();
    expect(await list.getByText('Organisatie-account (SSO)').count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    await settledScreenshot(page, path.join(ARTIFACTS, 'my-sessions.png'));
    await page.getByRole('button', { name: 'Alle andere sessies beëindigen' }).click();
    await page.getByRole('status').filter({ hasText: '2 sessies zijn beëindigd.' }).waitFor();
    await list.getByText('1 actieve sessie').waitFor();
    const other = await elsewhere.evaluate(() => fetch('/api/v1/auth/session').then((r) => r.status));
    expect(other).toBe(401);
    expect(cspViolations).toEqual([]);
    await elsewhere.context().close();
    await page.context().close();
  });

  it('lets the administrator sign a colleague out everywhere, and everyone but themselves', async () => {
    const signedIn = async (user: typeof idp.user) => {
      idp.user = user;
      const page = await freshPage();
      await toSsoButton(page);
      await page.getByRole('link', { name: 'Inloggen met uw organisatie-account (SSO)' }).click();
      await page.locator('aside.sidebar').waitFor();
      return page;
    };
    const status = (target: Page) =>
      target.evaluate(() => fetch('/api/v1/auth/session').then((r) => r.status));
    const bea = await signedIn({ sub: 'sub-bea', email: 'bea@kantoor.nl', email_verified: true });
    const page = await signedIn({
      sub: 'sub-ada',
      email: 'ada@kantoor.nl',
      email_verified: true,
      amr: ['mfa'],
    });

    await page.goto(`${baseUrl}/app/settings/users`);
    const beaRow = page.locator('tr[data-email="bea@kantoor.nl"]');
    await beaRow.getByRole('button', { name: 'Afmelden op alle apparaten: bea' }).click();
    await page.getByText('Alle sessies van bea beëindigen?').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await settledScreenshot(page, path.join(ARTIFACTS, 'users-end-sessions.png'));
    await page.getByRole('button', { name: 'Ja, sessies beëindigen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /sessies? van bea (is|zijn) beëindigd\./ })
      .waitFor();
    expect(await status(bea)).toBe(401);
    // Signed out, not disabled: the account is still active and bea signs in again.
    expect(await beaRow.getByText('Actief').count()).toBe(1);
    await bea.context().close();
    const beaAgain = await signedIn({ sub: 'sub-bea', email: 'bea@kantoor.nl', email_verified: true });
    expect(await status(beaAgain)).toBe(200);

    await page.getByRole('button', { name: 'Iedereen afmelden' }).click();
    await page.getByRole('button', { name: 'Ja, iedereen afmelden' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /sessies? (is|zijn) beëindigd\./ })
      .waitFor();
    expect(await status(beaAgain)).toBe(401);
    expect(await status(page)).toBe(200);
    expect(cspViolations).toEqual([]);
    await beaAgain.context().close();
    await page.context().close();
  });
});
