import { describe, expect, it } from 'vitest';
import type { ActingUser } from './acting-user.ts';
import { COMPLAINT_ACTIONS, type ActionRequest } from './actions.ts';
import { evaluateAction } from './decide-action.ts';
import { selfInvolvementRefusals } from './self-involvement.ts';
import {
  completeLetter,
  COORDINATOR,
  EMPLOYEE,
  env,
  hearing,
  inStatus,
  OTHER_HANDLER,
  refusalsOf,
} from './snapshot-fixtures.ts';

const INVOLVED_COORDINATOR: ActingUser = { id: 'u-boss', roles: ['coordinator'] };

describe('nobody handles, hears or decides a complaint about themselves', () => {
  const aboutTheCoordinator = inStatus('in_investigation', {
    involvedEmployeeIds: [INVOLVED_COORDINATOR.id],
    hearings: [hearing(INVOLVED_COORDINATOR.id, 'statement_draft')],
  });

  it.each(COMPLAINT_ACTIONS.filter((a) => a !== 'sign_hearing_statement'))(
    '%s is refused to an involved coordinator',
    (action) => {
      const found = selfInvolvementRefusals(aboutTheCoordinator, INVOLVED_COORDINATOR, action);
      expect(found).toEqual([
        expect.objectContaining({ code: 'self_involvement', details: { who: 'actor' } }),
      ]);
    },
  );

  it('still lets the involved coordinator sign their own statement', () => {
    const result = evaluateAction(
      aboutTheCoordinator,
      { action: 'sign_hearing_statement', employeeId: INVOLVED_COORDINATOR.id },
      env(INVOLVED_COORDINATOR),
    );
    expect(result.allowed).toBe(true);
  });

  it('refuses to assign an involved employee as handler', () => {
    const complaint = inStatus('received', { involvedEmployeeIds: [EMPLOYEE.id], handlerId: null });
    const result = evaluateAction(complaint, { action: 'assign_handler', handlerId: EMPLOYEE.id }, env());
    expect(result).toMatchObject({
      allowed: false,
      refusals: [{ code: 'self_involvement', details: { who: 'candidate' } }],
    });
    expect(
      evaluateAction(complaint, { action: 'assign_handler', handlerId: OTHER_HANDLER.id }, env()).allowed,
    ).toBe(true);
  });

  const handlerSteps: ActionRequest[] = [
    { action: 'start_hearing', employeeId: 'u-handler' },
    { action: 'plan_meeting', scheduledFor: new Date('2026-03-12T10:00:00Z') },
    { action: 'record_meeting', heldAt: new Date('2026-03-10T08:00:00Z') },
    { action: 'send_decision_letter', letter: completeLetter() },
  ];

  it.each(handlerSteps)('$action waits for another handler when the assigned one is involved', (request) => {
    // The handler was named as involved after the assignment; the coordinator cannot step around that.
    const complaint = inStatus('in_investigation', {
      involvedEmployeeIds: ['u-handler'],
      hearings: request.action === 'start_hearing' ? [] : [hearing('u-handler', 'signed')],
    });
    const result = evaluateAction(complaint, request, env(COORDINATOR));
    expect(result.allowed).toBe(false);
    expect(refusalsOf(result)).toContainEqual(
      expect.objectContaining({ code: 'self_involvement', details: { who: 'handler' } }),
    );
  });

  it('does not refuse the coordinator for an involved handler on steps that are not the handler’s', () => {
    const complaint = inStatus('in_investigation', { involvedEmployeeIds: ['u-handler'] });
    expect(selfInvolvementRefusals(complaint, COORDINATOR, 'assign_handler')).toEqual([]);
    expect(selfInvolvementRefusals(complaint, COORDINATOR, 'add_note')).toEqual([]);
  });
});
