import { describe, expect, it } from 'vitest';
import type { ActingUser } from './acting-user.ts';
import { COMPLAINT_ACTIONS, type ComplaintAction } from './actions.ts';
import { ROLE_RULES, roleRefusals } from './role-rules.ts';
import {
  ADMIN,
  ADMIN_COORDINATOR,
  AUDITOR,
  COORDINATOR,
  EMPLOYEE,
  HANDLER,
  inStatus,
  OTHER_HANDLER,
  SECOND_EMPLOYEE,
} from './snapshot-fixtures.ts';

const COORDINATOR_ONLY: readonly ComplaintAction[] = [
  'assign_handler',
  'waive_hearing',
  'close',
  'record_kifid_referral',
  'reclassify',
];

// The complaint is assigned to HANDLER; EMPLOYEE is the person it is about.
const complaint = inStatus('in_investigation', { involvedEmployeeIds: [EMPLOYEE.id] });

function codes(actor: ActingUser, action: ComplaintAction): string[] {
  return roleRefusals(complaint, actor, action).map((r) => r.code);
}

describe('who may take which step', () => {
  // Expected codes per kind of user; an empty list means allowed.
  const rows = COMPLAINT_ACTIONS.map((action) => {
    const signing = action === 'sign_hearing_statement';
    return {
      action,
      coordinator: signing ? ['not_own_hearing'] : [],
      handler: signing ? ['not_own_hearing'] : COORDINATOR_ONLY.includes(action) ? ['role_not_allowed'] : [],
      employee: signing ? [] : ['role_not_allowed'],
    };
  });

  it.each(rows)(
    '$action: coordinator $coordinator, assigned handler $handler, own employee $employee',
    (row) => {
      expect(codes(COORDINATOR, row.action)).toEqual(row.coordinator);
      expect(codes(ADMIN_COORDINATOR, row.action)).toEqual(row.coordinator);
      expect(codes(HANDLER, row.action)).toEqual(row.handler);
      expect(codes(EMPLOYEE, row.action)).toEqual(row.employee);
    },
  );

  it.each(COMPLAINT_ACTIONS)('%s: an auditor or an administrator alone may not', (action) => {
    const expected = action === 'sign_hearing_statement' ? 'not_own_hearing' : 'role_not_allowed';
    expect(codes(AUDITOR, action)).toEqual([expected]);
    expect(codes(ADMIN, action)).toEqual([expected]);
  });

  it.each(COMPLAINT_ACTIONS.filter((a) => ROLE_RULES[a].includes('assigned_handler')))(
    '%s: a handler of another complaint is told so',
    (action) => {
      const found = roleRefusals(complaint, OTHER_HANDLER, action);
      expect(found.map((r) => r.code)).toEqual(['not_assigned_handler']);
      expect(found[0]?.message).toContain('niet de behandelaar van deze klacht');
    },
  );

  it('lets an employee sign only their own statement', () => {
    const twoInvolved = inStatus('in_investigation', {
      involvedEmployeeIds: [EMPLOYEE.id, SECOND_EMPLOYEE.id],
    });
    const own = { action: 'sign_hearing_statement', employeeId: EMPLOYEE.id } as const;
    const other = { action: 'sign_hearing_statement', employeeId: SECOND_EMPLOYEE.id } as const;
    expect(roleRefusals(twoInvolved, EMPLOYEE, 'sign_hearing_statement', own)).toEqual([]);
    expect(roleRefusals(twoInvolved, EMPLOYEE, 'sign_hearing_statement', other).map((r) => r.code)).toEqual([
      'not_own_hearing',
    ]);
    // Someone who is not involved signs nothing, whatever their roles.
    expect(roleRefusals(twoInvolved, COORDINATOR, 'sign_hearing_statement', own).map((r) => r.code)).toEqual([
      'not_own_hearing',
    ]);
  });

  it('lets an involved handler sign their own statement, but not an involved auditor', () => {
    const aboutAHandler = inStatus('in_investigation', {
      involvedEmployeeIds: [OTHER_HANDLER.id, 'u-auditor'],
    });
    expect(roleRefusals(aboutAHandler, OTHER_HANDLER, 'sign_hearing_statement')).toEqual([]);
    expect(roleRefusals(aboutAHandler, AUDITOR, 'sign_hearing_statement').map((r) => r.code)).toEqual([
      'not_own_hearing',
    ]);
  });

  it('gives a handler without an assignment no handler rights', () => {
    const unassigned = inStatus('received', { handlerId: null });
    expect(roleRefusals(unassigned, HANDLER, 'acknowledge').map((r) => r.code)).toEqual([
      'not_assigned_handler',
    ]);
    expect(roleRefusals(unassigned, COORDINATOR, 'acknowledge')).toEqual([]);
  });
});
