import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { fixedClock } from '../clock.ts';
import { withTenant } from '../db/tenant.ts';
import { takeStep } from '../procedure/procedure.service.ts';
import { issuePortalLink } from './portal-link.ts';
import { parsePortalSecret, sha256Hex } from './portal-secret.ts';

const DAY = 24 * 60 * 60 * 1000;

describe.each(databaseKinds())('issuePortalLink on %s', (kind) => {
  let database: TestDatabase;
  let org: TestOrganisation;
  let other: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  const db = () => database.handle.db;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(db(), clock);
    other = await createTestOrganisation(db(), clock);
  });
  afterAll(async () => database.close());

  it('makes a link for one complaint inside the caller’s transaction, storing only its SHA-256', async () => {
    const complaint = await createTestComplaint(db(), org, {}, clock);
    const link = await withTenant(db(), org.id, (tx) =>
      issuePortalLink(tx, {
        organisationId: org.id,
        complaintId: complaint.id,
        now: clock.now(),
        baseUrl: 'https://klachten.kantoor.nl/',
        language: 'en',
      }),
    );
    expect(link.url).toMatch(
      /^https:\/\/klachten\.kantoor\.nl\/portaal\/kwp1_[0-9a-f]{32}_[\w-]{43}\?lang=en$/,
    );
    expect(link.expiresAt).toBeNull();
    const parsed = parsePortalSecret('link', new URL(link.url).pathname.split('/').pop());
    expect(parsed?.organisationId).toBe(org.id);
    const rows = await withTenant(db(), org.id, (tx) =>
      tx.selectFrom('portal_tokens').selectAll().where('complaint_id', '=', complaint.id).execute(),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.secret_sha256).toBe(sha256Hex(parsed!.secret));
    expect(JSON.stringify(rows)).not.toContain(parsed!.secret);
  });

  it('leaves nothing behind when the letter’s transaction fails', async () => {
    const complaint = await createTestComplaint(db(), org, {}, clock);
    await expect(
      withTenant(db(), org.id, async (tx) => {
        await issuePortalLink(tx, {
          organisationId: org.id,
          complaintId: complaint.id,
          now: clock.now(),
          baseUrl: 'https://klachten.kantoor.nl',
        });
        throw new Error('the letter could not be rendered');
      }),
    ).rejects.toThrow('rendered');
    const count = await withTenant(db(), org.id, (tx) =>
      tx
        .selectFrom('portal_tokens')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('complaint_id', '=', complaint.id)
        .executeTakeFirstOrThrow(),
    );
    expect(Number(count.n)).toBe(0);
  });

  it('names the end date once the dossier has ended, and refuses a complaint of another organisation', async () => {
    const complaint = await createTestComplaint(db(), org, {}, clock);
    await takeStep({ db: db(), clock }, org.coordinator.context, complaint.id, { action: 'withdraw' });
    const link = await withTenant(db(), org.id, (tx) =>
      issuePortalLink(tx, {
        organisationId: org.id,
        complaintId: complaint.id,
        now: clock.now(),
        baseUrl: 'https://klachten.kantoor.nl',
        daysAfterClose: 30,
      }),
    );
    expect(link.expiresAt?.getTime()).toBe(clock.now().getTime() + 30 * DAY);
    await expect(
      withTenant(db(), other.id, (tx) =>
        issuePortalLink(tx, {
          organisationId: other.id,
          complaintId: complaint.id,
          now: clock.now(),
          baseUrl: 'https://klachten.kantoor.nl',
        }),
      ),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('keeps portal tokens, sessions and codes of one organisation out of sight of another', async () => {
    const complaint = await createTestComplaint(db(), org, {}, clock);
    await withTenant(db(), org.id, (tx) =>
      issuePortalLink(tx, {
        organisationId: org.id,
        complaintId: complaint.id,
        now: clock.now(),
        baseUrl: 'https://klachten.kantoor.nl',
      }),
    );
    const seen = await withTenant(db(), other.id, async (tx) => ({
      tokens: (await sql`SELECT organisation_id FROM portal_tokens`.execute(tx)).rows,
      sessions: (await sql`SELECT organisation_id FROM portal_sessions`.execute(tx)).rows,
      codes: (await sql`SELECT organisation_id FROM portal_codes`.execute(tx)).rows,
    }));
    expect(seen).toEqual({ tokens: [], sessions: [], codes: [] });
  });
});
