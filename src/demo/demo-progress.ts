import type { Kysely } from 'kysely';
import type { AccessContext } from '../auth/access-context.ts';
import { fixedClock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { addDays, amsterdamDateOf } from '../domain/calendar/local-date.ts';
import { performAction, type ProcedureActionInput } from '../procedure/procedure.service.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export interface DemoActors {
  coordinator: AccessContext;
  employees: ReadonlyMap<string, AccessContext>;
}

export interface DemoComplaintFacts {
  id: string;
  receivedAt: Date;
  involvedEmployeeId: string | undefined;
  liability: boolean;
  daysAgo: number;
  index: number;
}

const CATEGORIES = [
  ['Schadebehandeling', 'Expert te laat ingeschakeld', 'deels_gegrond'],
  ['Communicatie', 'Niet teruggebeld na toezegging', 'gegrond'],
  ['Premie en voorwaarden', 'Premiewijziging niet uitgelegd', 'ongegrond'],
  ['Advies', 'Wachttijd niet besproken bij advies', 'gegrond'],
  ['Administratie', 'Adreswijziging niet verwerkt', 'gegrond'],
] as const;

/**
 * Takes a demo complaint as far through the procedure as its age suggests, through the real
 * procedure service with a clock set in the past, so the demo shows every status with true clocks.
 */
export async function progressDemoComplaint(
  db: Kysely<Database>,
  actors: DemoActors,
  facts: DemoComplaintFacts,
  now: Date,
): Promise<void> {
  const clock = fixedClock(new Date(facts.receivedAt.getTime() + 2 * HOUR));
  // Inputs are built after the clock moved, so times in them (a meeting "in three days") are true then.
  const step = async (
    input: ProcedureActionInput | (() => ProcedureActionInput),
    as: AccessContext = actors.coordinator,
    after = 0,
  ): Promise<void> => {
    clock.advance(after);
    if (clock.now() > now) return;
    const taken = typeof input === 'function' ? input() : input;
    // Only the employee signs, and on their own hearing screen, never through the dossier's steps.
    const own = taken.action === 'sign_hearing_statement';
    await performAction({ db, clock }, as, facts.id, taken, own ? { asInvolvedEmployee: true } : {});
  };
  const later = (ms: number): Date => new Date(clock.now().getTime() + ms);
  const age = facts.daysAgo;
  if (age < 2) return;

  await step({ action: 'acknowledge' }, actors.coordinator, DAY);
  if (facts.liability) {
    await step({ action: 'flag_liability' });
    await step({ action: 'notify_insurer' }, actors.coordinator, HOUR);
    await step(
      () => ({
        action: 'record_insurer_consultation',
        at: later(-HOUR),
        withWhom: 'Schadeafdeling beroepsaansprakelijkheid, Nationale Beroepsverzekeraar',
        agreed: 'Geen erkenning van aansprakelijkheid zonder overleg; klacht inhoudelijk behandelen.',
      }),
      actors.coordinator,
      2 * HOUR,
    );
  }
  if (age < 6) return;

  if (facts.index % 3 === 0) {
    await step(
      { action: 'request_information', whatIsMissing: 'Het polisnummer en eventuele foto’s of bonnen.' },
      actors.coordinator,
      DAY,
    );
    if (age > 10) await step({ action: 'register_information_received' }, actors.coordinator, 3 * DAY);
  } else {
    await step({ action: 'close_information_not_needed' }, actors.coordinator, DAY);
  }
  const employee = facts.involvedEmployeeId;
  if (employee) {
    await step(
      {
        action: 'start_hearing',
        employeeId: employee,
        requestText:
          'Er is een klacht binnengekomen over jouw contact met deze klant. Wil je je kant van het verhaal geven?',
      },
      actors.coordinator,
      HOUR,
    );
    if (age > 12) {
      await step(
        {
          action: 'record_hearing_statement',
          employeeId: employee,
          statementText:
            'De medewerker licht toe dat de afspraak door drukte niet is nagekomen en betreurt dat.',
        },
        actors.coordinator,
        2 * DAY,
      );
      const employeeContext = actors.employees.get(employee);
      if (employeeContext) {
        await step({ action: 'sign_hearing_statement', employeeId: employee }, employeeContext, DAY);
      }
    }
  }
  if (age < 25) return;

  const consultAgain = async (): Promise<void> => {
    if (!facts.liability) return;
    await step(
      () => ({
        action: 'record_insurer_consultation',
        at: later(-HOUR),
        withWhom: 'Schadeafdeling beroepsaansprakelijkheid',
        agreed: 'Akkoord met de volgende stap.',
      }),
      actors.coordinator,
      2 * HOUR,
    );
  };
  if (age < 40 && facts.index % 2 === 0) {
    await consultAgain();
    const target = addDays(amsterdamDateOf(facts.receivedAt), 45);
    await step(
      {
        action: 'send_delay_notice',
        reason: 'Wij wachten nog op het rapport van de schade-expert.',
        newDate: target,
      },
      actors.coordinator,
      5 * DAY,
    );
    return;
  }
  await consultAgain();
  await step(() => ({ action: 'plan_meeting', scheduledFor: later(3 * DAY) }), actors.coordinator, 6 * DAY);
  await consultAgain();
  await step(
    () => ({
      action: 'record_meeting',
      heldAt: later(-HOUR),
      minutes: 'Gesprek gevoerd; uitleg gegeven en afspraken gemaakt.',
    }),
    actors.coordinator,
    3 * DAY + 2 * HOUR,
  );
  if (age < 50) return;

  const [category, rootCause, outcome] = CATEGORIES[facts.index % CATEGORIES.length]!;
  await step({ action: 'close', category, rootCause, outcome }, actors.coordinator, 2 * DAY);
  if (age > 95)
    await step(
      { action: 'record_kifid_referral', caseNumber: `GC-2026-${String(1000 + facts.index)}` },
      actors.coordinator,
      20 * DAY,
    );
}
