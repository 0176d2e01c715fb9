import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { fixedClock } from '../clock.ts';
import { parseLocalDate } from '../domain/calendar/local-date.ts';
import type { DecisionLetterContent } from '../domain/procedure/decision-letter.ts';
import { verifyAllChains } from '../dossier/chain-verification.ts';
import { listDossierEvents } from '../dossier/event-log.repository.ts';
import { withTenant } from '../db/tenant.ts';
import { getProcedureState, performAction, takeStep, type ProcedureState } from './procedure.service.ts';

function letter(affiliationNumber: string): DecisionLetterContent {
  return {
    receivedDate: parseLocalDate('2026-11-23'),
    complaintSummary: 'U bent ontevreden over de afhandeling van uw waterschade.',
    investigationResults: 'De expert is te laat ingeschakeld; de schade is correct berekend.',
    judgment: 'Wij vinden uw klacht deels gegrond.',
    followUpActions: 'Wij vergoeden € 150 voor het ongemak.',
    furtherContact: 'U kunt ons bellen als u over ons standpunt wilt praten.',
    disputesBody: {
      name: 'Stichting Klachteninstituut Financiële Dienstverlening (KiFiD)',
      postalAddress: 'Postbus 93257',
      postalCodeCity: '2509 AG Den Haag',
      phone: '070-333 8 999',
      email: 'consumenten@kifid.nl',
      website: 'www.kifid.nl',
      affiliationNumber,
      term: 'U kunt zich binnen drie maanden na dit standpunt tot het KiFiD wenden.',
    },
  };
}

const clockState = (state: ProcedureState, kind: string) => state.clocks.find((c) => c.kind === kind);

describe.each(databaseKinds())('the procedure end to end on %s', (kind) => {
  let database: TestDatabase;
  let org: TestOrganisation;
  // Monday 23 November 2026, 10:00 in Amsterdam.
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
  const deps = () => ({ db: database.handle.db, clock });
  const day = (n: number) => clock.advance(n * 24 * 60 * 60 * 1000);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
  });
  afterAll(async () => database.close());

  it('walks a complaint from receipt to closure and KiFiD referral, with every gate on the way', async () => {
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      { receivedAt: clock.now(), handlerId: org.handler.id, involvedEmployeeIds: [org.employee.id] },
      clock,
    );
    const coordinator = org.coordinator.context;
    const handler = org.handler.context;
    const employee = org.employee.context;

    let state = await getProcedureState(deps(), handler, complaint.id);
    expect(state.complaint.status).toBe('received');
    expect(clockState(state, 'acknowledgment')).toMatchObject({ dueDate: '2026-11-26', state: 'open' });
    expect(clockState(state, 'decision')).toMatchObject({ dueDate: '2026-12-23', state: 'open' });

    // An illegal step is refused with a stable code, and the refusal is itself in the dossier.
    await expect(takeStep(deps(), coordinator, complaint.id, { action: 'close' })).rejects.toMatchObject({
      status: 422,
      code: 'illegal_transition',
    });
    // The employee the complaint is about can never handle it.
    await expect(
      takeStep(deps(), coordinator, complaint.id, {
        action: 'assign_handler',
        handlerId: org.employee.id,
      }),
    ).rejects.toMatchObject({ status: 422 });

    day(1);
    state = await takeStep(deps(), handler, complaint.id, { action: 'acknowledge' });
    expect(state.complaint.status).toBe('acknowledged');
    expect(clockState(state, 'acknowledgment')).toMatchObject({
      state: 'met_on_time',
      metBy: 'acknowledgment',
    });

    state = await takeStep(deps(), handler, complaint.id, {
      action: 'request_information',
      whatIsMissing: 'Het polisnummer en foto’s van de schade.',
    });
    expect(state.complaint.status).toBe('in_investigation');
    expect(state.substates).toContain('awaiting_information');
    expect(clockState(state, 'missing_information')).toMatchObject({ state: 'met_on_time' });

    day(2);
    state = await takeStep(deps(), handler, complaint.id, { action: 'register_information_received' });
    expect(state.substates).not.toContain('awaiting_information');

    state = await takeStep(deps(), handler, complaint.id, {
      action: 'start_hearing',
      employeeId: org.employee.id,
      requestText: 'Wil je je kant van het verhaal geven?',
    });
    expect(state.substates).toContain('hearing');
    expect(clockState(state, 'hearing_reaction')).toMatchObject({
      subjectId: org.employee.id,
      state: 'open',
    });

    // The decision waits for the signed summary.
    const refusedEarly = await takeStep(deps(), handler, complaint.id, {
      action: 'send_decision_letter',
      letter: letter('300.012345'),
    }).catch((error: unknown) => error);
    expect(refusedEarly).toMatchObject({ status: 422 });
    expect(JSON.stringify(refusedEarly)).toContain('hearing');

    state = await takeStep(deps(), handler, complaint.id, {
      action: 'record_hearing_statement',
      employeeId: org.employee.id,
      statementText: 'Ik heb de expert pas na een week ingeschakeld door drukte.',
    });
    // Only the employee themselves signs their statement.
    await expect(
      takeStep(deps(), handler, complaint.id, {
        action: 'sign_hearing_statement',
        employeeId: org.employee.id,
      }),
    ).rejects.toMatchObject({ status: 422 });
    // Not through the dossier's own steps: the employee does not see the dossier.
    await expect(
      performAction(deps(), employee, complaint.id, {
        action: 'sign_hearing_statement',
        employeeId: org.employee.id,
      }),
    ).rejects.toMatchObject({ status: 404 });
    // On their own hearing screen the employee signs; they get nothing of the dossier back.
    expect(
      await performAction(
        deps(),
        employee,
        complaint.id,
        { action: 'sign_hearing_statement', employeeId: org.employee.id },
        { asInvolvedEmployee: true },
      ),
    ).toBeNull();
    state = await getProcedureState(deps(), handler, complaint.id);
    expect(state.substates).not.toContain('hearing');

    // Liability: nothing goes to the complainant until the insurer was consulted.
    state = await takeStep(deps(), handler, complaint.id, { action: 'flag_liability' });
    expect(state.substates).toContain('awaiting_insurer');
    expect(clockState(state, 'insurer_notification')).toMatchObject({ state: 'open' });
    await expect(
      takeStep(deps(), handler, complaint.id, {
        action: 'send_delay_notice',
        reason: 'Wij wachten op de verzekeraar.',
        newDate: parseLocalDate('2027-01-15'),
      }),
    ).rejects.toMatchObject({ code: 'insurer_consultation_required' });
    state = await takeStep(deps(), handler, complaint.id, { action: 'notify_insurer' });
    expect(clockState(state, 'insurer_notification')).toMatchObject({ state: 'met_on_time' });
    state = await takeStep(deps(), handler, complaint.id, {
      action: 'record_insurer_consultation',
      at: clock.now(),
      withWhom: 'Mevr. De Groot, schadeafdeling beroepsaansprakelijkheid',
      agreed: 'Geen erkenning van aansprakelijkheid; tegemoetkoming in overleg toegestaan.',
    });
    expect(state.substates).not.toContain('awaiting_insurer');

    // The delay notice moves the target; the original date stays for reporting.
    day(10);
    state = await takeStep(deps(), handler, complaint.id, {
      action: 'send_delay_notice',
      reason: 'Wij wachten op de reactie van de verzekeraar.',
      newDate: parseLocalDate('2027-01-15'),
    });
    expect(clockState(state, 'decision')).toMatchObject({
      dueDate: '2027-01-15',
      originalDueDate: '2026-12-23',
    });
    // Another notice would be due only if the new date is not kept either.
    expect(clockState(state, 'delay_notice')).toMatchObject({ dueDate: '2027-01-15', state: 'open' });

    // Every further step needs its own consultation (the default setting).
    await expect(
      takeStep(deps(), handler, complaint.id, {
        action: 'send_decision_letter',
        letter: letter('300.012345'),
      }),
    ).rejects.toMatchObject({ code: 'insurer_consultation_required' });
    clock.advance(60 * 60 * 1000);
    state = await takeStep(deps(), handler, complaint.id, {
      action: 'record_insurer_consultation',
      at: clock.now(),
      withWhom: 'Mevr. De Groot',
      agreed: 'Akkoord met de conceptbrief.',
    });

    // A placeholder affiliation number blocks the letter (R9).
    await expect(
      takeStep(deps(), handler, complaint.id, {
        action: 'send_decision_letter',
        letter: letter('n.n.b.'),
      }),
    ).rejects.toMatchObject({ status: 422 });
    await sql`UPDATE organisations SET kifid_affiliation_number = '300.012345' WHERE id = ${org.id}`.execute(
      database.handle.db,
    );
    state = await takeStep(deps(), handler, complaint.id, {
      action: 'send_decision_letter',
      letter: letter('300.012345'),
    });
    expect(state.complaint.status).toBe('decided');
    expect(clockState(state, 'decision')).toMatchObject({ state: 'met_on_time', metBy: 'decision_letter' });
    expect(clockState(state, 'delay_notice')).toMatchObject({ state: 'met_on_time', metBy: 'delay_notice' });
    expect(clockState(state, 'kifid_window')?.dueDate).toBeTruthy();

    // Closing needs category, root cause and outcome; only the coordinator closes.
    await expect(takeStep(deps(), coordinator, complaint.id, { action: 'close' })).rejects.toMatchObject({
      code: 'closing_fields_missing',
    });
    state = await takeStep(deps(), coordinator, complaint.id, {
      action: 'close',
      category: 'Schadebehandeling',
      rootCause: 'Expert te laat ingeschakeld',
      outcome: 'deels_gegrond',
    });
    expect(state.complaint).toMatchObject({
      status: 'closed',
      outcome: 'deels_gegrond',
      category: 'Schadebehandeling',
    });

    day(30);
    state = await takeStep(deps(), coordinator, complaint.id, {
      action: 'record_kifid_referral',
      caseNumber: 'GC-2027-00123',
    });
    expect(state.complaint.status).toBe('closed');

    const events = await withTenant(database.handle.db, org.id, (tx) =>
      listDossierEvents(tx, org.id, complaint.id),
    );
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('complaint.registered');
    for (const type of [
      'complaint.acknowledged',
      'complaint.information_requested',
      'complaint.information_received',
      'complaint.hearing_started',
      'complaint.hearing_statement_recorded',
      'complaint.hearing_statement_signed',
      'complaint.liability_flagged',
      'complaint.insurer_notified',
      'complaint.insurer_consultation_recorded',
      'complaint.delay_notice_sent',
      'complaint.decision_letter_sent',
      'complaint.closed',
      'complaint.kifid_referral_recorded',
    ]) {
      expect(types).toContain(type);
    }
    expect(types.filter((t) => t === 'complaint.action_refused').length).toBeGreaterThanOrEqual(8);
    // Free text never reaches the event log.
    expect(JSON.stringify(events.map((e) => e.data))).not.toMatch(/verzekeraar|expert|De Groot|polisnummer/i);
    expect((await verifyAllChains(database.handle.db)).broken).toEqual([]);
  });

  it('records a withdrawal and a decision in a meeting', async () => {
    const withdrawn = await createTestComplaint(
      database.handle.db,
      org,
      { handlerId: org.handler.id },
      clock,
    );
    const state = await takeStep(deps(), org.handler.context, withdrawn.id, { action: 'withdraw' });
    expect(state.complaint).toMatchObject({ status: 'withdrawn', outcome: 'ingetrokken' });
    expect(clockState(state, 'acknowledgment')?.state).toBe('not_applicable');

    const met = await createTestComplaint(database.handle.db, org, { handlerId: org.handler.id }, clock);
    await takeStep(deps(), org.handler.context, met.id, { action: 'acknowledge' });
    await takeStep(deps(), org.handler.context, met.id, {
      action: 'plan_meeting',
      scheduledFor: new Date(clock.now().getTime() + 86_400_000),
    });
    day(1);
    const decided = await takeStep(deps(), org.handler.context, met.id, {
      action: 'record_meeting',
      heldAt: clock.now(),
      minutes: 'Klant is tevreden met de uitleg.',
    });
    expect(decided.complaint.status).toBe('decided');
    expect(clockState(decided, 'decision')).toMatchObject({ state: 'met_on_time', metBy: 'meeting' });
  });

  it('lets no auditor act and shows every refusal before anyone tries', async () => {
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      { handlerId: org.handler.id },
      clock,
    );
    await expect(
      takeStep(deps(), org.auditor.context, complaint.id, { action: 'acknowledge' }),
    ).rejects.toMatchObject({
      status: 403,
      code: 'role_not_allowed',
    });
    const asAuditor = await getProcedureState(deps(), org.auditor.context, complaint.id);
    expect(asAuditor.actions.every((a) => !a.allowed)).toBe(true);
    const asHandler = await getProcedureState(deps(), org.handler.context, complaint.id);
    expect(asHandler.actions.find((a) => a.action === 'acknowledge')).toMatchObject({ allowed: true });
    expect(asHandler.actions.find((a) => a.action === 'close')).toMatchObject({
      allowed: false,
      refusals: expect.arrayContaining([expect.objectContaining({ code: 'role_not_allowed' })]),
    });
  });
});
