import { describe, expect, it } from 'vitest';
import { COMMUNICATIONS_TO_COMPLAINANT, COMPLAINT_ACTIONS, type ComplaintAction } from './actions.ts';
import type { ComplaintSnapshot, InsurerConsultation } from './complaint-snapshot.ts';
import { evaluateAction } from './decide-action.ts';
import { liabilityGateRefusal } from './liability-gate.ts';
import { at, codesOf, day, env, inStatus, refusalsOf } from './snapshot-fixtures.ts';

const FLAGGED_AT = at('2026-03-04T10:00:00Z');

function consultation(iso: string): InsurerConsultation {
  return { at: at(iso), withWhom: 'Schadeafdeling', agreed: 'Afgesproken: geen erkenning.' };
}

function complaint(
  consultations: readonly InsurerConsultation[],
  perStep: boolean,
  overrides: Partial<ComplaintSnapshot> = {},
): ComplaintSnapshot {
  return inStatus('in_investigation', {
    liability: {
      flaggedAt: FLAGGED_AT,
      insurerNotifiedAt: null,
      consultations,
      requireConsultationPerStep: perStep,
    },
    ...overrides,
  });
}

const requestSentAt = (sentAt: string) => ({
  informationRequests: [{ id: 'r1', sentAt: at(sentAt), answeredAt: null, closedAsNotNeededAt: null }],
});

function code(snapshot: ComplaintSnapshot, action: ComplaintAction = 'send_decision_letter') {
  const found = liabilityGateRefusal(snapshot, action);
  return found === null ? null : [found.code, found.details?.['since']];
}

describe('the liability gate (R5)', () => {
  it.each(COMPLAINT_ACTIONS)('%s, flagged without a consultation', (action) => {
    const expected = COMMUNICATIONS_TO_COMPLAINANT.includes(action)
      ? ['insurer_consultation_required', 'flag']
      : null;
    expect(code(complaint([], false), action)).toEqual(expected);
    expect(code(complaint([], true), action)).toEqual(expected);
  });

  it('never holds back the acknowledgment', () => {
    const received = inStatus('received', {
      liability: {
        flaggedAt: FLAGGED_AT,
        insurerNotifiedAt: null,
        consultations: [],
        requireConsultationPerStep: true,
      },
    });
    expect(evaluateAction(received, { action: 'acknowledge' }, env()).allowed).toBe(true);
  });

  it('is open when the complaint is not flagged', () => {
    expect(code(inStatus('in_investigation'))).toBeNull();
  });

  const cases: ReadonlyArray<{
    name: string;
    consultations: readonly InsurerConsultation[];
    perStep: boolean;
    overrides?: Partial<ComplaintSnapshot>;
    expected: readonly string[] | null;
  }> = [
    {
      name: 'a consultation before the flag does not count',
      consultations: [consultation('2026-03-03T10:00:00Z')],
      perStep: false,
      expected: ['insurer_consultation_required', 'flag'],
    },
    {
      name: 'a consultation at the moment of the flag counts',
      consultations: [consultation('2026-03-04T10:00:00Z')],
      perStep: false,
      expected: null,
    },
    {
      name: 'one consultation covers every later step without the per-step setting',
      consultations: [consultation('2026-03-05T10:00:00Z')],
      perStep: false,
      overrides: requestSentAt('2026-03-06T10:00:00Z'),
      expected: null,
    },
    {
      name: 'per step: a step after the consultation needs a new one',
      consultations: [consultation('2026-03-05T10:00:00Z')],
      perStep: true,
      overrides: requestSentAt('2026-03-06T10:00:00Z'),
      expected: ['insurer_consultation_required', 'previous_step'],
    },
    {
      name: 'per step: a consultation after the previous step opens the next',
      consultations: [consultation('2026-03-05T10:00:00Z'), consultation('2026-03-07T10:00:00Z')],
      perStep: true,
      overrides: requestSentAt('2026-03-06T10:00:00Z'),
      expected: null,
    },
    {
      name: 'per step: a consultation at the very moment of the previous step is not after it',
      consultations: [consultation('2026-03-06T10:00:00Z')],
      perStep: true,
      overrides: requestSentAt('2026-03-06T10:00:00Z'),
      expected: ['insurer_consultation_required', 'previous_step'],
    },
    {
      name: 'per step: steps before the flag need only the first consultation',
      consultations: [consultation('2026-03-05T10:00:00Z')],
      perStep: true,
      overrides: requestSentAt('2026-03-03T10:00:00Z'),
      expected: null,
    },
    {
      name: 'per step: a meeting invitation is a step',
      consultations: [consultation('2026-03-05T10:00:00Z')],
      perStep: true,
      overrides: {
        meeting: { invitedAt: at('2026-03-06T10:00:00Z'), scheduledFor: at('2026-03-12T10:00:00Z') },
      },
      expected: ['insurer_consultation_required', 'previous_step'],
    },
    {
      name: 'per step: confirming the meeting is a step of its own',
      consultations: [consultation('2026-03-05T10:00:00Z'), consultation('2026-03-06T12:00:00Z')],
      perStep: true,
      overrides: {
        meeting: {
          invitedAt: at('2026-03-06T10:00:00Z'),
          scheduledFor: at('2026-03-12T10:00:00Z'),
          confirmedAt: at('2026-03-07T10:00:00Z'),
        },
      },
      expected: ['insurer_consultation_required', 'previous_step'],
    },
    {
      name: 'per step: a delay notice is a step',
      consultations: [consultation('2026-03-05T10:00:00Z')],
      perStep: true,
      overrides: {
        delayNotices: [{ sentAt: at('2026-03-06T10:00:00Z'), reason: 'Stukken', newDate: day('2026-04-20') }],
      },
      expected: ['insurer_consultation_required', 'previous_step'],
    },
    {
      name: 'per step: the acknowledgment is not a step',
      consultations: [consultation('2026-03-05T10:00:00Z')],
      perStep: true,
      overrides: { acknowledgmentSentAt: at('2026-03-06T10:00:00Z') },
      expected: null,
    },
  ];

  it.each(cases)('$name', ({ consultations, perStep, overrides, expected }) => {
    expect(code(complaint(consultations, perStep, overrides))).toEqual(expected);
  });

  it('refuses with a Dutch message that says what to record', () => {
    const result = evaluateAction(complaint([], true), { action: 'request_information' }, env());
    expect(result).toMatchObject({ allowed: false, refusals: [{ code: 'insurer_consultation_required' }] });
    expect(refusalsOf(result)[0]?.message).toContain('met wie, wanneer en wat is afgesproken');
  });
});

describe('flagging and consulting', () => {
  const notFlagged = inStatus('in_investigation');
  const flagged = complaint([], true);
  const consult = (iso: string, withWhom = 'Schadeafdeling', agreed = 'Niets erkennen') =>
    ({ action: 'record_insurer_consultation', at: at(iso), withWhom, agreed }) as const;

  it.each([
    {
      name: 'flag twice',
      snapshot: flagged,
      request: { action: 'flag_liability' } as const,
      codes: ['liability_already_flagged'],
    },
    {
      name: 'notify unflagged',
      snapshot: notFlagged,
      request: { action: 'notify_insurer' } as const,
      codes: ['liability_not_flagged'],
    },
    {
      name: 'notify when flagged',
      snapshot: complaint([], true),
      request: { action: 'notify_insurer' } as const,
      codes: [],
    },
    {
      name: 'consult unflagged',
      snapshot: notFlagged,
      request: consult('2026-03-09T10:00:00Z'),
      codes: ['liability_not_flagged'],
    },
    {
      name: 'consult in the future',
      snapshot: flagged,
      request: consult('2026-03-11T10:00:00Z'),
      codes: ['consultation_time_invalid'],
    },
    {
      name: 'consult before the flag',
      snapshot: flagged,
      request: consult('2026-03-03T10:00:00Z'),
      codes: ['consultation_time_invalid'],
    },
    {
      name: 'consult without whom',
      snapshot: flagged,
      request: consult('2026-03-09T10:00:00Z', ' '),
      codes: ['consultation_incomplete'],
    },
    {
      name: 'consult without agreement',
      snapshot: flagged,
      request: consult('2026-03-09T10:00:00Z', 'Schadeafdeling', ''),
      codes: ['consultation_incomplete'],
    },
    { name: 'consult properly', snapshot: flagged, request: consult('2026-03-09T10:00:00Z'), codes: [] },
  ])('$name', ({ snapshot, request, codes }) => {
    const result = evaluateAction(snapshot, request, env());
    expect(codesOf(result)).toEqual(codes);
  });

  it('refuses a second notification', () => {
    const notified = complaint([], true);
    const again = {
      ...notified,
      liability: { ...notified.liability, insurerNotifiedAt: at('2026-03-04T11:00:00Z') },
    };
    expect(evaluateAction(again, { action: 'notify_insurer' }, env())).toMatchObject({
      allowed: false,
      refusals: [{ code: 'insurer_already_notified' }],
    });
  });

  it('keeps the texts of a consultation out of the event', () => {
    const result = evaluateAction(
      flagged,
      consult('2026-03-09T10:00:00Z', 'Mevrouw Jansen', 'Geheim'),
      env(),
    );
    expect(result.allowed).toBe(true);
    const text = JSON.stringify(result.events);
    expect(text).not.toContain('Jansen');
    expect(text).not.toContain('Geheim');
    expect(result.events[0]?.data).toMatchObject({ at: '2026-03-09T10:00:00.000Z' });
    expect(result.events[0]?.data['withWhomSha256']).toMatch(/^[0-9a-f]{64}$/);
  });
});
