import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBase32 } from '../../src/auth/base32.ts';
import { totpAt } from '../../src/auth/totp.ts';
import { hasWebAppBuild } from '../../src/http/web-app.routes.ts';
import { axeViolations, launchChromium, settledScreenshot } from '../support/browser.ts';
import { startImapServer, type ImapServer } from '../support/imap-server.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { bearerApi } from '../support/bearer-api.ts';

/**
 * The whole procedure in a real browser against the real product and a real Dovecot: a complaint
 * through the public form and one by e-mail; the coordinator opens the mail, acknowledges, asks for
 * information, hears an employee who signs in with an invitation and reacts in their own screen,
 * gives our position, closes and records a KiFiD referral; a cancellation request is handled and a
 * quarantined mail is processed after all. axe-core runs on every new screen; screenshots are kept.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts/procedure-journey');
const ADMIN_PASSWORD = 'Klachten netjes afhandelen 2026';
const EMPLOYEE_PASSWORD = 'Mijn kant van het verhaal 2026';
const MAIL_DESCRIPTION =
  'Mijn adviseur heeft mijn inboedelpolis zonder overleg omgezet naar een duurder pakket.';
const OUR_ADDRESS = 'klachten@demo-assurantien.nl';

let server: ServerProcess;
let imap: ImapServer;
let browser: Browser;
let admin: Page;
let apiToken: string;
let mailComplaintId: string;
let mailReference: string;
let employeeContext: BrowserContext;
let employee: Page;
let invitationUrl: string;
const pageErrors: string[] = [];

const api = bearerApi(() => ({ url: server.url, token: apiToken }));

async function expectNoAxeViolations(target: Page): Promise<void> {
  expect(await axeViolations(target)).toEqual([]);
}

async function screenshot(target: Page, name: string): Promise<void> {
  await target.evaluate(() => window.scrollTo(0, 0));
  await settledScreenshot(target, path.join(ARTIFACTS, `${name}.png`));
}

async function newPage(into: BrowserContext): Promise<Page> {
  const created = await into.newPage();
  created.on('pageerror', (error) => pageErrors.push(error.message));
  created.setDefaultTimeout(15_000);
  return created;
}

function mail(from: string, subject: string, text: string, id: string): string {
  return [
    `From: ${from}`,
    `To: ${OUR_ADDRESS}`,
    `Subject: ${subject}`,
    `Message-ID: <${id}@mail.example.nl>`,
    'Date: Mon, 23 Nov 2026 08:12:00 +0100',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
    '',
  ].join('\r\n');
}

/** The step's accordion item in the dossier's step panel. */
function step(action: string) {
  return admin.locator(`#step-${action}`);
}

async function takeStep(action: string, fill: (form: ReturnType<Page['locator']>) => Promise<void>) {
  const toggle = step(action).locator('.step-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const form = step(action).locator('form');
  await form.waitFor();
  await fill(form);
  await form.locator('button[type="submit"]').click();
  await admin.getByRole('status').filter({ hasText: ': vastgelegd.' }).first().waitFor();
}

async function openDossier(id: string): Promise<void> {
  await admin.goto(`${server.url}/app/complaints/${id}`);
  await admin.locator('.dossier-header h1').waitFor();
}

async function enrolSecondFactor(target: Page): Promise<void> {
  await target.getByRole('heading', { name: 'Stel uw tweede stap in' }).waitFor();
  const secret = (await target.locator('.secret').getAttribute('data-secret'))!;
  await target.getByLabel('Code').fill(totpAt(decodeBase32(secret)!, new Date()));
  await target.getByRole('button', { name: 'Instellen' }).click();
  await target.getByRole('heading', { name: 'Uw herstelcodes' }).waitFor();
  await target.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (!hasWebAppBuild()) {
    const { build } = await import('vite');
    await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
  }
  imap = await startImapServer();
  await imap.addUser('klachten', 'postvak-wachtwoord');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachtwijzer-journey-'));
  // The first start fills the demo organisation; on a busy machine that takes a while.
  server = await startServerProcess(
    { DATA_DIR: dataDir, JOBS_ENABLED: 'false', FORM_MIN_FILL_SECONDS: '1' },
    180_000,
  );
  apiToken = server.apiToken!;
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  admin = await newPage(context);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  await imap?.stop();
});

describe('the procedure from arrival to KiFiD, in the browser', () => {
  it('takes a complaint through the public form and three e-mails through the mailbox', async () => {
    const form = await newPage(await browser.newContext({ locale: 'nl-NL' }));
    await form.goto(`${server.url}/klacht/demo`);
    await form.locator('#name').fill('Marieke van Dijk');
    await form.locator('#email').fill('marieke@example.nl');
    await form.locator('#product').fill('Autoverzekering AV-20931');
    await form
      .locator('#description')
      .fill('Mijn schade na de aanrijding van 2 november is nog niet vergoed.');
    await form.locator('#consent').check();
    await form.waitForTimeout(1100);
    await form.getByRole('button', { name: 'Controleren' }).click();
    await form.getByRole('heading', { name: 'Controleer uw klacht' }).waitFor();
    await form.getByRole('button', { name: 'Versturen' }).click();
    await form.waitForURL('**/ontvangen?t=*');
    expect(await form.locator('.panel__reference').textContent()).toMatch(/KL-\d{4}-\d{4}/);

    const mailbox = await api<{ id: string }>('POST', '/mailboxes', {
      name: 'Klachten',
      host: imap.host,
      port: imap.port,
      secure: false,
      username: 'klachten',
      password: 'postvak-wachtwoord',
      ourAddresses: [OUR_ADDRESS],
    });
    const internalDate = new Date();
    await imap.append(
      'klachten',
      'INBOX',
      mail('Els Mulder <els.mulder@example.nl>', 'Klacht over mijn adviseur', MAIL_DESCRIPTION, 'klacht-1'),
      { internalDate },
    );
    await imap.append(
      'klachten',
      'INBOX',
      mail(
        'Els Mulder <els.mulder@example.nl>',
        'Opzegging van mijn inboedelverzekering',
        'Hierbij zeg ik mijn inboedelverzekering op, polisnummer INB-7731.',
        'opzegging-1',
      ),
      { internalDate },
    );
    await imap.append(
      'klachten',
      'INBOX',
      mail(
        `Klachten Demo <${OUR_ADDRESS}>`,
        'Doorgestuurd: klacht van de balie',
        'Klant klaagt over de wachttijd.',
        'eigen-1',
      ),
      { internalDate },
    );
    const report = await api<{ stored: number }>('POST', `/mailboxes/${mailbox.id}/poll`);
    expect(report.stored).toBe(3);
  });

  it('signs the coordinator in and sets the affiliation number', async () => {
    const oneTimePassword = /Eenmalig wachtwoord:\s+(\S+)/.exec(server.output())![1]!;
    await admin.goto(`${server.url}/`);
    await admin.getByLabel('Organisatie').fill('demo');
    await admin.getByLabel('E-mailadres').fill('beheerder@demo-assurantien.nl');
    await admin.getByLabel('Wachtwoord', { exact: true }).fill(oneTimePassword);
    await admin.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await admin.getByLabel('Nieuw wachtwoord', { exact: true }).fill(ADMIN_PASSWORD);
    await admin.getByLabel('Nieuw wachtwoord, nog een keer').fill(ADMIN_PASSWORD);
    await admin.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await enrolSecondFactor(admin);
    await admin.getByRole('heading', { name: 'Werkvoorraad' }).waitFor();
    expect(await admin.locator('.who-name').textContent()).toBe('Beheerder Demo');
    await api('PATCH', '/organisation', { kifidAffiliationNumber: '300.012345' });
    const { disputesBody } = await api<{ disputesBody: Record<string, unknown> }>('GET', '/organisation');
    const { confirmedAt: _confirmedAt, ...record } = disputesBody;
    await api('PUT', '/organisation/disputes-body', record);
  });

  it('shows quarantined mail with its reason, and processes it after all', async () => {
    await admin
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Quarantaine' })
      .click();
    const item = admin.locator('.quarantine-item', { hasText: 'Doorgestuurd: klacht van de balie' });
    await item.waitFor();
    expect(await item.locator('.quarantine-reason').textContent()).toContain('eigen adres');
    await expectNoAxeViolations(admin);
    await screenshot(admin, '01-quarantine');
    await item.getByRole('button', { name: 'Toch verwerken als binnenkomend bericht' }).click();
    await admin.getByRole('status').filter({ hasText: 'in de lijst Binnengekomen gezet' }).waitFor();
    await item.waitFor({ state: 'detached' });
    await admin.getByText('Geen berichten in quarantaine.').waitFor();
  });

  it('invites an employee, and revokes an invitation sent by mistake', async () => {
    await admin.goto(`${server.url}/app/settings/users`);
    const invite = admin.locator('form', { has: admin.getByRole('heading', { name: 'Collega uitnodigen' }) });
    await invite.waitFor();
    for (const [name, email] of [
      ['Pieter Jansen', 'pieter.jansen@demo-assurantien.nl'],
      ['Verkeerd Adres', 'verkeerd@example.nl'],
    ] as const) {
      await invite.getByLabel('Naam').fill(name);
      await invite.getByLabel('E-mailadres').fill(email);
      await invite.getByLabel('Behandelaar').uncheck();
      await invite.getByLabel('Medewerker', { exact: true }).check();
      await invite.getByRole('button', { name: 'Uitnodigen' }).click();
      await invite.locator('.invitation-link', { hasText: name }).waitFor();
      if (name === 'Pieter Jansen')
        invitationUrl = await invite.locator('.invitation-link input').inputValue();
    }
    expect(invitationUrl).toMatch(/\/uitnodiging#/);
    const pending = admin.locator('.table-invitations');
    await pending.locator('tr', { hasText: 'Verkeerd Adres' }).waitFor();
    await expectNoAxeViolations(admin);
    await screenshot(admin, '02-users-invitations');
    await admin.getByRole('button', { name: 'Intrekken: uitnodiging van Verkeerd Adres' }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: 'De uitnodiging van Verkeerd Adres is ingetrokken.' })
      .waitFor();
    // The message is said at once; the list of invitations reloads after it.
    await expect.poll(() => pending.locator('tr', { hasText: 'Verkeerd Adres' }).count()).toBe(0);
    expect(await pending.locator('tr', { hasText: 'Pieter Jansen' }).count()).toBe(1);
  });

  it('opens the e-mail from the intake queue as a complaint, acknowledges it and asks for information', async () => {
    await admin
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Binnengekomen' })
      .click();
    const card = admin.locator('.intake-card', { hasText: 'Klacht over mijn adviseur' });
    await card.waitFor();
    await card.getByRole('button', { name: 'Openen als klacht' }).click();
    await card.getByLabel('Behandelaar').selectOption({ label: 'Beheerder Demo' });
    await card.getByRole('button', { name: 'Klacht openen' }).click();
    // Opening leads straight to the new dossier.
    await admin.waitForURL('**/app/complaints/*');
    await admin.locator('.dossier-header h1').waitFor();
    mailReference = (await admin.locator('.dossier-header h1').textContent())!;
    expect(mailReference).toMatch(/^KL-\d{4}-\d{4}$/);
    mailComplaintId = admin.url().split('/').at(-1)!;

    await openDossier(mailComplaintId);
    await takeStep('acknowledge', async () => {});
    await takeStep('request_information', async (form) => {
      await form.getByLabel('Wat ontbreekt er?').fill('Stuur ons de polis van vóór de omzetting.');
    });
    await takeStep('register_information_received', async () => {});
  });

  it('names the employee as involved and starts the hearing', async () => {
    await admin.locator('.composer-toggle summary', { hasText: 'Betrokken medewerker toevoegen' }).click();
    await admin.getByLabel('Medewerker', { exact: true }).first().selectOption({ label: 'Pieter Jansen' });
    await admin.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: 'Pieter Jansen is als betrokkene toegevoegd.' })
      .waitFor();
    await expect.poll(() => admin.locator('.facts').first().textContent()).toContain('Pieter Jansen');
    await expectNoAxeViolations(admin);
    await takeStep('start_hearing', async (form) => {
      await form.getByLabel('Medewerker', { exact: true }).selectOption({ label: 'Pieter Jansen' });
      await form
        .getByLabel('Verzoek aan de medewerker')
        .fill('Wilt u beschrijven hoe het omzetten van de polis van mevrouw Mulder is gegaan?');
    });
  });

  it('lets the employee sign in with the invitation and react in their own screen, seeing nothing else', async () => {
    employeeContext = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
    employee = await newPage(employeeContext);
    const calls: string[] = [];
    const bodies: string[] = [];
    employee.on('response', (response) => {
      const url = new URL(response.url());
      if (!url.pathname.startsWith('/api/v1/')) return;
      calls.push(`${response.request().method()} ${url.pathname}`);
      void response.text().then(
        (text) => bodies.push(text),
        () => undefined,
      );
    });
    await employee.goto(invitationUrl.replace(/^https?:\/\/[^/]+/, server.url));
    await employee.getByRole('heading', { name: 'Welkom bij Klachtwijzer' }).waitFor();
    expect(employee.url()).not.toContain('#');
    await expectNoAxeViolations(employee);
    await screenshot(employee, '03-invitation');
    await employee.getByLabel('Nieuw wachtwoord', { exact: true }).fill(EMPLOYEE_PASSWORD);
    await employee.getByLabel('Nieuw wachtwoord, nog een keer').fill(EMPLOYEE_PASSWORD);
    await employee.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await employee.getByRole('button', { name: 'Naar aanmelden' }).click();
    await employee.getByLabel('E-mailadres').fill('pieter.jansen@demo-assurantien.nl');
    expect(await employee.getByLabel('Organisatie').inputValue()).toBe('demo');
    await employee.getByLabel('Wachtwoord', { exact: true }).fill(EMPLOYEE_PASSWORD);
    await employee.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    const enrol = employee.getByRole('heading', { name: 'Stel uw tweede stap in' });
    await enrol.or(employee.getByRole('heading', { name: 'Mijn wederhoor' })).waitFor();
    if (await enrol.isVisible()) await enrolSecondFactor(employee);

    await employee.getByRole('heading', { name: 'Mijn wederhoor' }).waitFor();
    const card = employee.locator('.hearing-card', { hasText: mailReference });
    await card.waitFor();
    expect(await card.locator('.hearing-request').textContent()).toContain('omzetten van de polis');
    const nav = employee.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Mijn wederhoor', 'Meldingen']);
    await expectNoAxeViolations(employee);
    await screenshot(employee, '04-my-hearings-request');

    await card
      .getByLabel('Uw reactie op de klacht')
      .fill('De klant vroeg zelf om het duurdere pakket, telefonisch op 3 november.');
    await card.getByRole('button', { name: 'Reactie versturen' }).click();
    await employee
      .getByRole('status')
      .filter({ hasText: 'Uw reactie is aan het dossier toegevoegd.' })
      .waitFor();
    expect(await card.locator('.hearing-reactions').textContent()).toContain('telefonisch op 3 november');

    // What the screen asked the API for: sign-in, who am I, notifications, the own hearings. The
    // dossier is never requested, and nothing of the complaint itself came back.
    const allowed =
      /^(GET|POST) \/api\/v1\/(auth\/.*|organisation|users|notifications|my\/hearings(\/[^/]+\/reaction)?)$/;
    expect(calls.filter((call) => !allowed.test(call))).toEqual([]);
    expect(calls.some((call) => call.includes('/complaints'))).toBe(false);
    await expect.poll(() => bodies.length).toBeGreaterThan(3);
    for (const body of bodies) {
      expect(body).not.toContain('Els Mulder');
      expect(body).not.toContain('els.mulder@example.nl');
      expect(body).not.toContain(MAIL_DESCRIPTION);
    }
  });

  it('records the summary; the employee signs it in their screen', async () => {
    await openDossier(mailComplaintId);
    expect(await admin.locator('.timeline').textContent()).toContain('telefonisch op 3 november');
    await takeStep('record_hearing_statement', async (form) => {
      await form.getByLabel('Medewerker', { exact: true }).selectOption({ label: 'Pieter Jansen' });
      await form
        .getByLabel('Samenvatting van de reactie')
        .fill(
          'Pieter Jansen verklaart dat mevrouw Mulder op 3 november telefonisch om het duurdere pakket vroeg.',
        );
    });

    await employee.reload();
    const card = employee.locator('.hearing-card', { hasText: mailReference });
    await card.locator('.hearing-statement blockquote').waitFor();
    expect(await card.locator('.hearing-statement blockquote').textContent()).toContain(
      'telefonisch om het duurdere pakket',
    );
    await expectNoAxeViolations(employee);
    await screenshot(employee, '05-my-hearings-sign');
    const sign = card.getByRole('button', { name: 'Samenvatting ondertekenen' });
    expect(await sign.isDisabled()).toBe(true);
    await card.getByLabel(/Ik heb de samenvatting gelezen/).check();
    await sign.click();
    await employee.getByRole('status').filter({ hasText: 'U heeft de samenvatting ondertekend.' }).waitFor();
    expect(await card.locator('.hearing-signed').textContent()).toContain('Ondertekend op');
    expect(await card.getByLabel('Uw reactie op de klacht').count()).toBe(0);
    await screenshot(employee, '06-my-hearings-signed');
  });

  it('gives our position, closes the complaint and records the KiFiD referral', async () => {
    await openDossier(mailComplaintId);
    await takeStep('send_decision_letter', async (form) => {
      await form
        .getByLabel('c. Resultaten van het onderzoek')
        .fill('Wij hebben het telefoongesprek en de polis nagelopen.');
      await form.getByLabel('d. Ons oordeel over de klacht').fill('Wij vinden de klacht ongegrond.');
      await form
        .getByLabel('e. Vervolgacties richting de klager')
        .fill('Geen; u kunt het pakket kosteloos terugzetten.');
    });
    expect(await admin.locator('.dossier-header .badge-status').textContent()).toBe('Standpunt gegeven');
    await takeStep('close', async (form) => {
      await form.getByLabel('Categorie').fill('Advies');
      await form.getByLabel('Oorzaak').fill('Wijziging niet schriftelijk bevestigd');
      await form.getByLabel('Uitkomst').selectOption({ label: 'Ongegrond' });
    });
    expect(await admin.locator('.dossier-header .badge-status').textContent()).toBe('Afgesloten');
    await takeStep('record_kifid_referral', async (form) => {
      await form.getByLabel('Zaaknummer KiFiD').fill('KIFID-2026-1187');
    });
    await admin.locator('.event-log summary').click();
    await expect
      .poll(() => admin.locator('.event-log tbody').textContent())
      .toContain('KiFiD-zaak vastgelegd');
    const log = (await admin.locator('.event-log tbody').textContent())!;
    for (const line of [
      'Betrokken medewerker toegevoegd',
      'Reactie van betrokkene ontvangen',
      'Samenvatting ondertekend',
    ])
      expect(log).toContain(line);
    expect(await admin.locator('.chain').textContent()).toBe('Alle regels sluiten op elkaar aan.');
  });

  it('handles a cancellation request: opened from the mail, confirmed, linked, processed', async () => {
    await admin
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Binnengekomen' })
      .click();
    const card = admin.locator('.intake-card', { hasText: 'Opzegging van mijn inboedelverzekering' });
    await card.getByRole('button', { name: 'Openen als opzegging' }).click();
    await card.getByLabel('Polis(sen)').fill('Inboedelverzekering INB-7731');
    await card.getByRole('button', { name: 'Opzegging openen' }).click();
    const opened = admin.getByRole('status').filter({ hasText: /Opzegging OP-\d{4}-\d{4} geopend\./ });
    await opened.waitFor();
    const reference = /OP-\d{4}-\d{4}/.exec((await opened.textContent())!)![0];

    await admin
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Opzeggingen' })
      .click();
    const row = admin.locator('.table-cancellations tr', { hasText: reference });
    await row.waitFor();
    await expectNoAxeViolations(admin);
    await screenshot(admin, '07-cancellations');
    await row.getByRole('link', { name: reference }).click();
    await admin.getByRole('heading', { name: reference, level: 1 }).waitFor();
    expect(await admin.locator('.prose').last().textContent()).toContain('polisnummer INB-7731');

    await admin.getByRole('button', { name: 'Ontvangst bevestigd aan de klant' }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: 'Ontvangst bevestigd aan de klant: vastgelegd.' })
      .waitFor();
    await admin.getByLabel('Kenmerk van de klacht (KL-…)').fill(mailReference.toLowerCase());
    await admin.getByRole('button', { name: 'Koppelen' }).click();
    await admin.getByRole('link', { name: `Naar klacht ${mailReference}` }).waitFor();
    // Linked: what it is linked to takes the form's place; moving the link (the server allows it)
    // is folded away under its own name.
    const linkedCard = admin.getByTestId('cancellation-linked');
    const toDossier = linkedCard.getByRole('link', { name: `Dossier van ${mailReference} openen` });
    expect(await toDossier.getAttribute('href')).toMatch(/^\/app\/complaints\/[0-9a-f-]{36}$/u);
    expect(await admin.getByRole('heading', { name: 'Koppelen aan een klacht' }).count()).toBe(0);
    expect(await linkedCard.getByLabel('Kenmerk van de klacht (KL-…)').isVisible()).toBe(false);
    await linkedCard.locator('summary', { hasText: 'Aan een andere klacht koppelen' }).waitFor();
    await admin.getByRole('button', { name: 'Verwerkt bij de verzekeraar' }).click();
    await admin.getByText('Deze opzegging is afgehandeld.').waitFor();
    expect(await admin.locator('.dossier-header .badge-status').textContent()).toBe('Verwerkt');
    await expectNoAxeViolations(admin);
    await screenshot(admin, '08-cancellation-detail');
  });

  it('changes a role and disables the employee, whose open session ends at once', async () => {
    await admin.goto(`${server.url}/app/settings/users`);
    const row = admin.locator('.table-users tr', { hasText: 'Pieter Jansen' });
    await row.getByRole('button', { name: 'Rollen wijzigen: Pieter Jansen' }).click();
    const editor = admin.locator('.user-editor');
    await editor.getByLabel('Behandelaar').check();
    await editor.getByRole('button', { name: 'Rollen opslaan' }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: 'De rollen van Pieter Jansen zijn gewijzigd.' })
      .waitFor();
    await expect.poll(() => row.locator('.role-list').textContent()).toContain('Behandelaar');

    await row.getByRole('button', { name: 'Uitschakelen: Pieter Jansen' }).click();
    await expectNoAxeViolations(admin);
    await screenshot(admin, '09-users-disable');
    await admin.getByRole('button', { name: 'Ja, uitschakelen' }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: 'Pieter Jansen is uitgeschakeld; alle sessies zijn beëindigd.' })
      .waitFor();
    await expect.poll(() => row.textContent()).toContain('Uitgeschakeld');

    await employee.reload();
    await employee.getByLabel('Organisatie').waitFor();
    await employeeContext.close();
    expect(pageErrors).toEqual([]);
  });
});
