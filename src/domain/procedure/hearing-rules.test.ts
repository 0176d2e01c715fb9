import { describe, expect, it } from 'vitest';
import type { ActingUser } from './acting-user.ts';
import type { ActionRequest } from './actions.ts';
import type { HearingSnapshot } from './complaint-snapshot.ts';
import { availableActions, evaluateAction } from './decide-action.ts';
import { hearingGateRefusals } from './hearing-rules.ts';
import {
  codesOf,
  completeLetter,
  COORDINATOR,
  EMPLOYEE,
  env,
  HANDLER,
  hearing,
  inStatus,
  SECOND_EMPLOYEE,
} from './snapshot-fixtures.ts';

const involved = [EMPLOYEE.id, SECOND_EMPLOYEE.id];

function withHearings(hearings: readonly HearingSnapshot[]) {
  return inStatus('in_investigation', { involvedEmployeeIds: involved, hearings });
}

describe('the hearing gate before a decision (R4)', () => {
  it.each([
    { name: 'no hearing started', hearings: [], open: involved },
    { name: 'one requested', hearings: [hearing(EMPLOYEE.id, 'requested')], open: involved },
    {
      name: 'statements written but not signed',
      hearings: [hearing(EMPLOYEE.id, 'statement_draft'), hearing(SECOND_EMPLOYEE.id, 'statement_draft')],
      open: involved,
    },
    {
      name: 'one signed, one open',
      hearings: [hearing(EMPLOYEE.id, 'signed'), hearing(SECOND_EMPLOYEE.id, 'requested')],
      open: [SECOND_EMPLOYEE.id],
    },
    {
      name: 'one signed, one waived',
      hearings: [hearing(EMPLOYEE.id, 'signed'), hearing(SECOND_EMPLOYEE.id, 'waived')],
      open: [],
    },
  ])('$name', ({ hearings, open }) => {
    const snapshot = withHearings(hearings);
    expect(hearingGateRefusals(snapshot).map((r) => r.details?.['employeeId'])).toEqual(open);
    for (const request of [
      { action: 'record_meeting', heldAt: new Date('2026-03-10T08:00:00Z') },
      { action: 'send_decision_letter', letter: completeLetter() },
    ] satisfies ActionRequest[]) {
      const result = evaluateAction(snapshot, request, env());
      const codes = codesOf(result);
      expect(codes).toEqual(open.map(() => 'hearing_incomplete'));
    }
  });

  it('needs no hearing when nobody is involved', () => {
    expect(hearingGateRefusals(inStatus('in_investigation'))).toEqual([]);
  });
});

describe('the hearing steps', () => {
  const cases: ReadonlyArray<{
    name: string;
    hearings: readonly HearingSnapshot[];
    request: ActionRequest;
    actor?: ActingUser;
    codes: readonly string[];
  }> = [
    { name: 'start', hearings: [], request: { action: 'start_hearing', employeeId: EMPLOYEE.id }, codes: [] },
    {
      name: 'start again',
      hearings: [hearing(EMPLOYEE.id, 'requested')],
      request: { action: 'start_hearing', employeeId: EMPLOYEE.id },
      codes: ['hearing_already_started'],
    },
    {
      name: 'start for someone not involved',
      hearings: [],
      request: { action: 'start_hearing', employeeId: 'u-stranger' },
      codes: ['not_involved_employee'],
    },
    {
      name: 'record a statement before the hearing started',
      hearings: [],
      request: { action: 'record_hearing_statement', employeeId: EMPLOYEE.id },
      codes: ['hearing_not_requested'],
    },
    {
      name: 'record a statement',
      hearings: [hearing(EMPLOYEE.id, 'requested')],
      request: { action: 'record_hearing_statement', employeeId: EMPLOYEE.id },
      codes: [],
    },
    {
      name: 'rewrite a statement not yet signed',
      hearings: [hearing(EMPLOYEE.id, 'statement_draft')],
      request: { action: 'record_hearing_statement', employeeId: EMPLOYEE.id },
      codes: [],
    },
    {
      name: 'rewrite a signed statement',
      hearings: [hearing(EMPLOYEE.id, 'signed')],
      request: { action: 'record_hearing_statement', employeeId: EMPLOYEE.id },
      codes: ['hearing_already_completed'],
    },
    {
      name: 'sign before there is a statement',
      hearings: [hearing(EMPLOYEE.id, 'requested')],
      request: { action: 'sign_hearing_statement', employeeId: EMPLOYEE.id },
      actor: EMPLOYEE,
      codes: ['hearing_statement_missing'],
    },
    {
      name: 'sign',
      hearings: [hearing(EMPLOYEE.id, 'statement_draft')],
      request: { action: 'sign_hearing_statement', employeeId: EMPLOYEE.id },
      actor: EMPLOYEE,
      codes: [],
    },
    {
      name: 'sign twice',
      hearings: [hearing(EMPLOYEE.id, 'signed')],
      request: { action: 'sign_hearing_statement', employeeId: EMPLOYEE.id },
      actor: EMPLOYEE,
      codes: ['hearing_already_completed'],
    },
    {
      name: 'sign a colleague’s statement',
      hearings: [hearing(SECOND_EMPLOYEE.id, 'statement_draft')],
      request: { action: 'sign_hearing_statement', employeeId: SECOND_EMPLOYEE.id },
      actor: EMPLOYEE,
      codes: ['not_own_hearing'],
    },
    {
      name: 'waive before asking',
      hearings: [],
      request: { action: 'waive_hearing', employeeId: EMPLOYEE.id, reason: 'Uit dienst.' },
      codes: [],
    },
    {
      name: 'waive an open hearing',
      hearings: [hearing(EMPLOYEE.id, 'statement_draft')],
      request: { action: 'waive_hearing', employeeId: EMPLOYEE.id, reason: 'Uit dienst.' },
      codes: [],
    },
    {
      name: 'waive without a reason',
      hearings: [],
      request: { action: 'waive_hearing', employeeId: EMPLOYEE.id, reason: '  ' },
      codes: ['waiver_reason_missing'],
    },
    {
      name: 'waive a signed hearing',
      hearings: [hearing(EMPLOYEE.id, 'signed')],
      request: { action: 'waive_hearing', employeeId: EMPLOYEE.id, reason: 'Uit dienst.' },
      codes: ['hearing_already_completed'],
    },
    {
      name: 'waive as handler',
      hearings: [],
      request: { action: 'waive_hearing', employeeId: EMPLOYEE.id, reason: 'Uit dienst.' },
      actor: HANDLER,
      codes: ['role_not_allowed'],
    },
  ];

  it.each(cases)('$name', ({ hearings, request, actor, codes }) => {
    const result = evaluateAction(withHearings(hearings), request, env(actor ?? COORDINATOR));
    expect(codesOf(result)).toEqual(codes);
  });

  it('records the waiver reason only as a digest', () => {
    const result = evaluateAction(
      withHearings([]),
      { action: 'waive_hearing', employeeId: EMPLOYEE.id, reason: 'Langdurig ziek' },
      env(),
    );
    expect(result.allowed).toBe(true);
    expect(JSON.stringify(result.events)).not.toContain('ziek');
    expect(result.events[0]).toMatchObject({
      type: 'complaint.hearing_waived',
      data: { employeeId: EMPLOYEE.id },
    });
  });

  it('lists what can still be done about hearings before anyone asks', () => {
    const allowed = (actor: ActingUser, hearings: readonly HearingSnapshot[]) =>
      availableActions(withHearings(hearings), env(actor))
        .filter((a) => a.allowed && a.action.includes('hearing'))
        .map((a) => a.action);
    expect(allowed(COORDINATOR, [])).toEqual(['start_hearing', 'waive_hearing']);
    expect(
      allowed(COORDINATOR, [hearing(EMPLOYEE.id, 'signed'), hearing(SECOND_EMPLOYEE.id, 'waived')]),
    ).toEqual([]);
    expect(allowed(EMPLOYEE, [hearing(EMPLOYEE.id, 'statement_draft')])).toEqual(['sign_hearing_statement']);
    expect(allowed(EMPLOYEE, [hearing(EMPLOYEE.id, 'requested')])).toEqual([]);
    const noneOpen = availableActions(
      withHearings([hearing(EMPLOYEE.id, 'signed'), hearing(SECOND_EMPLOYEE.id, 'signed')]),
      env(),
    ).find((a) => a.action === 'record_hearing_statement');
    expect(noneOpen?.refusals.map((r) => r.code)).toEqual(['no_open_hearing']);
  });
});
