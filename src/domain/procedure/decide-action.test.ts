import { describe, expect, it } from 'vitest';
import type { ActingUser } from './acting-user.ts';
import { COMPLAINT_ACTIONS, type ActionRequest } from './actions.ts';
import type { ComplaintSnapshot, InformationRequestSnapshot } from './complaint-snapshot.ts';
import { availableActions, evaluateAction } from './decide-action.ts';
import {
  at,
  AUDITOR,
  codesOf,
  COORDINATOR,
  env,
  HANDLER,
  inStatus,
  NOW,
  OTHER_HANDLER,
} from './snapshot-fixtures.ts';

const openRequest = (id: string, sentAt: string): InformationRequestSnapshot => ({
  id,
  sentAt: at(sentAt),
  answeredAt: null,
  closedAsNotNeededAt: null,
});

function codes(
  snapshot: ComplaintSnapshot,
  request: ActionRequest,
  actor: ActingUser = COORDINATOR,
): string[] {
  const result = evaluateAction(snapshot, request, env(actor));
  return codesOf(result);
}

describe('the conditions of each step', () => {
  const investigating = inStatus('in_investigation');
  const withRequests = (requests: readonly InformationRequestSnapshot[]) =>
    inStatus('in_investigation', { informationRequests: requests });

  it.each([
    {
      name: 'acknowledge without a handler',
      snapshot: inStatus('received', { handlerId: null }),
      request: { action: 'acknowledge' },
      codes: ['handler_missing'],
    },
    {
      name: 'assign nobody',
      snapshot: investigating,
      request: { action: 'assign_handler', handlerId: ' ' },
      codes: ['handler_missing'],
    },
    {
      name: 'register an answer without a request',
      snapshot: investigating,
      request: { action: 'register_information_received' },
      codes: ['no_open_information_request'],
    },
    {
      name: 'register an answer to an unknown request',
      snapshot: withRequests([openRequest('r1', '2026-03-04T10:00:00Z')]),
      request: { action: 'register_information_received', requestId: 'r2' },
      codes: ['no_open_information_request'],
    },
    {
      name: 'register an answer to an answered request',
      snapshot: withRequests([
        { ...openRequest('r1', '2026-03-04T10:00:00Z'), answeredAt: at('2026-03-05T10:00:00Z') },
      ]),
      request: { action: 'register_information_received', requestId: 'r1' },
      codes: ['no_open_information_request'],
    },
    {
      name: 'close as not needed when nothing was asked',
      snapshot: investigating,
      request: { action: 'close_information_not_needed' },
      codes: [],
    },
    {
      name: 'close as not needed a second time',
      snapshot: inStatus('in_investigation', { informationNotNeededAt: at('2026-03-04T10:00:00Z') }),
      request: { action: 'close_information_not_needed' },
      codes: ['information_already_settled'],
    },
    {
      name: 'close an open request as not needed',
      snapshot: withRequests([openRequest('r1', '2026-03-04T10:00:00Z')]),
      request: { action: 'close_information_not_needed' },
      codes: [],
    },
    {
      name: 'close as not needed after the answer came',
      snapshot: withRequests([
        { ...openRequest('r1', '2026-03-04T10:00:00Z'), answeredAt: at('2026-03-05T10:00:00Z') },
      ]),
      request: { action: 'close_information_not_needed' },
      codes: ['information_already_settled'],
    },
    {
      name: 'plan a meeting in the past',
      snapshot: investigating,
      request: { action: 'plan_meeting', scheduledFor: at('2026-03-10T09:00:00Z') },
      codes: ['meeting_time_invalid'],
    },
    {
      name: 'confirm a meeting that was never planned',
      snapshot: investigating,
      request: { action: 'confirm_meeting' },
      codes: ['no_meeting_planned'],
    },
    {
      name: 'confirm a planned meeting whose time has passed',
      snapshot: inStatus('in_investigation', {
        meeting: { invitedAt: at('2026-03-05T09:00:00Z'), scheduledFor: at('2026-03-09T13:00:00Z') },
      }),
      request: { action: 'confirm_meeting' },
      codes: ['meeting_time_invalid'],
    },
    {
      name: 'confirm a meeting moved into the past',
      snapshot: inStatus('in_investigation', {
        meeting: { invitedAt: at('2026-03-05T09:00:00Z'), scheduledFor: at('2026-03-12T13:00:00Z') },
      }),
      request: { action: 'confirm_meeting', scheduledFor: at('2026-03-10T09:00:00Z') },
      codes: ['meeting_time_invalid'],
    },
    {
      name: 'record a meeting in the future',
      snapshot: investigating,
      request: { action: 'record_meeting', heldAt: at('2026-03-10T12:00:00Z') },
      codes: ['meeting_time_invalid'],
    },
    {
      name: 'record a meeting before the complaint came in',
      snapshot: investigating,
      request: { action: 'record_meeting', heldAt: at('2026-03-01T12:00:00Z') },
      codes: ['meeting_time_invalid'],
    },
    {
      name: 'record a meeting at an invalid moment',
      snapshot: investigating,
      request: { action: 'record_meeting', heldAt: new Date(Number.NaN) },
      codes: ['meeting_time_invalid'],
    },
    {
      name: 'record a KiFiD referral without a case number',
      snapshot: inStatus('closed'),
      request: { action: 'record_kifid_referral', caseNumber: '' },
      codes: ['kifid_case_number_missing'],
    },
  ] satisfies ReadonlyArray<{
    name: string;
    snapshot: ComplaintSnapshot;
    request: ActionRequest;
    codes: string[];
  }>)('$name', ({ snapshot, request, codes: expected }) => {
    expect(codes(snapshot, request)).toEqual(expected);
  });

  it('answers the oldest open request when none is named', () => {
    const snapshot = withRequests([
      openRequest('r2', '2026-03-06T10:00:00Z'),
      openRequest('r1', '2026-03-04T10:00:00Z'),
    ]);
    const result = evaluateAction(snapshot, { action: 'register_information_received' }, env());
    expect(result).toMatchObject({ allowed: true, events: [{ data: { requestId: 'r1' } }] });
  });

  it('tells whether closing as not needed settles the 10-day clock', () => {
    const fresh = evaluateAction(inStatus('acknowledged'), { action: 'close_information_not_needed' }, env());
    expect(fresh).toMatchObject({
      allowed: true,
      nextStatus: 'in_investigation',
      events: [{ data: { closedRequestIds: [], settlesMissingInformationClock: true } }],
    });
    const open = evaluateAction(
      withRequests([openRequest('r1', '2026-03-04T10:00:00Z')]),
      { action: 'close_information_not_needed' },
      env(),
    );
    expect(open).toMatchObject({
      events: [{ data: { closedRequestIds: ['r1'], settlesMissingInformationClock: false } }],
    });
  });
});

describe('listing every reason at once', () => {
  it('gives a handler of another complaint all reasons, in a stable order', () => {
    const snapshot = inStatus('received', {
      involvedEmployeeIds: [OTHER_HANDLER.id],
      liability: {
        flaggedAt: at('2026-03-03T10:00:00Z'),
        insurerNotifiedAt: null,
        consultations: [],
        requireConsultationPerStep: true,
      },
      organisation: { kifidAffiliationNumber: 'n.n.b.' },
    });
    const result = evaluateAction(
      snapshot,
      {
        action: 'send_decision_letter',
        letter: {
          receivedDate: null,
          complaintSummary: 'x',
          investigationResults: 'x',
          judgment: 'x',
          followUpActions: 'x',
          furtherContact: 'x',
          disputesBody: null,
        },
      },
      env(OTHER_HANDLER),
    );
    expect(codesOf(result)).toEqual([
      'not_assigned_handler',
      'illegal_transition',
      'self_involvement',
      'insurer_consultation_required',
      'hearing_incomplete',
      'affiliation_number_missing',
      'decision_letter_incomplete',
      'decision_letter_incomplete',
    ]);
    expect(result.events).toEqual([
      {
        type: 'complaint.action_refused',
        data: {
          action: 'send_decision_letter',
          status: 'received',
          refusals: [
            { code: 'not_assigned_handler' },
            { code: 'illegal_transition', status: 'received' },
            { code: 'self_involvement', who: 'actor' },
            { code: 'insurer_consultation_required', since: 'flag' },
            { code: 'hearing_incomplete', employeeId: OTHER_HANDLER.id },
            { code: 'affiliation_number_missing' },
            { code: 'decision_letter_incomplete', element: 'a', field: 'receivedDate' },
            { code: 'decision_letter_incomplete', element: 'g', field: 'disputesBody' },
          ],
        },
      },
    ]);
  });

  it('lists every action for every user', () => {
    for (const actor of [COORDINATOR, HANDLER, AUDITOR]) {
      const list = availableActions(inStatus('in_investigation'), env(actor, NOW));
      expect(list.map((a) => a.action)).toEqual([...COMPLAINT_ACTIONS]);
      for (const entry of list) expect(entry.allowed).toBe(entry.refusals.length === 0);
    }
  });

  it('shows a handler what they can do on a fresh complaint', () => {
    const allowed = availableActions(inStatus('received'), env(HANDLER))
      .filter((a) => a.allowed)
      .map((a) => a.action);
    expect(allowed).toEqual(['acknowledge', 'flag_liability', 'withdraw', 'add_note']);
  });

  it('shows an auditor nothing to do', () => {
    expect(availableActions(inStatus('in_investigation'), env(AUDITOR)).filter((a) => a.allowed)).toEqual([]);
  });
});
