import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganisation, type TestOrganisation } from '../../test/support/factories.ts';
import {
  PERSON,
  prepareOrganisationForLetters,
  walkFullDossier,
} from '../../test/support/privacy-fixtures.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { buildApp } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { advanceCancellation, registerCancellationRequest } from '../intake/cancellation.service.ts';
import { deriveSecrets } from '../secrets.ts';
import { createAccessExport } from './access-export.service.ts';

type Review = { reason: string } | null;
interface Overview {
  dossiers: Array<{
    reference: string;
    letters: Array<{ letterType: string; review: Review }>;
    documents: Array<{ fileName: string; path: string | null; review: Review }>;
  }>;
  otherCancellationRequests: Array<{
    reference: string;
    customer_name: string;
    letters: Array<{
      letterType: string;
      review: Review;
      document: { sha256: string; path: string | null } | null;
    }>;
  }>;
  reviewRequired: number;
}

/**
 * The kinds of data that came after the first access export (migration 0008 and on): letters filed
 * with a cancellation request instead of a dossier, and the summary of an employee's reaction put
 * to them for signature with its signed copy.
 */
describe.each(databaseKinds())('right of access to letters filed outside a dossier on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
  const secrets = deriveSecrets(Buffer.alloc(32, 7));
  let complaintId = '';
  let unlinkedReference = '';

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    app = await buildApp({
      db: database.handle.db,
      clock,
      config: { logLevel: 'silent', maxAttachmentBytes: 1024 * 1024, maxJsonBodyBytes: 64 * 1024 },
      readiness: async () => [{ name: 'database', ok: true }],
    });
    await prepareOrganisationForLetters(database.handle.db, org);
    complaintId = await walkFullDossier({ db: database.handle.db, clock, app, secrets }, org);
    // A second cancellation by the same person that never met a complaint, confirmed by letter.
    const deps = { db: database.handle.db, clock };
    const unlinked = await registerCancellationRequest(deps, org.coordinator.context, {
      channel: 'letter',
      receivedAt: clock.now(),
      customerName: PERSON.name,
      customerEmail: PERSON.email,
      policies: 'Inboedel, polis 4455',
      effectiveDate: null,
    });
    unlinkedReference = unlinked.reference;
    await advanceCancellation(
      { ...deps, letters: { secrets, publicBaseUrl: 'https://klachten.example.nl' } },
      org.coordinator.context,
      unlinked.id,
      'confirm',
    );
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('hands over cancellation letters with or without a complaint, and sets statement letters apart', async () => {
    const made = await createAccessExport({ db: database.handle.db, clock }, org.coordinator.context, {
      email: PERSON.email,
    });
    const files = unzipSync(made.zip);
    const overview = JSON.parse(strFromU8(files['overzicht.json']!)) as Overview;
    const [dossier] = overview.dossiers;

    // The linked request's confirmation was filed with the request before the link; it is the
    // customer's own letter and goes out with the dossier.
    const filed = await sql<{ document_id: string; sha256: string }>`
      SELECT d.id AS document_id, d.sha256 FROM letters l
      JOIN documents d ON d.organisation_id = l.organisation_id AND d.id = l.document_id
      JOIN cancellation_requests r ON r.organisation_id = l.organisation_id AND r.id = l.cancellation_request_id
      WHERE r.complaint_id = ${complaintId} AND d.complaint_id IS NULL`.execute(database.handle.db);
    expect(filed.rows).toHaveLength(1);
    const linkedPath = `vrij-te-geven/${dossier!.reference}/${filed.rows[0]!.document_id.slice(-12)}-`;
    const linkedFile = Object.keys(files).find((name) => name.startsWith(linkedPath));
    expect(linkedFile).toBeDefined();
    expect(files[linkedFile!]!.length).toBeGreaterThan(1000);
    expect(dossier!.letters.find((l) => l.letterType === 'cancellation_confirmation')).toMatchObject({
      review: null,
    });

    // The summary put to the employee and the signed copy are the employee's statement: for review.
    expect(dossier!.letters.find((l) => l.letterType === 'hearing_statement')?.review).toMatchObject({
      reason: 'employee_statement',
    });
    const statements = dossier!.documents.filter((d) => /samenvatting/i.test(d.fileName));
    expect(statements).toHaveLength(2);
    for (const statement of statements) {
      expect(statement.review).toMatchObject({ reason: 'employee_statement' });
      expect(statement.path).toMatch(/^ter-beoordeling\//);
      expect(files[statement.path!]).toBeDefined();
    }

    // The request without a complaint is there with its confirmation letter and the PDF as sent.
    expect(overview.otherCancellationRequests).toHaveLength(1);
    const [other] = overview.otherCancellationRequests;
    expect(other).toMatchObject({ reference: unlinkedReference, customer_name: PERSON.name });
    expect(other!.letters).toHaveLength(1);
    const [letter] = other!.letters;
    expect(letter).toMatchObject({ letterType: 'cancellation_confirmation', review: null });
    expect(letter!.document!.path).toMatch(new RegExp(`^vrij-te-geven/${unlinkedReference}/`));
    const pdf = files[letter!.document!.path!]!;
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const { rows } = await sql<{ sha256: string }>`
      SELECT d.sha256 FROM letters l JOIN cancellation_requests r
        ON r.organisation_id = l.organisation_id AND r.id = l.cancellation_request_id
      JOIN documents d ON d.organisation_id = l.organisation_id AND d.id = l.document_id
      WHERE r.reference = ${unlinkedReference}`.execute(database.handle.db);
    expect(letter!.document!.sha256).toBe(rows[0]!.sha256);

    // Every file lies in the folder its review says, and every flagged part is counted.
    for (const document of dossier!.documents) {
      expect(document.path ?? '').toMatch(document.review ? /^ter-beoordeling\// : /^vrij-te-geven\//);
    }
    expect(overview.reviewRequired).toBe(made.flaggedCount);
  });
});
