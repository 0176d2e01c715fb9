import type { Kysely } from 'kysely';
import { requireRole, type AccessContext } from '../auth/access-context.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { withTenant, type Tx } from '../db/tenant.ts';
import { amsterdamDateOf, compareLocalDates, type LocalDate } from '../domain/calendar/local-date.ts';
import type { ProcedureTerms } from '../domain/calendar/procedure-terms.ts';
import { createWorkingDayCalendar } from '../domain/calendar/working-day-calendar.ts';
import { reviseProcedure } from '../domain/procedure/procedure-versions.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { normaliseLine } from '../text.ts';
import { loadCalendar, reloadAndRefreshClocks } from '../procedure/clock-columns.ts';
import { findClosingDays, listProcedureVersions } from '../procedure/snapshot.repository.ts';

export interface ProcedureSettings {
  current: {
    version: number;
    effectiveFrom: Date;
    terms: ProcedureTerms;
    requireConsultationPerStep: boolean;
  };
  versions: Array<{
    version: number;
    effectiveFrom: Date;
    terms: ProcedureTerms;
    requireConsultationPerStep: boolean;
  }>;
  closingDays: Array<{ date: LocalDate; name: string }>;
}

async function readSettings(tx: Tx, organisationId: string): Promise<ProcedureSettings> {
  const versions = await listProcedureVersions(tx, organisationId);
  const current = versions.at(-1);
  if (!current) throw new NotFoundError('De klachtenprocedure');
  return { current, versions, closingDays: await findClosingDays(tx, organisationId) };
}

export async function getProcedureSettings(
  db: Kysely<Database>,
  context: AccessContext,
): Promise<ProcedureSettings> {
  requireRole(context, ['admin', 'coordinator', 'handler', 'auditor']);
  return withTenant(db, context.organisationId, (tx) => readSettings(tx, context.organisationId));
}

/**
 * New terms make a new version, in force from now on. Complaints already received keep the version
 * they started under; versions are never edited, because complaints refer to them.
 */
export async function reviseProcedureTerms(
  db: Kysely<Database>,
  clock: Clock,
  context: AccessContext,
  input: { terms: unknown; requireConsultationPerStep: boolean },
): Promise<ProcedureSettings> {
  requireRole(context, ['admin']);
  const now = clock.now();
  return withTenant(db, context.organisationId, async (tx) => {
    const versions = await listProcedureVersions(tx, context.organisationId);
    const latest = versions.at(-1);
    const revision = reviseProcedure(versions, input.terms, now);
    const onlyConsultationChanged =
      !revision.ok &&
      revision.issues.every((i) => i.code === 'version.unchanged') &&
      latest !== undefined &&
      latest.requireConsultationPerStep !== input.requireConsultationPerStep;
    if (!revision.ok && !onlyConsultationChanged) {
      throw new ValidationError(
        'De termijnen van de klachtenprocedure zijn niet geldig.',
        revision.issues.map((i) => ({ field: `/terms${i.path ? `/${i.path}` : ''}`, message: i.message })),
        revision.issues.some((i) => i.code === 'version.unchanged')
          ? 'procedure_unchanged'
          : 'procedure_terms_invalid',
      );
    }
    const terms = revision.ok ? revision.version.terms : latest!.terms;
    await tx
      .insertInto('procedure_versions')
      .values({
        organisation_id: context.organisationId,
        version: (latest?.version ?? 0) + 1,
        terms: JSON.stringify(terms),
        require_consultation_per_step: input.requireConsultationPerStep,
        effective_from: now,
        created_at: now,
        created_by: context.userId,
      })
      .execute();
    return readSettings(tx, context.organisationId);
  });
}

/**
 * Closing days move deadlines, so they can only be added for days still ahead and removed before they
 * come: otherwise a missed deadline could be repaired afterwards. Legal holidays are never affected.
 */
export async function addClosingDay(
  db: Kysely<Database>,
  clock: Clock,
  context: AccessContext,
  input: { date: LocalDate; name: string },
): Promise<ProcedureSettings> {
  requireRole(context, ['admin']);
  const now = clock.now();
  const name = normaliseLine(input.name);
  if (compareLocalDates(input.date, amsterdamDateOf(now)) <= 0) {
    throw new ValidationError('Een sluitingsdag kan alleen voor een dag na vandaag worden toegevoegd.', [
      { field: '/date', message: 'must be after today' },
    ]);
  }
  if (!createWorkingDayCalendar().isWorkingDay(input.date)) {
    throw new ValidationError('Op deze dag is het kantoor al dicht (weekend of feestdag).', [
      { field: '/date', message: 'already a non-working day' },
    ]);
  }
  return withTenant(db, context.organisationId, async (tx) => {
    const inserted = await tx
      .insertInto('organisation_closing_days')
      .values({ organisation_id: context.organisationId, day: input.date, name, created_at: now })
      .onConflict((oc) => oc.doNothing())
      .returning('day')
      .executeTakeFirst();
    if (!inserted) throw new ConflictError('Deze sluitingsdag bestaat al.', 'closing_day_exists');
    await refreshOpenComplaints(tx, context.organisationId, now);
    return readSettings(tx, context.organisationId);
  });
}

export async function removeClosingDay(
  db: Kysely<Database>,
  clock: Clock,
  context: AccessContext,
  date: LocalDate,
): Promise<ProcedureSettings> {
  requireRole(context, ['admin']);
  const now = clock.now();
  if (compareLocalDates(date, amsterdamDateOf(now)) <= 0) {
    throw new ValidationError('Een sluitingsdag die al voorbij is, kan niet meer worden verwijderd.', [
      { field: '/date', message: 'in the past' },
    ]);
  }
  return withTenant(db, context.organisationId, async (tx) => {
    const removed = await tx
      .deleteFrom('organisation_closing_days')
      .where('organisation_id', '=', context.organisationId)
      .where('day', '=', date)
      .returning('day')
      .executeTakeFirst();
    if (!removed) throw new NotFoundError('De sluitingsdag');
    await refreshOpenComplaints(tx, context.organisationId, now);
    return readSettings(tx, context.organisationId);
  });
}

/** The pre-computed clock dates of open complaints follow a changed calendar. */
async function refreshOpenComplaints(tx: Tx, organisationId: string, now: Date): Promise<void> {
  const calendar = await loadCalendar(tx, organisationId);
  const open = await tx
    .selectFrom('complaints')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('status', 'not in', ['closed', 'withdrawn'])
    .execute();
  for (const { id } of open) await reloadAndRefreshClocks(tx, organisationId, id, calendar, now);
}
