import { describe, expect, it } from 'vitest';
import type { ActingUser } from './acting-user.ts';
import { COMPLAINT_ACTIONS, type ActionRequest, type ComplaintAction } from './actions.ts';
import { COMPLAINT_STATUSES, type ComplaintStatus } from './complaint-state.ts';
import type { ComplaintSnapshot } from './complaint-snapshot.ts';
import { evaluateAction } from './decide-action.ts';
import {
  at,
  completeLetter,
  COORDINATOR,
  day,
  EMPLOYEE,
  env,
  hearing,
  inStatus,
  NOW,
  codesOf,
  refusalsOf,
} from './snapshot-fixtures.ts';
import { nextStatusOf, TRANSITIONS } from './transitions.ts';

interface Setup {
  readonly request: ActionRequest;
  readonly prepare?: (s: ComplaintSnapshot) => ComplaintSnapshot;
  readonly actor?: ActingUser;
}

const withEmployee = (status: 'requested' | 'statement_draft' | null) => (s: ComplaintSnapshot) => ({
  ...s,
  involvedEmployeeIds: [EMPLOYEE.id],
  hearings: status === null ? [] : [hearing(EMPLOYEE.id, status)],
});

const flagged = (s: ComplaintSnapshot): ComplaintSnapshot => ({
  ...s,
  liability: { ...s.liability, flaggedAt: at('2026-03-09T09:00:00Z') },
});

/** Per action: input and circumstances that satisfy every rule except the status. */
const SETUPS: Record<ComplaintAction, Setup> = {
  acknowledge: { request: { action: 'acknowledge' } },
  assign_handler: { request: { action: 'assign_handler', handlerId: 'u-other' } },
  request_information: { request: { action: 'request_information' } },
  register_information_received: {
    request: { action: 'register_information_received', requestId: 'r1' },
    prepare: (s) => ({
      ...s,
      informationRequests: [
        { id: 'r1', sentAt: at('2026-03-04T10:00:00Z'), answeredAt: null, closedAsNotNeededAt: null },
      ],
    }),
  },
  close_information_not_needed: { request: { action: 'close_information_not_needed' } },
  start_hearing: {
    request: { action: 'start_hearing', employeeId: EMPLOYEE.id },
    prepare: withEmployee(null),
  },
  record_hearing_statement: {
    request: { action: 'record_hearing_statement', employeeId: EMPLOYEE.id },
    prepare: withEmployee('requested'),
  },
  sign_hearing_statement: {
    request: { action: 'sign_hearing_statement', employeeId: EMPLOYEE.id },
    prepare: withEmployee('statement_draft'),
    actor: EMPLOYEE,
  },
  waive_hearing: {
    request: { action: 'waive_hearing', employeeId: EMPLOYEE.id, reason: 'Langdurig ziek.' },
    prepare: withEmployee('requested'),
  },
  flag_liability: { request: { action: 'flag_liability' } },
  notify_insurer: { request: { action: 'notify_insurer' }, prepare: flagged },
  record_insurer_consultation: {
    request: {
      action: 'record_insurer_consultation',
      at: at('2026-03-09T15:00:00Z'),
      withWhom: 'Schadeafdeling verzekeraar',
      agreed: 'Geen erkenning van aansprakelijkheid.',
    },
    prepare: flagged,
  },
  send_delay_notice: {
    request: {
      action: 'send_delay_notice',
      reason: 'Wachten op stukken van de maatschappij.',
      newDate: day('2026-04-20'),
    },
  },
  plan_meeting: { request: { action: 'plan_meeting', scheduledFor: at('2026-03-12T13:00:00Z') } },
  confirm_meeting: {
    request: { action: 'confirm_meeting' },
    prepare: (s) => ({
      ...s,
      meeting: { invitedAt: at('2026-03-09T09:00:00Z'), scheduledFor: at('2026-03-12T13:00:00Z') },
    }),
  },
  record_meeting: { request: { action: 'record_meeting', heldAt: at('2026-03-10T08:00:00Z') } },
  send_decision_letter: { request: { action: 'send_decision_letter', letter: completeLetter() } },
  close: {
    request: {
      action: 'close',
      category: 'advies',
      rootCause: 'uitleg onvoldoende',
      outcome: 'deels_gegrond',
    },
  },
  withdraw: { request: { action: 'withdraw' } },
  reclassify: {
    request: { action: 'reclassify', kind: 'question', reason: 'Het is een vraag over de dekking.' },
  },
  record_kifid_referral: {
    request: { action: 'record_kifid_referral', caseNumber: 'GC-2026-0815', outcome: null },
  },
  add_note: { request: { action: 'add_note' } },
};

// The full table, written out rather than derived, so that a change to TRANSITIONS shows up here.
const EXPECTED: Record<ComplaintAction, Partial<Record<ComplaintStatus, ComplaintStatus>>> = {
  acknowledge: { received: 'acknowledged' },
  assign_handler: {
    received: 'received',
    acknowledged: 'acknowledged',
    in_investigation: 'in_investigation',
    decided: 'decided',
  },
  request_information: { acknowledged: 'in_investigation', in_investigation: 'in_investigation' },
  register_information_received: { in_investigation: 'in_investigation' },
  close_information_not_needed: { acknowledged: 'in_investigation', in_investigation: 'in_investigation' },
  start_hearing: { acknowledged: 'in_investigation', in_investigation: 'in_investigation' },
  record_hearing_statement: { in_investigation: 'in_investigation' },
  sign_hearing_statement: { in_investigation: 'in_investigation' },
  waive_hearing: { acknowledged: 'in_investigation', in_investigation: 'in_investigation' },
  flag_liability: {
    received: 'received',
    acknowledged: 'acknowledged',
    in_investigation: 'in_investigation',
    decided: 'decided',
  },
  notify_insurer: {
    received: 'received',
    acknowledged: 'acknowledged',
    in_investigation: 'in_investigation',
    decided: 'decided',
  },
  record_insurer_consultation: {
    received: 'received',
    acknowledged: 'acknowledged',
    in_investigation: 'in_investigation',
    decided: 'decided',
  },
  send_delay_notice: { acknowledged: 'in_investigation', in_investigation: 'in_investigation' },
  plan_meeting: { acknowledged: 'in_investigation', in_investigation: 'in_investigation' },
  confirm_meeting: { in_investigation: 'in_investigation' },
  record_meeting: { acknowledged: 'decided', in_investigation: 'decided' },
  send_decision_letter: { acknowledged: 'decided', in_investigation: 'decided' },
  close: { decided: 'closed' },
  withdraw: { received: 'withdrawn', acknowledged: 'withdrawn', in_investigation: 'withdrawn' },
  reclassify: { received: 'reclassified', acknowledged: 'reclassified', in_investigation: 'reclassified' },
  record_kifid_referral: { closed: 'closed' },
  add_note: {
    received: 'received',
    acknowledged: 'acknowledged',
    in_investigation: 'in_investigation',
    decided: 'decided',
    closed: 'closed',
    withdrawn: 'withdrawn',
    reclassified: 'reclassified',
  },
};

const PAIRS = COMPLAINT_ACTIONS.flatMap((action) =>
  COMPLAINT_STATUSES.map((status) => ({ action, status, expected: EXPECTED[action][status] ?? null })),
);

describe('the state machine', () => {
  it('has a written expectation for every action', () => {
    expect(Object.keys(EXPECTED).toSorted()).toEqual([...COMPLAINT_ACTIONS].toSorted());
  });

  it.each(PAIRS.filter((p) => p.expected !== null))(
    '$action from $status → $expected',
    ({ action, status, expected }) => {
      const setup = SETUPS[action];
      const prepared = (setup.prepare ?? ((s) => s))(inStatus(status));
      const result = evaluateAction(prepared, setup.request, env(setup.actor ?? COORDINATOR, NOW));
      expect(nextStatusOf(status, action)).toBe(expected);
      expect(result).toMatchObject({ allowed: true, nextStatus: expected });
      expect(result.events).toEqual([
        expect.objectContaining({
          data: expect.objectContaining({ action, statusFrom: status, statusTo: expected }),
        }),
      ]);
    },
  );

  it.each(PAIRS.filter((p) => p.expected === null))(
    '$action from $status is refused',
    ({ action, status }) => {
      const setup = SETUPS[action];
      const prepared = (setup.prepare ?? ((s) => s))(inStatus(status));
      const result = evaluateAction(prepared, setup.request, env(setup.actor ?? COORDINATOR, NOW));
      expect(nextStatusOf(status, action)).toBeNull();
      // Everything else is in order, so the status is the only reason.
      expect(result).toMatchObject({
        allowed: false,
        refusals: [{ code: 'illegal_transition', details: { status } }],
      });
      expect(codesOf(result)).toEqual(['illegal_transition']);
      expect(result.events).toEqual([
        {
          type: 'complaint.action_refused',
          data: { action, status, refusals: [{ code: 'illegal_transition', status }] },
        },
      ]);
    },
  );

  it('records how the position was given', () => {
    const meeting = evaluateAction(inStatus('in_investigation'), SETUPS.record_meeting.request, env());
    const letter = evaluateAction(inStatus('in_investigation'), SETUPS.send_decision_letter.request, env());
    expect(meeting).toMatchObject({ allowed: true, nextStatus: 'decided', decisionMode: 'meeting' });
    expect(letter).toMatchObject({ allowed: true, nextStatus: 'decided', decisionMode: 'letter' });
    const closed = evaluateAction(inStatus('decided'), SETUPS.close.request, env());
    expect(closed).toMatchObject({ allowed: true, nextStatus: 'closed', decisionMode: 'letter' });
  });

  it('names the status and a next step in the Dutch message', () => {
    const result = evaluateAction(inStatus('received'), SETUPS.request_information.request, env());
    expect(refusalsOf(result).map((r) => r.message)).toEqual([
      'Deze stap (om ontbrekende informatie vragen) kan niet bij een klacht met de status "ontvangen". Bevestig eerst de ontvangst van de klacht.',
    ]);
  });

  it('keeps every rule of the table consistent with nextStatusOf', () => {
    for (const [action, rule] of Object.entries(TRANSITIONS)) {
      for (const status of COMPLAINT_STATUSES) {
        const next = nextStatusOf(status, action as ComplaintAction);
        expect(next === null).toBe(!rule.from.includes(status));
      }
    }
  });
});
