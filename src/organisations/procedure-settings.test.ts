import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { fixedClock } from '../clock.ts';
import { DEFAULT_PROCEDURE_TERMS } from '../domain/calendar/procedure-terms.ts';
import { parseLocalDate } from '../domain/calendar/local-date.ts';
import { getProcedureState } from '../procedure/procedure.service.ts';
import {
  addClosingDay,
  getProcedureSettings,
  removeClosingDay,
  reviseProcedureTerms,
} from './procedure-settings.service.ts';

describe.each(databaseKinds())('procedure versions and closing days on %s', (kind) => {
  let database: TestDatabase;
  let org: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
  const deps = () => ({ db: database.handle.db, clock });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
  });
  afterAll(async () => database.close());

  const ackDue = async (complaintId: string) =>
    (await getProcedureState(deps(), org.coordinator.context, complaintId)).clocks.find(
      (c) => c.kind === 'acknowledgment',
    )?.dueDate;

  it('new terms make a new version; open complaints keep the version they started under', async () => {
    const before = await createTestComplaint(database.handle.db, org, { receivedAt: clock.now() }, clock);
    expect(await ackDue(before.id)).toBe('2026-11-26');

    clock.advance(60_000);
    const settings = await reviseProcedureTerms(database.handle.db, clock, org.admin.context, {
      terms: { ...DEFAULT_PROCEDURE_TERMS, acknowledgment: { unit: 'working-days', amount: 5 } },
      requireConsultationPerStep: true,
    });
    expect(settings.current.version).toBe(2);
    expect(settings.versions.map((v) => v.version)).toEqual([1, 2]);

    const after = await createTestComplaint(database.handle.db, org, { receivedAt: clock.now() }, clock);
    expect(await ackDue(after.id)).toBe('2026-11-30');
    expect(await ackDue(before.id)).toBe('2026-11-26');

    // A letter received before the change, registered now, follows the terms of its day.
    const lateLetter = await createTestComplaint(
      database.handle.db,
      org,
      { channel: 'letter', receivedAt: new Date('2026-11-20T10:00:00Z') },
      clock,
    );
    expect(await ackDue(lateLetter.id)).toBe('2026-11-25');
  });

  it('refuses invalid or unchanged terms, and anyone but an administrator', async () => {
    await expect(
      reviseProcedureTerms(database.handle.db, clock, org.admin.context, {
        terms: { ...DEFAULT_PROCEDURE_TERMS, acknowledgment: { unit: 'working-days', amount: 0 } },
        requireConsultationPerStep: true,
      }),
    ).rejects.toMatchObject({ status: 400, code: 'procedure_terms_invalid' });
    const current = (await getProcedureSettings(database.handle.db, org.admin.context)).current;
    await expect(
      reviseProcedureTerms(database.handle.db, clock, org.admin.context, {
        terms: current.terms,
        requireConsultationPerStep: true,
      }),
    ).rejects.toMatchObject({ code: 'procedure_unchanged' });
    await expect(
      reviseProcedureTerms(database.handle.db, clock, org.coordinator.context, {
        terms: current.terms,
        requireConsultationPerStep: false,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const onlySetting = await reviseProcedureTerms(database.handle.db, clock, org.admin.context, {
      terms: current.terms,
      requireConsultationPerStep: false,
    });
    expect(onlySetting.current).toMatchObject({ requireConsultationPerStep: false });
  });

  it('closing days move deadlines of open complaints, only ahead of time', async () => {
    clock.set(new Date('2026-12-01T09:00:00Z'));
    const fresh = await createTestOrganisation(database.handle.db, clock);
    const complaint = await createTestComplaint(
      database.handle.db,
      fresh,
      { receivedAt: clock.now() },
      clock,
    );
    const due = async () =>
      (await getProcedureState(deps(), fresh.coordinator.context, complaint.id)).clocks.find(
        (c) => c.kind === 'acknowledgment',
      );
    expect((await due())?.dueDate).toBe('2026-12-04');

    await addClosingDay(database.handle.db, clock, fresh.admin.context, {
      date: parseLocalDate('2026-12-03'),
      name: 'Heidag',
    });
    const moved = await due();
    expect(moved?.dueDate).toBe('2026-12-07');
    expect(moved?.explanation).toContain('Heidag');

    await expect(
      addClosingDay(database.handle.db, clock, fresh.admin.context, {
        date: parseLocalDate('2026-12-01'),
        name: 'Vandaag',
      }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      addClosingDay(database.handle.db, clock, fresh.admin.context, {
        date: parseLocalDate('2026-12-05'),
        name: 'Zaterdag',
      }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      addClosingDay(database.handle.db, clock, fresh.admin.context, {
        date: parseLocalDate('2026-12-03'),
        name: 'Dubbel',
      }),
    ).rejects.toMatchObject({ code: 'closing_day_exists' });

    await removeClosingDay(database.handle.db, clock, fresh.admin.context, parseLocalDate('2026-12-03'));
    expect((await due())?.dueDate).toBe('2026-12-04');
    clock.set(new Date('2026-12-04T09:00:00Z'));
    await expect(
      removeClosingDay(database.handle.db, clock, fresh.admin.context, parseLocalDate('2026-12-03')),
    ).rejects.toMatchObject({ status: 400 });
  });
});
