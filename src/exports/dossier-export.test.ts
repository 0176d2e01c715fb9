import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { buildApp } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { withTenant } from '../db/tenant.ts';
import { sha256Hex } from '../domain/event-chain.ts';
import type { DossierManifest } from '../domain/exports/dossier-manifest.ts';
import { addAttachment, addNote } from '../dossier/dossier.service.ts';
import { pdfPageCount, pdfToText, writeFirstPagePng } from '../letters/render/pdf-tools.ts';
import { takeStep } from '../procedure/procedure.service.ts';
import { deriveSecrets } from '../secrets.ts';
import { verifyExportZip } from './verify-export.ts';

function pdfRawText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'kw-index-'));
  try {
    writeFileSync(join(dir, 'index.pdf'), pdf);
    return spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', join(dir, 'index.pdf'), '-'], {
      encoding: 'utf8',
    }).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const secrets = deriveSecrets(Buffer.alloc(32, 13));
// A 1×1 PNG: real image bytes, so the media type is read from the content.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ffa65f8d0000000049454e44ae426082',
  'hex',
);

describe.each(databaseKinds())('dossier export on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TestOrganisation;
  let other: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    other = await createTestOrganisation(database.handle.db, clock);
    await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .updateTable('organisations')
        .set({
          name: 'Assurantiekantoor Brouwer & Zoën',
          email: 'klachten@brouwer-zoen.nl',
          phone: '020-123 45 67',
          street: 'Keizersgracht 1',
          postal_code: '1015 AA',
          city: 'Amsterdam',
          kifid_affiliation_number: '300.012345',
        })
        .where('id', '=', org.id)
        .execute(),
    );
    app = await buildApp({
      db: database.handle.db,
      clock,
      secrets,
      config: { logLevel: 'silent', maxAttachmentBytes: 1024 * 1024, maxJsonBodyBytes: 64 * 1024 },
      readiness: async () => [],
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const exportAs = (token: string, complaintId: string) =>
    app.inject({
      method: 'GET',
      url: `/api/v1/complaints/${complaintId}/export`,
      headers: { authorization: `Bearer ${token}` },
    });

  async function dossierWithEverything() {
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      {
        receivedAt: clock.now(),
        handlerId: org.handler.id,
        complainant: { name: 'Ëlla van Dijk-Noël', email: 'ella@example.nl' },
        description: 'De schade-expert is na drie weken nog niet langs geweest voor mijn waterschade.',
        attachments: [{ fileName: 'foto waterschade.png', content: PNG }],
      },
      clock,
    );
    clock.advance(60 * 60 * 1000);
    await takeStep(
      { db: database.handle.db, clock, letters: { secrets } },
      org.handler.context,
      complaint.id,
      { action: 'acknowledge', letterFields: { complaintSummary: 'u bent ontevreden over de expert.' } },
    );
    clock.advance(60 * 60 * 1000);
    const deps = { db: database.handle.db, clock, maxAttachmentBytes: 1024 * 1024 };
    await addNote(deps, org.handler.context, complaint.id, {
      title: 'Telefoongesprek met de expert',
      text: 'Expert belt morgen terug.\nAfspraak staat voor donderdag.',
    });
    clock.advance(60 * 60 * 1000);
    await addAttachment(deps, org.handler.context, complaint.id, {
      fileName: 'rapport-expert.txt',
      content: Buffer.from('=HYPERLINK("http://x") rapport van de expert\r\n', 'utf8'),
      title: 'Rapport van de expert',
    });
    clock.advance(60 * 60 * 1000);
    await addNote(deps, org.coordinator.context, complaint.id, { text: 'Dossier bekeken.' });
    return complaint;
  }

  it('puts every item, document and event in one ZIP whose sums, index and chain head check out', async () => {
    const complaint = await dossierWithEverything();
    const response = await exportAs(org.auditor.token, complaint.id);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toContain(`dossier-${complaint.reference}.zip`);

    const zip = new Uint8Array(response.rawPayload);
    const entries = unzipSync(zip);
    const folder = `${complaint.reference}/`;
    const manifest = JSON.parse(
      Buffer.from(entries[`${folder}manifest.json`]!).toString('utf8'),
    ) as DossierManifest;

    // Every file but manifest.json is listed, and every listed sum is the sum of the bytes in the ZIP.
    const names = Object.keys(entries).map((name) => name.slice(folder.length));
    expect(names.toSorted()).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].toSorted());
    for (const file of manifest.files) {
      const bytes = entries[folder + file.path]!;
      expect(sha256Hex(bytes), file.path).toBe(file.sha256);
      expect(bytes.length).toBe(file.sizeBytes);
    }

    // Documents are the stored bytes: the same digests as in the database, the PNG byte for byte.
    const stored = await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('documents')
        .select(['id', 'sha256', 'file_name'])
        .where('organisation_id', '=', org.id)
        .where('complaint_id', '=', complaint.id)
        .execute(),
    );
    expect(stored).toHaveLength(3); // photo, acknowledgment letter, expert's report
    for (const document of stored) {
      const listed = manifest.files.find((f) => f.documentId === document.id);
      expect(listed?.sha256, document.file_name).toBe(document.sha256);
    }
    const photo = manifest.files.find((f) => f.path.endsWith('foto waterschade.png'))!;
    expect(Buffer.from(entries[folder + photo.path]!).equals(PNG)).toBe(true);
    const note = manifest.files.find((f) => f.role === 'text' && f.path.includes('telefoongesprek'))!;
    expect(Buffer.from(entries[folder + note.path]!).toString('utf8')).toBe(
      'Expert belt morgen terug.\nAfspraak staat voor donderdag.',
    );

    // The chain head is the complaint's, and the events in the ZIP chain up to it.
    const head = await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('complaints')
        .select(['last_event_sequence', 'last_event_hash'])
        .where('organisation_id', '=', org.id)
        .where('id', '=', complaint.id)
        .executeTakeFirstOrThrow(),
    );
    expect(manifest.chainHead).toEqual({ sequence: head.last_event_sequence, hash: head.last_event_hash });
    expect(head.last_event_sequence).toBeGreaterThanOrEqual(6);
    const report = verifyExportZip(zip);
    expect(report).toMatchObject({ ok: true, problems: [], eventsChecked: head.last_event_sequence });

    // The index lists every item and event with date, kind, title and file name.
    const index = Buffer.from(entries[`${folder}00-inhoudsopgave.pdf`]!);
    writeFirstPagePng(index, `test-artifacts/exports/dossier-index-${kind}.png`, 60);
    const flat = pdfToText(index).replace(/\s+/g, ' ');
    // Table cells wrap; in reading order (-raw) each cell's lines stay together.
    const raw = pdfRawText(index)
      .replace(/\s+/g, ' ')
      .replace(/([-/]) /g, '$1');
    expect(flat).toContain(`Dossier ${complaint.reference}`);
    expect(flat).toContain('Ëlla van Dijk-Noël');
    expect(flat).toContain(head.last_event_hash!);
    expect(flat).toContain('23-11-2026 10:00:00'); // receipt, Amsterdam time
    for (const title of [
      'Telefoongesprek met de expert',
      'Rapport van de expert',
      'Notitie',
      'Klacht geregistreerd',
    ]) {
      expect(raw).toContain(title);
    }
    for (const file of manifest.files.filter((f) => f.role === 'document' || f.role === 'text')) {
      if (file.path.startsWith('teksten/000-')) continue;
      expect(raw, file.path).toContain(file.path);
    }
    expect(flat).toContain(`Pagina 1 van ${pdfPageCount(index)}`);

    // The export is on record: who, which complaint, the chain head and the manifest's digest.
    const records = await withTenant(database.handle.db, org.id, (tx) =>
      tx.selectFrom('export_records').selectAll().where('complaint_id', '=', complaint.id).execute(),
    );
    expect(records).toEqual([
      expect.objectContaining({
        kind: 'dossier',
        user_id: org.auditor.id,
        chain_sequence: head.last_event_sequence,
        chain_hash: head.last_event_hash,
        sha256: sha256Hex(entries[`${folder}manifest.json`]!),
      }),
    ]);
    const reads = await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('dossier_reads')
        .select(['user_id', 'what'])
        .where('complaint_id', '=', complaint.id)
        .where('what', '=', 'export')
        .execute(),
    );
    expect(reads).toEqual([{ user_id: org.auditor.id, what: 'export' }]);
  });

  it('names the file that was changed, removed or added after the export', async () => {
    const complaint = await dossierWithEverything();
    const zip = new Uint8Array((await exportAs(org.coordinator.token, complaint.id)).rawPayload);
    const entries = unzipSync(zip);
    const folder = `${complaint.reference}/`;
    const report = Object.keys(entries).find((name) => name.endsWith('rapport-expert.txt'))!;

    const tampered = { ...entries, [report]: Buffer.from('een ander rapport\r\n') };
    const changed = verifyExportZip(zipSync(tampered));
    expect(changed.ok).toBe(false);
    expect(changed.problems[0]).toMatchObject({ kind: 'sha256_mismatch', path: report.slice(folder.length) });

    const { [report]: _removed, ...without } = entries;
    expect(verifyExportZip(zipSync(without)).problems[0]).toMatchObject({
      kind: 'file_missing',
      path: report.slice(folder.length),
    });
    const added = verifyExportZip(
      zipSync({ ...entries, [`${folder}documenten/999-extra.txt`]: Buffer.from('x') }),
    );
    expect(added.problems[0]).toMatchObject({ kind: 'file_unlisted', path: 'documenten/999-extra.txt' });

    // A document dropped from both the ZIP and the manifest is still missed: the chain names it.
    const manifest = JSON.parse(
      Buffer.from(entries[`${folder}manifest.json`]!).toString('utf8'),
    ) as DossierManifest;
    const trimmed = { ...manifest, files: manifest.files.filter((f) => !report.endsWith(f.path)) };
    const dropped = verifyExportZip(
      zipSync({ ...without, [`${folder}manifest.json`]: Buffer.from(JSON.stringify(trimmed)) }),
    );
    expect(dropped.problems.map((p) => p.kind)).toEqual(['document_not_in_export']);

    if (kind !== 'pglite') return;
    // The command line, as an auditor would run it on the file they received.
    const dir = mkdtempSync(join(tmpdir(), 'kw-export-'));
    try {
      writeFileSync(join(dir, 'good.zip'), zip);
      writeFileSync(join(dir, 'bad.zip'), zipSync(tampered));
      const run = (file: string) =>
        spawnSync(process.execPath, ['src/cli.ts', 'verify-export', join(dir, file)], { encoding: 'utf8' });
      const good = run('good.zip');
      expect(good.stdout).toContain(`OK: ${complaint.reference}`);
      expect(good.status).toBe(0);
      const bad = run('bad.zip');
      expect(bad.status).toBe(1);
      expect(bad.stdout).toContain(`First: ${report.slice(folder.length)}`);

      // Without our software: manifest.txt is a sha256sum check list.
      for (const [name, bytes] of Object.entries(entries)) {
        mkdirSync(dirname(join(dir, 'x', name)), { recursive: true });
        writeFileSync(join(dir, 'x', name), bytes);
      }
      const sums = spawnSync('sha256sum', ['-c', 'manifest.txt'], {
        cwd: join(dir, 'x', folder),
        encoding: 'utf8',
      });
      expect(sums.status, sums.stderr).toBe(0);
      expect(sums.stdout).toContain(`${report.slice(folder.length)}: OK`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('carries the confirmation a cancellation request kept before it was linked to the complaint', async () => {
    const call = (method: 'GET' | 'POST', url: string, payload: object) =>
      app.inject({ method, url, headers: { authorization: `Bearer ${org.handler.token}` }, payload });
    // The cancellation arrives and is confirmed first: its letter is filed with the request (0008).
    const registered = await call('POST', '/api/v1/cancellations', {
      channel: 'email',
      receivedAt: '2026-11-20T15:12:00Z',
      customerName: 'Ëlla van Dijk-Noël',
      customerEmail: 'ella@example.nl',
      policies: 'Opstalverzekering, polis 55667788',
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const cancellation = registered.json<{ id: string; reference: string }>();
    clock.advance(60 * 60 * 1000);
    const confirmed = await call('POST', `/api/v1/cancellations/${cancellation.id}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const [kept] = await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('documents')
        .select(['id', 'sha256', 'complaint_id'])
        .where('organisation_id', '=', org.id)
        .where('cancellation_request_id', '=', cancellation.id)
        .execute(),
    );
    expect(kept).toMatchObject({ complaint_id: null });

    // Later it turns out to belong with a complaint.
    clock.advance(60 * 60 * 1000);
    const complaint = await dossierWithEverything();
    const linked = await call('POST', `/api/v1/cancellations/${cancellation.id}/link`, {
      complaintId: complaint.id,
    });
    expect(linked.statusCode, linked.body).toBe(200);

    const zip = new Uint8Array((await exportAs(org.coordinator.token, complaint.id)).rawPayload);
    const entries = unzipSync(zip);
    const folder = `${complaint.reference}/`;
    const manifest = JSON.parse(
      Buffer.from(entries[`${folder}manifest.json`]!).toString('utf8'),
    ) as DossierManifest;
    const file = manifest.files.find((f) => f.documentId === kept!.id);
    expect(file).toMatchObject({
      role: 'document',
      cancellationRequestId: cancellation.id,
      sha256: kept!.sha256,
    });
    expect(sha256Hex(entries[folder + file!.path]!)).toBe(kept!.sha256);
    expect(manifest.cancellationRequests).toEqual([
      { id: cancellation.id, reference: cancellation.reference, documentIds: [kept!.id] },
    ]);
    // The summary lists it too, so sha256sum -c covers it.
    expect(Buffer.from(entries[`${folder}manifest.txt`]!).toString('utf8')).toContain(
      `${kept!.sha256}  ${file!.path}`,
    );
    // The index names the request and the file, in its place in time (before the complaint).
    const index = Buffer.from(entries[`${folder}00-inhoudsopgave.pdf`]!);
    writeFirstPagePng(index, `test-artifacts/exports/dossier-index-cancellation-${kind}.png`, 60);
    const raw = pdfRawText(index)
      .replace(/\s+/g, ' ')
      .replace(/([-/]) /g, '$1');
    expect(raw).toContain('Opzegging (vóór koppeling)');
    expect(raw).toContain(cancellation.reference);
    expect(raw).toContain(file!.path);
    expect(file!.path).toMatch(/^documenten\/001-/);

    expect(verifyExportZip(zip)).toMatchObject({ ok: true, problems: [] });
    // Dropped from both the ZIP and the file list, it is still missed: the manifest names it.
    const { [folder + file!.path]: _dropped, ...without } = entries;
    const trimmed = { ...manifest, files: manifest.files.filter((f) => f.documentId !== kept!.id) };
    const report = verifyExportZip(
      zipSync({ ...without, [`${folder}manifest.json`]: Buffer.from(JSON.stringify(trimmed)) }),
    );
    expect(report.problems.map((p) => p.kind)).toEqual(['document_not_in_export']);

    if (kind !== 'pglite') return;
    const dir = mkdtempSync(join(tmpdir(), 'kw-export-'));
    try {
      writeFileSync(join(dir, 'linked.zip'), zip);
      const run = spawnSync(process.execPath, ['src/cli.ts', 'verify-export', join(dir, 'linked.zip')], {
        encoding: 'utf8',
      });
      expect(run.stdout).toContain(`OK: ${complaint.reference}`);
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lets the assigned handler export, and nobody else outside coordinator and auditor', async () => {
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      { handlerId: org.handler.id },
      clock,
    );
    const unassigned = await createTestComplaint(database.handle.db, org, {}, clock);
    expect((await exportAs(org.handler.token, complaint.id)).statusCode).toBe(200);
    expect((await exportAs(org.handler.token, unassigned.id)).statusCode).toBe(404);
    expect((await exportAs(org.employee.token, complaint.id)).statusCode).toBe(403);
    expect((await exportAs(org.admin.token, complaint.id)).statusCode).toBe(200); // admin here is also coordinator
    const foreign = await exportAs(other.coordinator.token, complaint.id);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    const bad = await exportAs(org.coordinator.token, 'niet-een-id');
    expect(bad.statusCode).toBe(400);
  });
});
