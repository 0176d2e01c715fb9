import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganisation, type TestOrganisation } from '../../test/support/factories.ts';
import {
  challengeOf,
  decodeEntities,
  EXE_BYTES,
  getPage,
  inputValue,
  PDF_BYTES,
  postForm,
  solvePow,
  type RequestOptions,
  type UploadFile,
} from '../../test/support/public-form-client.ts';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { buildApp, type AppDeps } from '../app.ts';
import { fixedClock } from '../clock.ts';

const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
let database: TestDatabase;
let app: FastifyInstance;
let org: TestOrganisation;
let addressCounter = 0;

/** Every test comes from its own address and e-mail, so the rate limits of one do not touch another. */
function newClient(): { remoteAddress: string; email: string } {
  addressCounter++;
  return { remoteAddress: `192.0.2.${addressCounter}`, email: `klager${addressCounter}@example.nl` };
}

async function build(config: Partial<AppDeps['config']> = {}): Promise<FastifyInstance> {
  return buildApp({
    db: database.handle.db,
    clock,
    config: {
      logLevel: 'silent',
      maxAttachmentBytes: 25 * 1024 * 1024,
      maxJsonBodyBytes: 64 * 1024,
      ...config,
    },
    readiness: async () => [{ name: 'database', ok: true }],
  });
}

function typed(email: string): Record<string, string> {
  return {
    name: 'Anna de Boer',
    email,
    phone: '06-12345678',
    street: 'Kerkstraat 12',
    postalCode: '1234 AB',
    city: 'Zwolle',
    product: 'Inboedelverzekering polis 4455',
    description: 'Mijn schademelding van 3 oktober is nooit beantwoord.\nIk heb twee keer gebeld.',
    desiredOutcome: 'Een beslissing over mijn schade binnen twee weken.',
    consent: 'yes',
  };
}

interface Started {
  formToken: string;
  altcha: string;
}

async function startForm(
  options: RequestOptions & { pow?: boolean; slug?: string; wait?: boolean } = {},
): Promise<Started> {
  const page = await getPage(app, `/klacht/${options.slug ?? org.slug}`, options);
  expect(page.statusCode).toBe(200);
  const formToken = inputValue(page.body, 'formToken');
  if (!formToken) throw new Error('no form token');
  const altcha = options.pow === false ? '' : await solvePow(challengeOf(page.body));
  if (options.wait !== false) clock.advance(10_000);
  return { formToken, altcha };
}

async function review(
  started: Started,
  fields: Record<string, string | readonly string[]>,
  files: readonly UploadFile[] = [],
  options: RequestOptions = {},
) {
  return postForm(
    app,
    `/klacht/${org.slug}/controleren`,
    { formToken: started.formToken, altcha: started.altcha, website: '', ...fields },
    files,
    options,
  );
}

async function send(started: Started, options: RequestOptions = {}, action = 'send') {
  return postForm(
    app,
    `/klacht/${org.slug}/versturen`,
    { formToken: started.formToken, action },
    [],
    options,
  );
}

async function complaintCount(organisationId = org.id): Promise<number> {
  const row = await database.handle.db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Files the whole way: form, review, send; returns the confirmation's Location. */
async function fileComplaint(
  client: { remoteAddress: string; email: string },
  options: { pow?: boolean; files?: UploadFile[]; headers?: Record<string, string> } = {},
): Promise<{ status: number; location: string | undefined; started: Started }> {
  const request = {
    remoteAddress: client.remoteAddress,
    ...(options.headers ? { headers: options.headers } : {}),
  };
  const started = await startForm({ ...request, pow: options.pow ?? true });
  const checked = await review(started, typed(client.email), options.files ?? [], request);
  if (checked.statusCode !== 200) return { status: checked.statusCode, location: undefined, started };
  const sent = await send(started, request);
  return { status: sent.statusCode, location: sent.headers['location'], started };
}

beforeAll(async () => {
  database = await openTestDatabase('pglite');
  org = await createTestOrganisation(database.handle.db, clock);
  app = await build();
});

afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the form page', () => {
  it('is Dutch, accessible by markup, embeddable and free of inline script or style', async () => {
    const page = await getPage(app, `/klacht/${org.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain('frame-ancestors *');
    expect(page.headers['x-frame-options']).toBeUndefined();
    const html = page.body;
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<h1>Klacht indienen</h1>');
    expect(html).toContain('method="post"');
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/\son[a-z]+=/);
    // Every visible control has a label.
    const ids = [...html.matchAll(/<(?:input|textarea)[^>]*\bid="([^"]+)"/g)].map((m) => m[1]!);
    for (const id of ids) expect(html).toContain(`for="${id}"`);
    for (const token of ['name', 'email', 'tel', 'street-address', 'postal-code', 'address-level2']) {
      expect(html).toContain(`autocomplete="${token}"`);
    }
    expect(html).toMatch(
      /<div class="extra-field" aria-hidden="true">[\s\S]*tabindex="-1" autocomplete="off"/,
    );
    expect(html).toContain(
      'Ik geef toestemming om mijn gegevens te gebruiken voor de behandeling van mijn klacht.',
    );
    expect(html).toContain(`href="/klacht/${org.slug}?lang=en"`);
  });

  it('serves its style sheet and script with a long cache, and 404s an unknown asset', async () => {
    const page = await getPage(app, `/klacht/${org.slug}`);
    for (const match of page.body.matchAll(/(?:href|src|data-pow-worker)="(\/klacht\/_static\/[^"]+)"/g)) {
      const asset = await getPage(app, match[1]!);
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    expect((await getPage(app, '/klacht/_static/altcha.js')).statusCode).toBe(404);
  });

  it('answers an unknown organisation with a Dutch 404 page', async () => {
    for (const url of ['/klacht/bestaat-niet', '/klacht/NIET_GELDIG', '/klacht/demo/iets/anders']) {
      const page = await getPage(app, url);
      expect(page.statusCode).toBe(404);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body).toContain('Pagina niet gevonden');
    }
  });

  it('speaks English on ?lang=en or an English browser, and keeps the choice in its actions', async () => {
    const chosen = await getPage(app, `/klacht/${org.slug}?lang=en`);
    expect(chosen.body).toContain('<html lang="en">');
    expect(chosen.body).toContain('<h1>Submit a complaint</h1>');
    expect(chosen.body).toContain(`action="/klacht/${org.slug}/controleren?lang=en"`);
    expect(chosen.body).toContain(`href="/klacht/${org.slug}?lang=nl"`);

    const negotiated = await getPage(app, `/klacht/${org.slug}`, {
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(negotiated.body).toContain('<html lang="en">');
    const dutchFirst = await getPage(app, `/klacht/${org.slug}`, {
      headers: { 'accept-language': 'de-DE, nl;q=0.9, en;q=0.8' },
    });
    expect(dutchFirst.body).toContain('<html lang="nl">');

    const client = newClient();
    const started = await startForm({ remoteAddress: client.remoteAddress });
    const checked = await postForm(
      app,
      `/klacht/${org.slug}/controleren?lang=en`,
      {
        formToken: started.formToken,
        altcha: started.altcha,
        ...typed(''),
        email: '',
        phone: '',
        street: '',
      },
      [],
      { remoteAddress: client.remoteAddress },
    );
    expect(checked.statusCode).toBe(400);
    expect(checked.body).toContain('There is a problem');
    expect(checked.body).toContain('Enter an e-mail address, phone number or full address');
  });
});

describe('filing a complaint', () => {
  it('goes form → review → send → confirmation and stores the complaint with its PDF', async () => {
    const client = newClient();
    const before = await complaintCount();
    const started = await startForm({ remoteAddress: client.remoteAddress });
    const checked = await review(started, typed(client.email), [
      { fileName: 'schadebrief oktober.pdf', content: PDF_BYTES, contentType: 'application/pdf' },
    ]);
    expect(checked.statusCode).toBe(200);
    expect(checked.body).toContain('Controleer uw klacht');
    expect(checked.body).toContain('Anna de Boer');
    expect(checked.body).toContain('schadebrief oktober.pdf');
    expect(checked.body).toContain('value="send"');
    expect(checked.body).toContain('value="edit"');
    expect(await complaintCount()).toBe(before);

    clock.advance(5_000);
    const sentAt = clock.now();
    const sent = await send(started, { remoteAddress: client.remoteAddress });
    expect(sent.statusCode).toBe(303);
    const location = String(sent.headers['location']);
    expect(location).toMatch(new RegExp(`^/klacht/${org.slug}/ontvangen\\?t=`));

    const confirmation = await getPage(app, location);
    expect(confirmation.statusCode).toBe(200);
    const reference = /KL-2026-\d{4}/.exec(confirmation.body)?.[0];
    expect(reference).toBeDefined();
    expect(confirmation.body).toContain('Binnen 3 werkdagen');
    expect(confirmation.body).not.toContain('Anna de Boer');
    expect(confirmation.body).not.toContain(client.email);

    const db = database.handle.db;
    const complaint = await db
      .selectFrom('complaints')
      .innerJoin('complainants', (join) =>
        join
          .onRef('complainants.organisation_id', '=', 'complaints.organisation_id')
          .onRef('complainants.id', '=', 'complaints.complainant_id'),
      )
      .select([
        'complaints.id',
        'complaints.channel',
        'complaints.received_at',
        'complaints.description',
        'complaints.product',
        'complainants.name',
        'complainants.email',
        'complainants.postal_code',
      ])
      .where('complaints.organisation_id', '=', org.id)
      .where('complaints.reference', '=', reference!)
      .executeTakeFirstOrThrow();
    expect(complaint).toMatchObject({
      channel: 'web_form',
      name: 'Anna de Boer',
      email: client.email,
      postal_code: '1234 AB',
      product: 'Inboedelverzekering polis 4455',
      description: 'Mijn schademelding van 3 oktober is nooit beantwoord.\nIk heb twee keer gebeld.',
    });
    expect(new Date(complaint.received_at).toISOString()).toBe(sentAt.toISOString());
    const documents = await db
      .selectFrom('documents')
      .select(['file_name', 'media_type', 'content'])
      .where('organisation_id', '=', org.id)
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({
      file_name: 'schadebrief oktober.pdf',
      media_type: 'application/pdf',
    });
    expect(Buffer.from(documents[0]!.content!).equals(PDF_BYTES)).toBe(true);
    const event = await db
      .selectFrom('dossier_events')
      .select(['actor_kind', 'type'])
      .where('organisation_id', '=', org.id)
      .where('complaint_id', '=', complaint.id)
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ actor_kind: 'complainant', type: 'complaint.registered' });
  });

  it('keeps files and text over Wijzigen, and lets a kept file be removed', async () => {
    const client = newClient();
    const started = await startForm({ remoteAddress: client.remoteAddress });
    const options = { remoteAddress: client.remoteAddress };
    const files = [
      { fileName: 'polis.pdf', content: PDF_BYTES },
      { fileName: 'foto.png', content: Buffer.from('\x89PNG\r\n\x1a\n0000', 'latin1') },
    ];
    expect((await review(started, typed(client.email), files, options)).statusCode).toBe(200);
    const edit = await send(started, options, 'edit');
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('<h1>Klacht indienen</h1>');
    expect(inputValue(edit.body, 'name')).toBe('Anna de Boer');
    expect(edit.body).toContain('polis.pdf');
    const pngId =
      /id="remove-([0-9a-f]+)"[^>]*>\s*<label[^>]*>Verwijderen<span class="visually-hidden"> foto\.png/.exec(
        edit.body,
      )?.[1];
    expect(pngId).toBeDefined();
    const again = await review(
      started,
      { ...typed(client.email), name: 'Anna de Boer-Smit', remove: pngId! },
      [],
      options,
    );
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('Anna de Boer-Smit');
    expect(again.body).toContain('polis.pdf');
    expect(again.body).not.toContain('foto.png');
    const sent = await send(started, options);
    expect(sent.statusCode).toBe(303);
    const reference = /KL-\d{4}-\d+/.exec((await getPage(app, String(sent.headers['location']))).body)?.[0];
    const stored = await database.handle.db
      .selectFrom('documents')
      .innerJoin('complaints', (join) =>
        join
          .onRef('complaints.organisation_id', '=', 'documents.organisation_id')
          .onRef('complaints.id', '=', 'documents.complaint_id'),
      )
      .select('documents.file_name')
      .where('complaints.reference', '=', reference!)
      .where('documents.organisation_id', '=', org.id)
      .execute();
    expect(stored.map((d) => d.file_name)).toEqual(['polis.pdf']);
  });

  it('accepts a form sent without JavaScript (no proof-of-work) under a stricter limit', async () => {
    const client = newClient();
    const first = await fileComplaint({ ...client, email: `a-${client.email}` }, { pow: false });
    expect(first.status).toBe(303);
    const second = await fileComplaint({ ...client, email: `b-${client.email}` }, { pow: false });
    expect(second.status).toBe(303);
    const third = await fileComplaint({ ...client, email: `c-${client.email}` }, { pow: false });
    expect(third.status).toBe(429);
    // With the proof-of-work the ordinary limit still has room.
    const withPow = await fileComplaint({ ...client, email: `d-${client.email}` }, { pow: true });
    expect(withPow.status).toBe(303);
  });

  it('creates one complaint for a double submit and shows the same confirmation', async () => {
    const client = newClient();
    const before = await complaintCount();
    const started = await startForm({ remoteAddress: client.remoteAddress });
    const options = { remoteAddress: client.remoteAddress };
    expect((await review(started, typed(client.email), [], options)).statusCode).toBe(200);
    const [a, b] = await Promise.all([send(started, options), send(started, options)]);
    expect(a.statusCode).toBe(303);
    expect(b.statusCode).toBe(303);
    const referenceOf = async (location: unknown) =>
      /KL-\d{4}-\d+/.exec((await getPage(app, String(location))).body)?.[0];
    const reference = await referenceOf(a.headers['location']);
    expect(reference).toBeDefined();
    expect(await referenceOf(b.headers['location'])).toBe(reference);
    // Later: back button and Versturen again, or the review step replayed with other text.
    const later = await send(started, options);
    expect(await referenceOf(later.headers['location'])).toBe(reference);
    const replayed = await review(
      started,
      { ...typed(client.email), description: 'Iets heel anders.' },
      [],
      options,
    );
    expect(replayed.statusCode).toBe(303);
    expect(await referenceOf(replayed.headers['location'])).toBe(reference);
    expect(await complaintCount()).toBe(before + 1);
  });

  it('shows the form again with what was typed when the draft is gone', async () => {
    const client = newClient();
    const started = await startForm({ remoteAddress: client.remoteAddress });
    const options = { remoteAddress: client.remoteAddress };
    expect((await review(started, typed(client.email), [], options)).statusCode).toBe(200);
    clock.advance(31 * 60 * 1000);
    const before = await complaintCount();
    const sent = await postForm(
      app,
      `/klacht/${org.slug}/versturen`,
      { formToken: started.formToken, action: 'send', ...typed(client.email) },
      [],
      options,
    );
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('Uw klacht is nog niet verstuurd');
    expect(inputValue(sent.body, 'email')).toBe(client.email);
    expect(sent.body).toContain('Ik heb twee keer gebeld.');
    expect(await complaintCount()).toBe(before);
  });
});

describe('field errors', () => {
  const cases: Array<{ name: string; change: Record<string, string>; field: string; message: string }> = [
    { name: 'missing name', change: { name: '  ' }, field: 'name', message: 'Vul uw naam in.' },
    {
      name: 'no way to reach',
      change: { email: '', phone: '', city: '' },
      field: 'email',
      message: 'Vul een e-mailadres, telefoonnummer of volledig adres in',
    },
    {
      name: 'invalid e-mail',
      change: { email: 'anna@' },
      field: 'email',
      message: 'Vul een geldig e-mailadres in',
    },
    {
      name: 'invalid phone',
      change: { phone: 'bel me' },
      field: 'phone',
      message: 'Vul een geldig telefoonnummer in',
    },
    {
      name: 'missing description',
      change: { description: '' },
      field: 'description',
      message: 'Beschrijf wat er is gebeurd.',
    },
    { name: 'no consent', change: { consent: '' }, field: 'consent', message: 'Geef toestemming' },
    {
      name: 'description too long',
      change: { description: 'x'.repeat(20_001) },
      field: 'description',
      message: 'Gebruik ten hoogste 20.000 tekens.',
    },
  ];

  it.each(cases)(
    '$name: the error is at the field and everything typed comes back',
    async ({ change, field, message }) => {
      const client = newClient();
      const values = { ...typed(client.email), ...change };
      const started = await startForm({ remoteAddress: client.remoteAddress });
      const page = await review(started, values, [], { remoteAddress: client.remoteAddress });
      expect(page.statusCode).toBe(400);
      const html = page.body;
      expect(html).toContain('<title>Fout: Klacht indienen');
      expect(html).toMatch(/<div class="error-summary" role="alert"[^>]*>/);
      expect(html).toContain(`<a href="#${field}">${message}`);
      expect(html).toMatch(new RegExp(`<p class="field__error" id="${field}-error">`));
      expect(html).toMatch(
        new RegExp(`id="${field}"[^>]*aria-invalid="true"[^>]*aria-describedby="[^"]*${field}-error`),
      );
      // Everything comes back as typed, the wrong value included.
      const textarea = (name: string) =>
        decodeEntities(
          new RegExp(`<textarea[^>]*name="${name}"[^>]*>\\n([\\s\\S]*?)</textarea>`).exec(html)?.[1] ?? '',
        );
      const shown = {
        ...Object.fromEntries(
          ['name', 'email', 'phone', 'street', 'postalCode', 'city', 'product'].map((name) => [
            name,
            inputValue(html, name),
          ]),
        ),
        description: textarea('description'),
        desiredOutcome: textarea('desiredOutcome'),
        consent: html.includes('name="consent" value="yes" required checked') ? 'yes' : '',
      };
      expect(shown).toEqual(values);
    },
  );

  it('refuses a program named .pdf and cleans a path-like file name, keeping the rest', async () => {
    const client = newClient();
    const before = await complaintCount();
    const started = await startForm({ remoteAddress: client.remoteAddress });
    const page = await review(
      started,
      typed(client.email),
      [
        { fileName: 'factuur.pdf', content: EXE_BYTES, contentType: 'application/pdf' },
        { fileName: '../../etc/passwd', content: Buffer.from('root:x:0:0:root:/root:/bin/bash\n') },
        { fileName: 'goed.pdf', content: PDF_BYTES },
      ],
      { remoteAddress: client.remoteAddress },
    );
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Het bestand &quot;factuur.pdf&quot; nemen wij niet aan.');
    expect(page.body).toContain('Het bestand &quot;passwd&quot; nemen wij niet aan.');
    expect(page.body).not.toContain('../');
    expect(page.body).not.toContain('etc/passwd');
    expect(page.body).toMatch(/kept-files__name">goed\.pdf</);
    expect(inputValue(page.body, 'name')).toBe('Anna de Boer');
    expect(await complaintCount()).toBe(before);
  });

  it('cuts off a 50 MB file at the per-file limit with a clear error and loses nothing typed', async () => {
    const client = newClient();
    const started = await startForm({ remoteAddress: client.remoteAddress });
    const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
    PDF_BYTES.copy(big);
    const page = await review(started, typed(client.email), [{ fileName: 'scan.pdf', content: big }], {
      remoteAddress: client.remoteAddress,
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Het bestand &quot;scan.pdf&quot; is groter dan 25 MB.');
    expect(inputValue(page.body, 'city')).toBe('Zwolle');
    expect(page.body).toContain('name="consent" value="yes" required checked');
  });

  it('refuses files that are too large together, and a request far over the limit at once', async () => {
    const client = newClient();
    const started = await startForm({ remoteAddress: client.remoteAddress });
    const part = Buffer.alloc(20 * 1024 * 1024, 0x20);
    PDF_BYTES.copy(part);
    const together = await review(
      started,
      typed(client.email),
      [1, 2, 3].map((n) => ({ fileName: `deel-${n}.pdf`, content: part })),
      { remoteAddress: client.remoteAddress },
    );
    expect(together.statusCode).toBe(400);
    expect(together.body).toContain('De bestanden zijn samen groter dan 50 MB.');
    expect(inputValue(together.body, 'name')).toBe('Anna de Boer');

    const huge = await app.inject({
      method: 'POST',
      url: `/klacht/${org.slug}/controleren`,
      headers: {
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(200 * 1024 * 1024),
      },
      payload: '--x--\r\n',
      remoteAddress: client.remoteAddress,
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain('De bestanden zijn te groot');
  });

  it('escapes markup typed into every field on the review page and the confirmation', async () => {
    const client = newClient();
    const attack = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
    const values: Record<string, string> = { ...typed(client.email) };
    for (const field of [
      'name',
      'street',
      'postalCode',
      'city',
      'product',
      'description',
      'desiredOutcome',
    ]) {
      values[field] = `${field} ${attack}`.slice(0, field === 'postalCode' ? 20 : 200);
    }
    values['postalCode'] = '<b>1"2</b>';
    const options = { remoteAddress: client.remoteAddress };
    const started = await startForm(options);
    const checked = await review(
      started,
      values,
      [{ fileName: '<img src=x onerror=alert(3)>.pdf', content: PDF_BYTES }],
      options,
    );
    expect(checked.statusCode).toBe(200);
    for (const body of [checked.body]) {
      expect(body).not.toContain('<script>alert');
      expect(body).not.toContain('<img src=x');
      expect(body).not.toContain('<b>1');
      expect(body).toContain(
        '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;',
      );
    }
    const edit = await send(started, options, 'edit');
    expect(edit.body).not.toContain('<script>alert');
    expect(edit.body).not.toContain('<img src=x');
    expect((await review(started, values, [], options)).statusCode).toBe(200);
    const sent = await send(started, options);
    expect(sent.statusCode).toBe(303);
    const confirmation = await getPage(app, String(sent.headers['location']));
    expect(confirmation.statusCode).toBe(200);
    expect(confirmation.body).not.toContain('<script>alert');
    expect(confirmation.body).not.toContain('<img src=x');
    expect(confirmation.body).not.toContain('onerror');
  });
});

describe('abuse protection', () => {
  async function expectDropped(response: { statusCode: number; headers: Record<string, unknown> }) {
    expect(response.statusCode).toBe(303);
    const confirmation = await getPage(app, String(response.headers['location']));
    expect(confirmation.statusCode).toBe(200);
    expect(confirmation.body).toContain('Uw klacht is verstuurd');
    expect(confirmation.body).not.toMatch(/KL-\d{4}-\d+/);
  }

  it('drops a submission with the honeypot filled: a normal-looking confirmation, nothing stored', async () => {
    const client = newClient();
    const before = await complaintCount();
    const started = await startForm({ remoteAddress: client.remoteAddress });
    const response = await review(started, { ...typed(client.email), website: 'http://spam.example' });
    await expectDropped(response);
    expect(await complaintCount()).toBe(before);
  });

  it('drops a submission sent faster than a person can fill the form', async () => {
    const client = newClient();
    const before = await complaintCount();
    const started = await startForm({ remoteAddress: client.remoteAddress, wait: false });
    clock.advance(1_000);
    await expectDropped(await review(started, typed(client.email)));
    expect(await complaintCount()).toBe(before);
    // A person pressing Enter early in an unfinished form gets the errors, not a fake confirmation.
    const early = await startForm({ remoteAddress: client.remoteAddress, wait: false });
    const errors = await review(early, { ...typed(client.email), description: '' });
    expect(errors.statusCode).toBe(400);
    expect(errors.body).toContain('Beschrijf wat er is gebeurd.');
  });

  it('drops a forged or missing fill-time signature', async () => {
    const client = newClient();
    const before = await complaintCount();
    const started = await startForm({ remoteAddress: client.remoteAddress });
    const [keyId, payload, mac] = started.formToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { t: number };
    claims.t -= 60 * 60 * 1000;
    const forgedPayload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    for (const formToken of [
      `${keyId}.${forgedPayload}.${mac}`,
      '',
      'garbage',
      `${keyId}.${payload}.${'A'.repeat(43)}`,
    ]) {
      await expectDropped(await review({ ...started, formToken }, typed(client.email)));
      await expectDropped(await send({ ...started, formToken }));
    }
    expect(await complaintCount()).toBe(before);
  });

  it('drops a wrong proof-of-work, and one solved for another form', async () => {
    const client = newClient();
    const before = await complaintCount();
    const started = await startForm({ remoteAddress: client.remoteAddress });
    await expectDropped(
      await review(
        { ...started, altcha: Buffer.from('{"challenge":{}}').toString('base64') },
        typed(client.email),
      ),
    );
    const other = await startForm({ remoteAddress: client.remoteAddress });
    await expectDropped(await review({ ...started, altcha: other.altcha }, typed(client.email)));
    expect(await complaintCount()).toBe(before);
  });

  it('registers a form once when its posts, proof-of-work included, are replayed on another process', async () => {
    const formSecret = 'a-secret-both-processes-share-of-32-characters';
    const a = await build({ formSecret });
    const b = await build({ formSecret });
    try {
      const client = newClient();
      const request = { remoteAddress: client.remoteAddress };
      const page = await getPage(a, `/klacht/${org.slug}`, request);
      const formToken = inputValue(page.body, 'formToken')!;
      const altcha = await solvePow(challengeOf(page.body));
      clock.advance(10_000);
      const before = await complaintCount();
      const fields = { formToken, altcha, website: '', ...typed(client.email) };
      const urls = { review: `/klacht/${org.slug}/controleren`, send: `/klacht/${org.slug}/versturen` };
      const sent: string[] = [];
      for (const process of [a, b]) {
        // The draft is shared: on the second process the replayed review already knows it was sent.
        const reviewed = await postForm(process, urls.review, fields, [], request);
        expect(reviewed.statusCode).toBe(process === a ? 200 : 303);
        const response = await postForm(process, urls.send, { formToken, action: 'send' }, [], request);
        expect(response.statusCode).toBe(303);
        sent.push(String(response.headers['location']));
      }
      expect(await complaintCount()).toBe(before + 1);
      const [first, second] = await Promise.all(
        sent.map((location, i) => getPage(i === 0 ? a : b, location)),
      );
      const reference = /KL-\d{4}-\d{4}/.exec(first!.body)?.[0];
      expect(reference).toBeDefined();
      expect(second!.body).toContain(reference);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('shows a form signed by another process again instead of dropping it', async () => {
    const other = await build({ formSecret: 'another-secret-of-at-least-32-characters!' });
    try {
      const client = newClient();
      const page = await getPage(other, `/klacht/${org.slug}`, { remoteAddress: client.remoteAddress });
      const formToken = inputValue(page.body, 'formToken')!;
      clock.advance(10_000);
      const response = await review({ formToken, altcha: '' }, typed(client.email), [], {
        remoteAddress: client.remoteAddress,
      });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('Uw klacht is nog niet verstuurd');
      expect(inputValue(response.body, 'name')).toBe('Anna de Boer');
      // The new token counts the fill time as done: sending it straight back is no bot.
      const again = await review(
        { formToken: inputValue(response.body, 'formToken')!, altcha: '' },
        typed(client.email),
        [],
        { remoteAddress: client.remoteAddress },
      );
      expect(again.statusCode).toBe(200);
      expect(again.body).toContain('Controleer uw klacht');
    } finally {
      await other.close();
    }
  });

  it('limits complaints per address with a Dutch 429 page and Retry-After', async () => {
    const client = newClient();
    for (let i = 0; i < 5; i++) {
      const filed = await fileComplaint({ ...client, email: `n${i}-${client.email}` });
      expect(filed.status).toBe(303);
    }
    const sixth = await startForm({ remoteAddress: client.remoteAddress });
    const refused = await review(sixth, typed(`n6-${client.email}`), [], {
      remoteAddress: client.remoteAddress,
    });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body).toContain('Even wachten, alstublieft');
    expect(refused.body).toContain('Uw klacht is nog niet verstuurd');
    expect(inputValue(refused.body, 'email')).toBe(`n6-${client.email}`);
    // X-Forwarded-For from a peer that is not a trusted proxy changes nothing.
    const spoofed = await review(sixth, typed(`n7-${client.email}`), [], {
      remoteAddress: client.remoteAddress,
      headers: { 'x-forwarded-for': '203.0.113.99' },
    });
    expect(spoofed.statusCode).toBe(429);
    // Another address is not affected.
    expect((await fileComplaint({ ...newClient(), email: `n8-${client.email}` })).status).toBe(303);
  });

  it('believes X-Forwarded-For only from a trusted proxy', async () => {
    const proxied = await build({ trustedProxies: ['10.0.0.0/8', '2001:db8:ffff::/48'] });
    const previous = app;
    app = proxied;
    try {
      const email = (i: number) => `proxy${i}@example.nl`;
      // Through the proxy, five people behind it each file one complaint: no limit hit.
      for (let i = 0; i < 6; i++) {
        const filed = await fileComplaint(
          { remoteAddress: '10.1.2.3', email: email(i) },
          { headers: { 'x-forwarded-for': `203.0.113.${i + 1}, 10.0.0.7` } },
        );
        expect(filed.status).toBe(303);
      }
      // One person behind the proxy filing six: the sixth is refused although the proxy is the peer.
      for (let i = 0; i < 5; i++) {
        const filed = await fileComplaint(
          { remoteAddress: '10.1.2.3', email: email(10 + i) },
          { headers: { 'x-forwarded-for': '198.51.100.77' } },
        );
        expect(filed.status).toBe(303);
      }
      const sixth = await fileComplaint(
        { remoteAddress: '10.1.2.3', email: email(20) },
        { headers: { 'x-forwarded-for': '198.51.100.77' } },
      );
      expect(sixth.status).toBe(429);
    } finally {
      app = previous;
      await proxied.close();
    }
  });

  it('limits complaints per e-mail address', async () => {
    const email = `zelfde-${newClient().email}`;
    for (let i = 0; i < 3; i++) {
      expect((await fileComplaint({ remoteAddress: newClient().remoteAddress, email })).status).toBe(303);
    }
    const fourth = await fileComplaint({
      remoteAddress: newClient().remoteAddress,
      email: email.toUpperCase(),
    });
    expect(fourth.status).toBe(429);
  });

  it('answers a post that is not a readable form with a Dutch 400 page, not a crash', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/klacht/${org.slug}/controleren`,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nAnna',
      remoteAddress: newClient().remoteAddress,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Het formulier kon niet worden gelezen');
    expect(response.body).toContain(`href="/klacht/${org.slug}"`);
    // A field named __proto__ is refused by the parser rather than touching any object's prototype.
    const prototype = await postForm(
      app,
      `/klacht/${org.slug}/controleren`,
      Object.fromEntries([['__proto__', 'x']]) as Record<string, string>,
      [],
      { remoteAddress: newClient().remoteAddress },
    );
    expect(prototype.statusCode).toBe(400);
  });

  it('redirects a GET of a step address to the form', async () => {
    const page = await getPage(app, `/klacht/${org.slug}/versturen?lang=en`);
    expect(page.statusCode).toBe(303);
    expect(page.headers['location']).toBe(`/klacht/${org.slug}?lang=en`);
  });

  it('shows no reference for a forged or expired confirmation link', async () => {
    const page = await getPage(app, `/klacht/${org.slug}/ontvangen?t=abc.def.ghi`);
    expect(page.statusCode).toBe(404);
    expect(page.body).not.toMatch(/KL-\d{4}-\d+/);
    expect(page.body).toContain('Deze bevestiging is niet meer te zien');
  });
});
