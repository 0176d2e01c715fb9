import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import type { AccessContext } from '../auth/access-context.ts';
import { fixedClock } from '../clock.ts';
import { withTenant } from '../db/tenant.ts';
import { addNote } from '../dossier/dossier.service.ts';
import { newId } from '../ids.ts';
import { insertIntakeItem } from '../intake/intake.repository.ts';
import { openIntakeItemAsComplaint } from '../intake/intake.service.ts';
import { performAction } from '../procedure/procedure.service.ts';
import { insertUser } from '../users/user.repository.ts';
import type { ComplaintView } from './complaint.view.ts';
import { listCategories, listComplaints, type ComplaintListQuery } from './complaint-list.service.ts';

describe.each(databaseKinds())('the work queue: filters and Dutch search on %s', (kind) => {
  let database: TestDatabase;
  let org: TestOrganisation;
  let other: TestOrganisation;
  let secondHandler: AccessContext;
  // Tuesday 24 November 2026.
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  const deps = () => ({ db: database.handle.db, clock });
  let overdue: ComplaintView;
  let premium: ComplaintView;
  let storm: ComplaintView;
  let fromMail: ComplaintView;

  const references = async (context: AccessContext, query: ComplaintListQuery) =>
    (await listComplaints(deps(), context, { sort: 'deadline', limit: 100, ...query })).items.map(
      (i) => i.reference,
    );

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const db = database.handle.db;
    org = await createTestOrganisation(db, clock);
    other = await createTestOrganisation(db, clock);
    const secondId = newId();
    await withTenant(db, org.id, (tx) =>
      insertUser(tx, {
        organisation_id: org.id,
        id: secondId,
        email: `tweede@${org.slug}.nl`,
        display_name: 'Behandelaar Ben',
        roles: ['handler'],
        password_hash: null,
        must_change_password: true,
        disabled_at: null,
        created_at: clock.now(),
      }),
    );
    secondHandler = {
      organisationId: org.id,
      userId: secondId,
      roles: ['handler'],
      actor: { kind: 'user', id: secondId },
    };

    overdue = await createTestComplaint(
      db,
      org,
      {
        receivedAt: new Date('2026-11-02T10:00:00Z'),
        handlerId: org.handler.id,
        complainant: { name: 'Anna Jansen', email: 'anna@example.nl' },
        product: 'Hypotheek',
        description: 'Mijn klacht gaat over de hypotheekofferte, die veel te laat kwam.',
      },
      clock,
    );
    premium = await createTestComplaint(
      db,
      org,
      {
        receivedAt: new Date('2026-11-20T10:00:00Z'),
        channel: 'phone',
        handlerId: secondId,
        complainant: { name: 'Piet Bakker', phone: '0612345678' },
        product: 'Autoverzekering',
        description: 'Klacht over de premie: die is zonder bericht verhoogd.',
      },
      clock,
    );
    await performAction(deps(), org.coordinator.context, premium.id, { action: 'flag_liability' });
    storm = await createTestComplaint(
      db,
      org,
      {
        receivedAt: new Date('2026-11-23T10:00:00Z'),
        channel: 'letter',
        complainant: { name: 'Kees de Wit', email: 'kees@example.nl' },
        product: 'Woonhuis',
        description: 'Het dak is beschadigd en niets is vergoed.',
      },
      clock,
    );
    await addNote(deps(), org.coordinator.context, storm.id, {
      text: 'De klager belde over de afhandeling van de stormschade.',
    });
    const itemId = newId();
    await withTenant(db, org.id, (tx) =>
      insertIntakeItem(tx, {
        organisation_id: org.id,
        id: itemId,
        channel: 'web_form',
        received_at: new Date('2026-11-24T08:00:00Z'),
        kind: 'unclassified',
        proposed_kind: null,
        proposal_reason: null,
        status: 'new',
        sender_name: 'Fatima el Amrani',
        sender_email: 'fatima@example.nl',
        subject: 'Opzegging geweigerd',
        body_text: 'Mijn opzegging van de rechtsbijstandverzekering werd tweemaal geweigerd.',
        mail_message_id: null,
        complaint_id: null,
        cancellation_request_id: null,
        triaged_by: null,
        triaged_at: null,
        created_at: clock.now(),
      }),
    );
    fromMail = await openIntakeItemAsComplaint(deps(), org.coordinator.context, itemId, {
      description: 'Zie het bericht.',
    });
    // Another organisation uses the same words; none of it may show.
    await createTestComplaint(
      db,
      other,
      { description: 'Klacht over een hypotheek en stormschade van Anna Jansen.' },
      clock,
    );
  });
  afterAll(async () => database.close());

  it('finds Dutch words by their stem, in the complaint, the name, notes and intake mail', async () => {
    const coordinator = org.coordinator.context;
    // "klachten" finds "klacht" and "Klacht"; nearest clock first (5 November was missed).
    expect(await references(coordinator, { q: 'klachten' })).toEqual([overdue.reference, premium.reference]);
    expect(await references(coordinator, { q: 'hypotheken' })).toEqual([overdue.reference]);
    expect(await references(coordinator, { q: 'jansen' })).toEqual([overdue.reference]);
    expect(await references(coordinator, { q: 'stormschade' })).toEqual([storm.reference]);
    expect(await references(coordinator, { q: 'geweigerde opzeggingen' })).toEqual([fromMail.reference]);
    expect(await references(coordinator, { q: 'klacht -premie' })).toEqual([overdue.reference]);
    expect(await references(coordinator, { q: '"premie verhoogd"' })).toEqual([]);
    expect(await references(coordinator, { q: 'premie or dak' })).toEqual([
      premium.reference,
      storm.reference,
    ]);
  });

  it('finds a complaint by its reference, whole or by its number', async () => {
    const coordinator = org.coordinator.context;
    expect(await references(coordinator, { q: premium.reference })).toEqual([premium.reference]);
    expect(await references(coordinator, { q: premium.reference.slice(3) })).toEqual([premium.reference]);
    expect(await references(coordinator, { q: premium.reference.slice(-4) })).toEqual([premium.reference]);
  });

  it('searches only what the user may see: a handler their own and unassigned complaints', async () => {
    const handler = org.handler.context;
    expect(await references(handler, { q: 'klachten' })).toEqual([overdue.reference]);
    expect(await references(secondHandler, { q: 'klachten' })).toEqual([premium.reference]);
    expect(await references(handler, { q: 'stormschade' })).toEqual([storm.reference]);
    // Without a search or a handler filter a handler's queue is their own complaints; the
    // unassigned ones are one filter away (the intake queue), and a search spans both.
    expect(await references(handler, {})).toEqual([overdue.reference]);
    expect(await references(secondHandler, {})).toEqual([premium.reference]);
    expect(await references(handler, { handlerId: 'none' })).toEqual([storm.reference, fromMail.reference]);
    expect(await references(handler, { handlerId: org.handler.id })).toEqual([overdue.reference]);
    expect(await references(org.coordinator.context, {})).toHaveLength(4);
    // Asking for another handler's queue gives nothing rather than their complaints.
    expect(await references(handler, { handlerId: secondHandler.userId! })).toEqual([]);
    expect(await references(org.auditor.context, { q: 'klachten' })).toHaveLength(2);
    await expect(listComplaints(deps(), org.employee.context, { q: 'klachten' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('filters on handler, unassigned, channel, status, liability, overdue and category', async () => {
    const coordinator = org.coordinator.context;
    expect(await references(coordinator, { handlerId: org.handler.id })).toEqual([overdue.reference]);
    expect(await references(coordinator, { handlerId: 'none' })).toEqual([
      storm.reference,
      fromMail.reference,
    ]);
    expect(await references(coordinator, { channel: 'phone' })).toEqual([premium.reference]);
    expect(await references(coordinator, { liabilityFlag: true })).toEqual([premium.reference]);
    expect(await references(coordinator, { liabilityFlag: false, q: 'klacht' })).toEqual([overdue.reference]);
    expect(await references(coordinator, { overdue: true })).toEqual([overdue.reference]);
    expect(await references(coordinator, { overdue: true, q: 'premie' })).toEqual([]);
    expect(await references(coordinator, { statuses: ['closed'] })).toEqual([]);
    expect(await references(coordinator, { statuses: ['received'], channel: 'letter' })).toEqual([
      storm.reference,
    ]);
    // Categories are given when a complaint closes; set one directly rather than walk the procedure.
    await withTenant(database.handle.db, org.id, (tx) =>
      tx.updateTable('complaints').set({ category: 'Advies' }).where('id', '=', storm.id).execute(),
    );
    expect(await references(coordinator, { category: 'Advies' })).toEqual([storm.reference]);
    expect(await listCategories(deps(), coordinator)).toEqual(['Advies']);
    expect(await listCategories(deps(), other.coordinator.context)).toEqual([]);
  });

  it('gives each item its clock dates and traffic light, and pages a search without gaps', async () => {
    const page = await listComplaints(deps(), org.coordinator.context, { sort: 'deadline', limit: 100 });
    const byId = new Map(page.items.map((i) => [i.id, i]));
    expect(byId.get(overdue.id)).toMatchObject({
      next_clock_due: '2026-11-05',
      next_clock_kind: 'acknowledgment',
      next_clock_urgency: 'missed',
    });
    // Flagged for liability today: the insurer is to be told today, a clock the row cannot name.
    expect(byId.get(premium.id)).toMatchObject({
      next_clock_due: '2026-11-24',
      next_clock_kind: null,
      next_clock_urgency: 'due_soon',
    });
    // Received Monday 23 November: acknowledge by Thursday 26 November, amber from Wednesday 25.
    expect(byId.get(storm.id)).toMatchObject({
      next_clock_due: '2026-11-26',
      next_clock_kind: 'acknowledgment',
      next_clock_urgency: 'on_track',
    });
    expect(byId.get(fromMail.id)).toMatchObject({
      next_clock_due: '2026-11-27',
      next_clock_urgency: 'on_track',
    });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const next = await listComplaints(deps(), org.coordinator.context, {
        sort: 'deadline',
        q: 'klacht',
        limit: 1,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...next.items.map((i) => i.reference));
      cursor = next.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([overdue.reference, premium.reference]);
  });

  it('keeps the index current and reads no dossier to list', async () => {
    const coordinator = org.coordinator.context;
    const reads = async () => {
      const result = await sql<{ n: string }>`
        SELECT count(*)::text AS n FROM dossier_reads WHERE organisation_id = ${org.id}`.execute(
        database.handle.db,
      );
      return Number(result.rows[0]!.n);
    };
    const before = await reads();
    await references(coordinator, { q: 'klachten' });
    expect(await reads()).toBe(before);

    await addNote(deps(), coordinator, premium.id, {
      text: 'Tussenpersoon gebeld over de polisvoorwaarden.',
    });
    expect(await references(coordinator, { q: 'polisvoorwaarde' })).toEqual([premium.reference]);
    // Blanking the complainant's name (anonymising) takes it out of the search too.
    await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .updateTable('complainants')
        .set({ name: 'Geanonimiseerd' })
        .where('organisation_id', '=', org.id)
        .where('id', '=', overdue.complainant.id)
        .execute(),
    );
    expect(await references(coordinator, { q: 'jansen' })).toEqual([]);
    expect(await references(coordinator, { q: 'geanonimiseerd' })).toEqual([overdue.reference]);
  });

  it('takes a message of megabytes of distinct words without failing the step that stores it', async () => {
    // Over a tsvector's 1 MB if indexed whole; the index keeps the start, the dossier everything.
    const words = Array.from({ length: 250_000 }, (_, i) => `w${i.toString(36)}q`).join(' ');
    const note = await addNote(deps(), org.coordinator.context, storm.id, {
      text: `Doorgestuurde mailwisseling over het taxatierapport. ${words}`,
    });
    expect(note.body!.length).toBeGreaterThan(1_500_000);
    expect(await references(org.coordinator.context, { q: 'taxatierapporten' })).toEqual([storm.reference]);
  });
});
