import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { buildApp } from '../app.ts';
import { fixedClock } from '../clock.ts';
import type { ComplaintsTable } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { afmComplaintCode } from '../domain/exports/afm-klachtenuitvraag.ts';
import { deriveSecrets } from '../secrets.ts';

const secrets = deriveSecrets(Buffer.alloc(32, 21));
const HEADER =
  'rapportagejaar;vergunningnummer;klachtcode;datum_ontvangst;ontvangen_in_jaar;status_einde_jaar;' +
  'datum_afgehandeld;afgehandeld_in_jaar;doorlooptijd_dagen;standpunt_binnen_termijn;kanaal;product;' +
  'categorie;oorzaak;uitkomst;kifid';

describe.each(databaseKinds())('AFM klachtenuitvraag on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TestOrganisation;
  let other: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
  const ids: Record<string, string> = {};

  async function complaint(
    owner: TestOrganisation,
    name: string,
    receivedAt: string,
    changes: Partial<Record<keyof ComplaintsTable, unknown>> = {},
  ): Promise<void> {
    const created = await createTestComplaint(
      database.handle.db,
      owner,
      { receivedAt: new Date(receivedAt), product: (changes.product as string) ?? 'Woonhuisverzekering' },
      clock,
    );
    ids[name] = created.id;
    if (Object.keys(changes).length === 0) return;
    await withTenant(database.handle.db, owner.id, (tx) =>
      tx
        .updateTable('complaints')
        .set(changes as never)
        .where('organisation_id', '=', owner.id)
        .where('id', '=', created.id)
        .execute(),
    );
  }

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    other = await createTestOrganisation(database.handle.db, clock);
    await withTenant(database.handle.db, org.id, (tx) =>
      tx.updateTable('organisations').set({ afm_number: '12345678' }).where('id', '=', org.id).execute(),
    );
    // Hand-made: each line below is worked out by hand in the expectations.
    await complaint(org, 'c1', '2024-12-31T23:30:00Z', {
      // 00:30 on 1 January in Amsterdam: a 2025 complaint.
      status: 'closed',
      closed_at: new Date('2025-01-20T10:00:00Z'),
      decision_communicated_at: new Date('2025-01-15T10:00:00Z'),
      decision_due: '2025-02-03',
      outcome: 'gegrond',
      category: 'Schadebehandeling',
      root_cause: 'Communicatie',
    });
    await complaint(org, 'c2', '2025-06-10T08:00:00Z', {
      status: 'closed',
      closed_at: new Date('2026-01-15T09:00:00Z'),
      decision_communicated_at: new Date('2026-01-14T09:00:00Z'),
      decision_due: '2025-07-10',
      outcome: 'ongegrond',
      category: '=cmd|calc',
      root_cause: 'Oorzaak; met puntkomma',
    });
    await complaint(org, 'c3', '2025-12-31T23:30:00Z', { product: '+31 6 1234' });
    await complaint(org, 'c4', '2025-03-01T10:00:00Z', {
      status: 'withdrawn',
      withdrawn_at: new Date('2025-03-05T10:00:00Z'),
      outcome: 'ingetrokken',
    });
    await complaint(org, 'c5', '2025-04-01T10:00:00Z', {
      status: 'reclassified',
      reclassified_at: new Date('2025-04-02T10:00:00Z'),
      reclassified_as: 'question',
    });
    await complaint(org, 'c6', '2024-05-01T10:00:00Z', {
      status: 'closed',
      closed_at: new Date('2024-06-01T10:00:00Z'),
      outcome: 'ongegrond',
    });
    await complaint(org, 'c7', '2024-11-01T10:00:00Z', {
      status: 'closed',
      closed_at: new Date('2025-02-01T10:00:00Z'),
      outcome: 'deels_gegrond',
      category: 'Advies',
      root_cause: 'Uitleg',
    });
    await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .insertInto('kifid_referrals')
        .values({
          organisation_id: org.id,
          complaint_id: ids.c7!,
          case_number: 'GC-2025-0001',
          outcome: null,
          recorded_at: new Date('2025-03-01T10:00:00Z'),
          recorded_by: null,
        })
        .execute(),
    );
    await complaint(other, 'b1', '2025-05-05T10:00:00Z');
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

  const download = (token: string, year: string | number) =>
    app.inject({
      method: 'GET',
      url: `/api/v1/reports/afm-klachtenuitvraag/${year}`,
      headers: { authorization: `Bearer ${token}` },
    });
  const code = (name: string, owner = org) => afmComplaintCode(secrets.afmCodeKey, owner.id, ids[name]!);
  const linesOf = (body: string) =>
    body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');

  it('reports every complaint received, closed or open in the year, as things stood on 31 December', async () => {
    const response = await download(org.coordinator.token, 2025);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('afm-klachtenuitvraag-2025.csv');
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    expect(linesOf(response.body)).toEqual([
      HEADER,
      `2025;12345678;${code('c7')};2024-11-01;nee;afgehandeld;2025-02-01;ja;92;;e-mail;Woonhuisverzekering;Advies;Uitleg;deels gegrond;ja`,
      `2025;12345678;${code('c1')};2025-01-01;ja;afgehandeld;2025-01-20;ja;19;ja;e-mail;Woonhuisverzekering;Schadebehandeling;Communicatie;gegrond;nee`,
      `2025;12345678;${code('c4')};2025-03-01;ja;afgehandeld;2025-03-05;ja;4;;e-mail;Woonhuisverzekering;;;ingetrokken;nee`,
      `2025;12345678;${code('c2')};2025-06-10;ja;open;;nee;;;e-mail;Woonhuisverzekering;;;;nee`,
    ]);

    const next = await download(org.auditor.token, 2026);
    expect(next.statusCode).toBe(200);
    expect(linesOf(next.body)).toEqual([
      HEADER,
      `2026;12345678;${code('c2')};2025-06-10;nee;afgehandeld;2026-01-15;ja;219;nee;e-mail;Woonhuisverzekering;'=cmd|calc;"Oorzaak; met puntkomma";ongegrond;nee`,
      `2026;12345678;${code('c3')};2026-01-01;ja;open;;nee;;;e-mail;'+31 6 1234;;;;nee`,
    ]);

    const records = await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('export_records')
        .select(['kind', 'year', 'user_id', 'row_count'])
        .where('organisation_id', '=', org.id)
        .orderBy('year')
        .execute(),
    );
    expect(records).toEqual([
      { kind: 'afm_klachtenuitvraag', year: 2025, user_id: org.coordinator.id, row_count: 4 },
      { kind: 'afm_klachtenuitvraag', year: 2026, user_id: org.auditor.id, row_count: 2 },
    ]);
  });

  it('keeps a complaint’s code across years, and never shares one between complaints or organisations', async () => {
    const codesOf = async (token: string, year: number) =>
      linesOf((await download(token, year)).body)
        .slice(1)
        .map((line) => line.split(';')[2]!);
    const [y2025, y2026, theirs] = await Promise.all([
      codesOf(org.coordinator.token, 2025),
      codesOf(org.coordinator.token, 2026),
      codesOf(other.coordinator.token, 2025),
    ]);
    expect(y2025.at(-1)).toBe(y2026[0]); // c2, open at the end of 2025 and closed in 2026
    for (const value of [...y2025, ...y2026, ...theirs]) expect(value).toMatch(/^[0-9A-F]{24}$/);
    expect(new Set([...y2025, ...y2026]).size).toBe(5);
    expect(theirs).toEqual([code('b1', other)]);
    expect(y2025).not.toContain(theirs[0]);
    // The same complaint id under another organisation, or with another installation's key, is another code.
    expect(afmComplaintCode(secrets.afmCodeKey, other.id, ids.c1!)).not.toBe(code('c1'));
    expect(afmComplaintCode(deriveSecrets(Buffer.alloc(32, 22)).afmCodeKey, org.id, ids.c1!)).not.toBe(
      code('c1'),
    );
  });

  it('is for the coordinator and the auditor only, for a year that has begun', async () => {
    expect((await download(org.handler.token, 2025)).statusCode).toBe(403);
    expect((await download(org.employee.token, 2025)).statusCode).toBe(403);
    const bad = await download(org.coordinator.token, 'vorig-jaar');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const future = await download(org.coordinator.token, 2027);
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ code: 'validation_failed' });
  });
});
