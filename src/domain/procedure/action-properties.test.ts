import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLocalDate } from '../calendar/local-date.ts';
import type { ActingUser } from './acting-user.ts';
import { COMMUNICATIONS_TO_COMPLAINANT, COMPLAINT_ACTIONS, type ActionRequest } from './actions.ts';
import { CLOCK_STATES, computeClocks } from './clocks.ts';
import { COMPLAINT_STATUSES } from './complaint-state.ts';
import {
  HEARING_STATUSES,
  OUTCOMES,
  type ComplaintSnapshot,
  type HearingSnapshot,
} from './complaint-snapshot.ts';
import { availableActions, evaluateAction } from './decide-action.ts';
import { ACTION_EVENT_TYPES } from './procedure-events.ts';
import { REFUSAL_CODES } from './refusals.ts';
import { nextStatusOf } from './transitions.ts';
import {
  AUDITOR,
  calendar,
  completeLetter,
  COORDINATOR,
  EMPLOYEE,
  HANDLER,
  refusalsOf,
  codesOf,
  snapshot,
} from './snapshot-fixtures.ts';

const PEOPLE = ['u-coordinator', 'u-handler', 'u-employee', 'u-employee-2', 'u-auditor'] as const;
const START = Date.UTC(2026, 0, 1);
const YEAR = 365 * 86_400_000;

const instant = fc.integer({ min: START, max: START + YEAR }).map((ms) => new Date(ms));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const hearingArb = (employeeId: string): fc.Arbitrary<HearingSnapshot> =>
  fc.record({
    employeeId: fc.constant(employeeId),
    requestedAt: maybe(instant),
    status: fc.constantFrom(...HEARING_STATUSES),
    statementRecordedAt: maybe(instant),
    signedAt: maybe(instant),
    waivedAt: maybe(instant),
    waivedReason: maybe(fc.constantFrom('Uit dienst', '')),
  });

const snapshotArb: fc.Arbitrary<ComplaintSnapshot> = fc
  .record({
    status: fc.constantFrom(...COMPLAINT_STATUSES),
    receivedAt: instant,
    handlerId: maybe(fc.constantFrom(...PEOPLE)),
    involved: fc.subarray([...PEOPLE]),
    acknowledgmentSentAt: maybe(instant),
    requests: fc.array(
      fc.record({
        id: fc.constantFrom('r1', 'r2'),
        sentAt: instant,
        answeredAt: maybe(instant),
        closedAsNotNeededAt: maybe(instant),
      }),
      { maxLength: 2 },
    ),
    informationNotNeededAt: maybe(instant),
    flaggedAt: maybe(instant),
    consultations: fc.array(
      fc.record({ at: instant, withWhom: fc.constant('x'), agreed: fc.constant('y') }),
      {
        maxLength: 2,
      },
    ),
    perStep: fc.boolean(),
    delayNotices: fc.array(
      fc.record({
        sentAt: instant,
        reason: fc.constant('r'),
        newDate: fc
          .integer({ min: 1, max: 28 })
          .map((d) => parseLocalDate(`2026-05-${String(d).padStart(2, '0')}`)),
      }),
      { maxLength: 2 },
    ),
    decision: maybe(
      fc.record({ mode: fc.constantFrom('meeting' as const, 'letter' as const), communicatedAt: instant }),
    ),
    withdrawnAt: maybe(instant),
    category: maybe(fc.constantFrom('advies', '')),
    rootCause: maybe(fc.constantFrom('uitleg', '')),
    outcome: maybe(fc.constantFrom(...OUTCOMES)),
    affiliation: maybe(fc.constantFrom('300.001234', 'n.n.b.', '')),
  })
  .chain((r) =>
    fc.tuple(...r.involved.map((id) => fc.option(hearingArb(id), { nil: null }))).map((hearings) =>
      snapshot({
        status: r.status,
        receivedAt: r.receivedAt,
        handlerId: r.handlerId,
        involvedEmployeeIds: r.involved,
        acknowledgmentSentAt: r.acknowledgmentSentAt,
        informationRequests: r.requests,
        informationNotNeededAt: r.informationNotNeededAt,
        hearings: hearings.filter((h) => h !== null),
        liability: {
          flaggedAt: r.flaggedAt,
          insurerNotifiedAt: null,
          consultations: r.consultations,
          requireConsultationPerStep: r.perStep,
        },
        delayNotices: r.delayNotices,
        decision: r.decision,
        withdrawnAt: r.withdrawnAt,
        category: r.category,
        rootCause: r.rootCause,
        outcome: r.outcome,
        organisation: { kifidAffiliationNumber: r.affiliation },
      }),
    ),
  );

const actorArb: fc.Arbitrary<ActingUser> = fc.record({
  id: fc.constantFrom(...PEOPLE),
  roles: fc.subarray(['coordinator', 'handler', 'employee', 'auditor', 'admin'] as const),
});

const requestArb: fc.Arbitrary<ActionRequest> = fc.oneof(
  ...COMPLAINT_ACTIONS.map((action): fc.Arbitrary<ActionRequest> => {
    const employee = fc.constantFrom(...PEOPLE);
    switch (action) {
      case 'assign_handler':
        return employee.map((handlerId) => ({ action, handlerId }));
      case 'start_hearing':
      case 'record_hearing_statement':
      case 'sign_hearing_statement':
        return employee.map((employeeId) => ({ action, employeeId }));
      case 'waive_hearing':
        return fc.record({
          action: fc.constant(action),
          employeeId: employee,
          reason: fc.constantFrom('', 'ziek'),
        });
      case 'record_insurer_consultation':
        return fc.record({
          action: fc.constant(action),
          at: instant,
          withWhom: fc.constant('x'),
          agreed: fc.constant('y'),
        });
      case 'send_delay_notice':
        return fc.constant({ action, reason: 'r', newDate: parseLocalDate('2026-06-01') });
      case 'plan_meeting':
        return instant.map((scheduledFor) => ({ action, scheduledFor }));
      case 'record_meeting':
        return instant.map((heldAt) => ({ action, heldAt }));
      case 'send_decision_letter':
        return fc.constant({ action, letter: completeLetter() });
      case 'record_kifid_referral':
        return fc.constant({ action, caseNumber: 'GC-1' });
      case 'reclassify':
        return fc.constant({ action, kind: 'question' as const, reason: 'Een vraag, geen klacht.' });
      default:
        return fc.constant({ action });
    }
  }),
);

const CODES: readonly string[] = REFUSAL_CODES;

describe('properties of evaluateAction', () => {
  it('either allows with the table’s next status, or refuses with known codes and a message', () => {
    fc.assert(
      fc.property(snapshotArb, requestArb, actorArb, instant, (s, request, actor, now) => {
        const result = evaluateAction(s, request, { actor, now, calendar });
        const found = refusalsOf(result);
        expect(result.allowed).toBe(found.length === 0);
        expect(result.allowed ? result.nextStatus : null).toBe(
          result.allowed ? nextStatusOf(s.status, request.action) : null,
        );
        expect(result.events.map((e) => e.type)).toEqual([
          result.allowed ? ACTION_EVENT_TYPES[request.action] : 'complaint.action_refused',
        ]);
        expect(found.filter((r) => !CODES.includes(r.code) || r.message.length < 10)).toEqual([]);
        // Events are plain JSON: what goes into the hash chain comes back the same.
        expect(JSON.parse(JSON.stringify(result.events))).toEqual(result.events);
      }),
      { numRuns: 2000 },
    );
  });

  it('never lets an auditor or a bare administrator act', () => {
    fc.assert(
      fc.property(snapshotArb, requestArb, instant, (s, request, now) => {
        for (const actor of [AUDITOR, { id: 'u-admin', roles: ['admin', 'auditor'] } satisfies ActingUser]) {
          expect(evaluateAction(s, request, { actor, now, calendar }).allowed).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('allows a handler nothing that it refuses a coordinator', () => {
    fc.assert(
      fc.property(
        snapshotArb,
        // Signing is personal: the handler may sign their own statement, no coordinator can.
        requestArb.filter((r) => r.action !== 'sign_hearing_statement'),
        instant,
        (s, request, now) => {
          const assigned = { ...s, handlerId: HANDLER.id };
          const byHandler = evaluateAction(assigned, request, { actor: HANDLER, now, calendar });
          // A coordinator the complaint is not about; an involved one is refused on other grounds.
          const coordinator: ActingUser = { id: 'u-coordinator-elsewhere', roles: COORDINATOR.roles };
          const byCoordinator = evaluateAction(assigned, request, { actor: coordinator, now, calendar });
          expect(!byHandler.allowed || byCoordinator.allowed).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('sends nothing to the complainant while a flag lacks a consultation', () => {
    fc.assert(
      fc.property(
        snapshotArb,
        requestArb.filter((r) => COMMUNICATIONS_TO_COMPLAINANT.includes(r.action)),
        actorArb,
        instant,
        (s, request, actor, now) => {
          const flagged = { ...s, liability: { ...s.liability, flaggedAt: s.receivedAt, consultations: [] } };
          const result = evaluateAction(flagged, request, { actor, now, calendar });
          expect(codesOf(result)).toContain('insurer_consultation_required');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never lets an involved person do anything but sign', () => {
    fc.assert(
      fc.property(
        snapshotArb,
        requestArb.filter((r) => r.action !== 'sign_hearing_statement'),
        instant,
        (s, request, now) => {
          const about = { ...s, involvedEmployeeIds: [...s.involvedEmployeeIds, EMPLOYEE.id] };
          const actor: ActingUser = { id: EMPLOYEE.id, roles: ['coordinator', 'handler', 'employee'] };
          expect(codesOf(evaluateAction(about, request, { actor, now, calendar }))).toContain(
            'self_involvement',
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never refuses in the list of possible steps what it would allow with input', () => {
    fc.assert(
      fc.property(snapshotArb, requestArb, actorArb, instant, (s, request, actor, now) => {
        const env = { actor, now, calendar };
        const withInput = evaluateAction(s, request, env);
        const listed = availableActions(s, env).find((a) => a.action === request.action);
        expect(!withInput.allowed || listed?.allowed === true).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('computes clocks for any complaint, each with a Dutch explanation', () => {
    fc.assert(
      fc.property(snapshotArb, instant, (s, now) => {
        for (const clock of computeClocks(s, calendar, now)) {
          expect(clock.explanation.length).toBeGreaterThan(10);
          expect(clock.dueDate === null).toBe(clock.dueAt === null);
          // Only informative clocks elapse, and they are never met, late or missed.
          expect(
            clock.informative
              ? ['open', 'elapsed', 'not_applicable']
              : CLOCK_STATES.filter((x) => x !== 'elapsed'),
          ).toContain(clock.state);
          expect(clock.metAt === null).toBe(clock.state !== 'met_on_time' && clock.state !== 'met_late');
        }
      }),
      { numRuns: 500 },
    );
  });
});
