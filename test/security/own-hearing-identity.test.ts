import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { issueApiToken } from '../../src/auth/api-token.ts';
import { fixedClock } from '../../src/clock.ts';
import { REQUEST_LETTER_FROM_EVENTS } from '../../src/db/migrations/0018-employee-and-cancellation-retention.ts';
import { withTenant } from '../../src/db/tenant.ts';
import { newId } from '../../src/ids.ts';
import { deriveSecrets } from '../../src/secrets.ts';
import { insertUser } from '../../src/users/user.repository.ts';
import { createTestComplaint, createTestOrganisation, type TestOrganisation } from '../support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/test-database.ts';

interface OwnHearing {
  complaintId: string;
  documents: Array<{ id: string; letterType: string }>;
  reactions: Array<{ text: string }>;
  statement: { text: string } | null;
}

/**
 * The employee's own hearing documents come through the hearing's own ids, not through the address a
 * letter was sent to. Two employees are heard on one complaint; then the first one's address
 * changes and the second one gets the first one's old address — the situation in which matching
 * letters by address would hide the first one's letters from them and show them to the second.
 */
describe.each(databaseKinds())('own hearing documents follow the hearing, not the address, on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TestOrganisation;
  let complaintId: string;
  let second: { id: string; token: string };
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  const secrets = deriveSecrets(Buffer.alloc(32, 5));
  const SECOND_STATEMENT = 'Tweede medewerker verklaart dat zij de polis niet heeft behandeld.';
  const FIRST_STATEMENT = 'Eerste medewerker verklaart dat de klant zelf om de omzetting vroeg.';
  const call = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
  const step = async (action: string, payload: object) => {
    const response = await call(
      org.handler.token,
      'POST',
      `/api/v1/complaints/${complaintId}/actions/${action}`,
      payload,
    );
    expect(response.statusCode, response.body).toBe(200);
  };
  const setEmail = (userId: string, email: string) =>
    withTenant(database.handle.db, org.id, (tx) =>
      tx
        .updateTable('users')
        .set({ email })
        .where('organisation_id', '=', org.id)
        .where('id', '=', userId)
        .execute(),
    );
  const hearingRow = (employeeId: string) =>
    withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('hearings as h')
        .innerJoin('letters as r', (j) =>
          j.onRef('r.organisation_id', '=', 'h.organisation_id').onRef('r.id', '=', 'h.request_letter_id'),
        )
        .leftJoin('letters as s', (j) =>
          j.onRef('s.organisation_id', '=', 'h.organisation_id').onRef('s.id', '=', 'h.statement_letter_id'),
        )
        .select([
          'r.document_id as request_document_id',
          's.document_id as statement_document_id',
          'r.recipient_email',
        ])
        .where('h.organisation_id', '=', org.id)
        .where('h.complaint_id', '=', complaintId)
        .where('h.employee_id', '=', employeeId)
        .executeTakeFirstOrThrow(),
    );
  const mine = async (token: string): Promise<OwnHearing[]> => {
    const response = await call(token, 'GET', '/api/v1/my/hearings');
    expect(response.statusCode).toBe(200);
    return response.json<OwnHearing[]>();
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    // A letter goes out only with the letterhead complete.
    await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .updateTable('organisations')
        .set({
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
      config: { logLevel: 'silent', maxAttachmentBytes: 1024 * 1024, maxJsonBodyBytes: 64 * 1024 },
      readiness: async () => [],
      secrets,
    });
    const id = newId();
    const token = await withTenant(database.handle.db, org.id, async (tx) => {
      await insertUser(tx, {
        organisation_id: org.id,
        id,
        email: `tweede.medewerker@${org.slug}.nl`,
        display_name: 'Tweede Medewerker',
        roles: ['employee'],
        password_hash: null,
        must_change_password: true,
        disabled_at: null,
        created_at: clock.now(),
      });
      return issueApiToken(tx, clock, { organisationId: org.id, userId: id, name: 'test' });
    });
    second = { id, token: token.token };
    complaintId = (
      await createTestComplaint(
        database.handle.db,
        org,
        { handlerId: org.handler.id, involvedEmployeeIds: [org.employee.id, second.id] },
        clock,
      )
    ).id;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('keeps each employee to exactly their own letters after an address moves from one to the other', async () => {
    await step('acknowledge', {});
    await step('start-hearing', { employeeId: org.employee.id, requestText: 'Hoe ging de omzetting?' });
    await step('record-hearing-statement', { employeeId: org.employee.id, statementText: FIRST_STATEMENT });
    const first = await hearingRow(org.employee.id);
    const oldAddress = first.recipient_email!;

    // The first employee's address changes; the second employee is given the first one's old address.
    await setEmail(org.employee.id, `nieuw.adres@${org.slug}.nl`);
    await setEmail(second.id, oldAddress);
    await step('start-hearing', { employeeId: second.id, requestText: 'Wat weet u van de omzetting?' });
    await step('record-hearing-statement', { employeeId: second.id, statementText: SECOND_STATEMENT });
    const other = await hearingRow(second.id);
    // Both letters really went to the same address: only the ids tell them apart.
    expect(other.recipient_email!.toLowerCase()).toBe(oldAddress.toLowerCase());

    const [firstView] = await mine(org.employee.token);
    expect(firstView!.documents.map((d) => [d.letterType, d.id])).toEqual([
      ['hearing_request', first.request_document_id],
      ['hearing_statement', first.statement_document_id],
    ]);
    expect(firstView!.statement?.text).toBe(FIRST_STATEMENT);

    const secondList = await mine(second.token);
    expect(secondList).toHaveLength(1);
    expect(secondList[0]!.documents.map((d) => [d.letterType, d.id])).toEqual([
      ['hearing_request', other.request_document_id],
      ['hearing_statement', other.statement_document_id],
    ]);
    expect(JSON.stringify(secondList)).not.toContain(FIRST_STATEMENT);
    expect(JSON.stringify(await mine(org.employee.token))).not.toContain(SECOND_STATEMENT);

    // Each reads their own PDFs and neither can read the other's, whatever id they try.
    const content = (documentId: string | null) =>
      `/api/v1/my/hearings/${complaintId}/documents/${documentId}/content`;
    for (const documentId of [first.request_document_id, first.statement_document_id]) {
      expect((await call(org.employee.token, 'GET', content(documentId))).statusCode).toBe(200);
      expect((await call(second.token, 'GET', content(documentId))).statusCode).toBe(404);
    }
    for (const documentId of [other.request_document_id, other.statement_document_id]) {
      expect((await call(second.token, 'GET', content(documentId))).statusCode).toBe(200);
      expect((await call(org.employee.token, 'GET', content(documentId))).statusCode).toBe(404);
    }
  });

  it('gives the signer the signed copy filed in the dossier, and only the signer', async () => {
    const signed = await call(org.employee.token, 'POST', `/api/v1/my/hearings/${complaintId}/sign`, {});
    expect(signed.statusCode, signed.body).toBe(200);
    const copy = signed.json<OwnHearing>().documents.find((d) => d.letterType === 'hearing_statement_signed');
    expect(copy).toBeDefined();
    // The signed copy is a dossier document: staff see it in the dossier like any other.
    const items = await call(
      org.handler.token,
      'GET',
      `/api/v1/complaints/${complaintId}/documents/${copy!.id}/content`,
    );
    expect(items.statusCode).toBe(200);
    const url = `/api/v1/my/hearings/${complaintId}/documents/${copy!.id}/content`;
    expect((await call(org.employee.token, 'GET', url)).statusCode).toBe(200);
    expect((await call(second.token, 'GET', url)).statusCode).toBe(404);
    const [secondView] = await mine(second.token);
    expect(secondView!.documents.map((d) => d.letterType)).not.toContain('hearing_statement_signed');
  });

  it('links hearings started before the link existed to their request letter from the event log, by ids', async () => {
    const linked = () =>
      withTenant(database.handle.db, org.id, (tx) =>
        tx
          .selectFrom('hearings')
          .select(['employee_id', 'request_letter_id'])
          .where('organisation_id', '=', org.id)
          .where('complaint_id', '=', complaintId)
          .orderBy('employee_id')
          .execute(),
      );
    const before = await linked();
    expect(before.every((h) => h.request_letter_id !== null)).toBe(true);
    // As an older database has them: no links. Then the migration's own backfill.
    await withTenant(database.handle.db, org.id, async (tx) => {
      await tx
        .updateTable('hearings')
        .set({ request_letter_id: null })
        .where('organisation_id', '=', org.id)
        .execute();
      await sql`UPDATE hearings h SET request_letter_id = (${sql.raw(REQUEST_LETTER_FROM_EVENTS)})
                WHERE h.organisation_id = ${org.id} AND h.requested_at IS NOT NULL`.execute(tx);
    });
    // Both letters went to the same address, and the first employee's address is not what it was:
    // only the ids in the chain can tell them apart, and they do.
    expect(await linked()).toEqual(before);
  });
});
