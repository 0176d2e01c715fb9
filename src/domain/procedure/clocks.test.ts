import { describe, expect, it } from 'vitest';
import { computeClocks, type ClockKind, type ComplaintClock } from './clocks.ts';
import type { ComplaintSnapshot, DecisionSnapshot, HearingSnapshot } from './complaint-snapshot.ts';
import { at, calendar, day, EMPLOYEE, hearing, inStatus, snapshot } from './snapshot-fixtures.ts';

// Every due date below was counted by hand. The default complaint is received Monday 2 March 2026,
// 10:00 in Amsterdam (UTC+1 until Sunday 29 March, UTC+2 after).
//   acknowledgment, 3 working days: di 3, wo 4, do 5 → do 5 March
//   missing information, 10 working days: di 3 … vr 6 (4), ma 9 … vr 13 (9), ma 16 (10) → ma 16 March
//   decision, 1 month: do 2 April, a working day (Goede Vrijdag is 3 April, Tweede Paasdag 6 April)
//   KiFiD without a position, 8 weeks: ma 27 April (Koningsdag, not moved: it is KiFiD's date)

function clock(s: ComplaintSnapshot, kind: ClockKind, now: string, subjectId?: string): ComplaintClock {
  const found = computeClocks(s, calendar, at(now)).find(
    (c) => c.kind === kind && (subjectId === undefined || c.subjectId === subjectId),
  );
  if (found === undefined) throw new Error(`no ${kind} clock`);
  return found;
}

const letter = (iso: string): DecisionSnapshot => ({ mode: 'letter', communicatedAt: at(iso) });

describe('the clocks of a complaint', () => {
  it('lists every clock in a fixed order', () => {
    const s = inStatus('in_investigation', {
      involvedEmployeeIds: [EMPLOYEE.id],
      hearings: [hearing(EMPLOYEE.id, 'requested')],
    });
    expect(computeClocks(s, calendar, at('2026-03-10T10:00:00Z')).map((c) => c.kind)).toEqual([
      'acknowledgment',
      'missing_information',
      'decision',
      'delay_notice',
      'hearing_reaction',
      'insurer_notification',
      'kifid_no_position',
      'kifid_window',
    ]);
  });

  it('counts the default terms and ends them at midnight in Amsterdam', () => {
    const clocks = computeClocks(snapshot(), calendar, at('2026-03-03T10:00:00Z'));
    const byKind = Object.fromEntries(clocks.map((c) => [c.kind, c]));
    expect(byKind['acknowledgment']).toMatchObject({
      dueDate: '2026-03-05',
      dueAt: at('2026-03-05T22:59:59.999Z'),
      state: 'open',
      provisional: false,
      explanation:
        'ontvangen ma 02-03-2026; 3 werkdagen na ontvangst: di 3, wo 4 en do 5 maart; uiterlijk do 05-03-2026',
    });
    expect(byKind['missing_information']).toMatchObject({ dueDate: '2026-03-16', state: 'open' });
    expect(byKind['decision']).toMatchObject({
      dueDate: '2026-04-02',
      originalDueDate: '2026-04-02',
      dueAt: at('2026-04-02T21:59:59.999Z'),
      state: 'open',
    });
    expect(byKind['kifid_no_position']).toMatchObject({
      dueDate: '2026-04-27',
      informative: true,
      state: 'open',
    });
    expect(byKind['insurer_notification']).toMatchObject({ state: 'not_applicable', dueDate: null });
    expect(byKind['kifid_window']).toMatchObject({
      state: 'not_applicable',
      dueDate: null,
      informative: true,
    });
  });

  describe('acknowledgment', () => {
    it.each([
      { name: 'open', overrides: {}, now: '2026-03-05T12:00:00Z', state: 'open', metBy: null },
      {
        name: 'met on time',
        overrides: { acknowledgmentSentAt: at('2026-03-04T10:00:00Z') },
        now: '2026-03-10T10:00:00Z',
        state: 'met_on_time',
        metBy: 'acknowledgment',
      },
      {
        name: 'met in the last minute of the due day',
        overrides: { acknowledgmentSentAt: at('2026-03-05T22:59:00Z') },
        now: '2026-03-10T10:00:00Z',
        state: 'met_on_time',
        metBy: 'acknowledgment',
      },
      {
        name: 'met just after midnight',
        overrides: { acknowledgmentSentAt: at('2026-03-05T23:00:00Z') },
        now: '2026-03-10T10:00:00Z',
        state: 'met_late',
        metBy: 'acknowledgment',
      },
      { name: 'missed', overrides: {}, now: '2026-03-05T23:00:00Z', state: 'missed', metBy: null },
      {
        name: 'withdrawn before it ran out',
        overrides: { status: 'withdrawn', withdrawnAt: at('2026-03-04T10:00:00Z') },
        now: '2026-03-10T10:00:00Z',
        state: 'not_applicable',
        metBy: null,
      },
      {
        name: 'withdrawn after it ran out',
        overrides: { status: 'withdrawn', withdrawnAt: at('2026-03-06T10:00:00Z') },
        now: '2026-03-10T10:00:00Z',
        state: 'missed',
        metBy: null,
      },
    ] satisfies ReadonlyArray<{
      name: string;
      overrides: Partial<ComplaintSnapshot>;
      now: string;
      state: string;
      metBy: string | null;
    }>)('$name', ({ overrides, now, state, metBy }) => {
      expect(clock(snapshot(overrides), 'acknowledgment', now)).toMatchObject({ state, metBy });
    });
  });

  describe('over Christmas', () => {
    // Thursday 21 December 2028: vr 22 (1); za 23, zo 24, Kerst ma 25 and di 26; wo 27 (2), do 28 (3).
    const christmas = snapshot({ receivedAt: at('2028-12-21T10:00:00Z') });

    it('skips the weekend and both Christmas days, and says so', () => {
      const ack = clock(christmas, 'acknowledgment', '2028-12-22T10:00:00Z');
      expect(ack).toMatchObject({ dueDate: '2028-12-28', provisional: false });
      expect(ack.explanation).toContain('ontvangen do 21-12-2028');
      expect(ack.explanation).toContain('vr 22, wo 27 en do 28 december');
      expect(ack.explanation).toContain('ma 25 december (Eerste Kerstdag), di 26 december (Tweede Kerstdag)');
    });

    it.each([
      ['2028-12-28T22:59:59.999Z', 'met_on_time'],
      ['2028-12-28T23:00:00.000Z', 'met_late'],
    ])('an acknowledgment sent at %s is %s', (sentAt, state) => {
      const s = { ...christmas, acknowledgmentSentAt: at(sentAt) };
      expect(clock(s, 'acknowledgment', '2029-01-05T10:00:00Z').state).toBe(state);
    });

    it('marks terms that reach into 2029, a year without a decree, as provisional', () => {
      // 10 working days: … vr 29 (4); Nieuwjaarsdag ma 1; di 2 (5) … vr 5 (8), ma 8 (9), di 9 (10).
      const info = clock(christmas, 'missing_information', '2028-12-22T10:00:00Z');
      expect(info).toMatchObject({ dueDate: '2029-01-09', provisional: true });
      expect(info.explanation).toContain('voorlopig: voor 2029 is nog geen besluit gelijkstelling');
      // One month: zo 21 January 2029 → ma 22.
      expect(clock(christmas, 'decision', '2028-12-22T10:00:00Z')).toMatchObject({
        dueDate: '2029-01-22',
        provisional: true,
      });
    });
  });

  describe('missing information', () => {
    const request = {
      informationRequests: [
        { id: 'r1', sentAt: at('2026-03-04T10:00:00Z'), answeredAt: null, closedAsNotNeededAt: null },
      ],
    };
    it.each([
      { name: 'open', overrides: {}, now: '2026-03-10T10:00:00Z', state: 'open', metBy: null },
      {
        name: 'met by a request',
        overrides: request,
        now: '2026-03-20T10:00:00Z',
        state: 'met_on_time',
        metBy: 'information_request',
      },
      {
        name: 'met late by deciding nothing is needed',
        overrides: { informationNotNeededAt: at('2026-03-17T10:00:00Z') },
        now: '2026-03-20T10:00:00Z',
        state: 'met_late',
        metBy: 'information_not_needed',
      },
      { name: 'missed', overrides: {}, now: '2026-03-17T10:00:00Z', state: 'missed', metBy: null },
      {
        name: 'not applicable when the position came first',
        overrides: { decision: letter('2026-03-12T10:00:00Z') },
        now: '2026-03-20T10:00:00Z',
        state: 'not_applicable',
        metBy: null,
      },
      {
        name: 'missed when the position came after the term without either',
        overrides: { decision: letter('2026-03-20T10:00:00Z') },
        now: '2026-03-25T10:00:00Z',
        state: 'missed',
        metBy: null,
      },
    ] satisfies ReadonlyArray<{
      name: string;
      overrides: Partial<ComplaintSnapshot>;
      now: string;
      state: string;
      metBy: string | null;
    }>)('$name', ({ overrides, now, state, metBy }) => {
      expect(clock(snapshot(overrides), 'missing_information', now)).toMatchObject({
        dueDate: '2026-03-16',
        state,
        metBy,
      });
    });
  });

  describe('decision and delay notice', () => {
    const notice = (sentAt: string, newDate: string) => ({
      sentAt: at(sentAt),
      reason: 'Stukken van de maatschappij',
      newDate: day(newDate),
    });
    const cases: ReadonlyArray<{
      name: string;
      overrides: Partial<ComplaintSnapshot>;
      now: string;
      decision: Readonly<Record<string, unknown>>;
      delay: Readonly<Record<string, unknown>>;
    }> = [
      {
        name: 'decided in time: no notice needed',
        overrides: { decision: letter('2026-03-20T10:00:00Z') },
        now: '2026-03-25T10:00:00Z',
        decision: { state: 'met_on_time', dueDate: '2026-04-02', metBy: 'decision_letter' },
        delay: { state: 'not_applicable', dueDate: '2026-04-02' },
      },
      {
        name: 'decided in a meeting',
        overrides: { decision: { mode: 'meeting', communicatedAt: at('2026-03-20T10:00:00Z') } },
        now: '2026-03-25T10:00:00Z',
        decision: { state: 'met_on_time', metBy: 'meeting' },
        delay: { state: 'not_applicable' },
      },
      {
        name: 'undecided: the notice is open, on the same date',
        overrides: {},
        now: '2026-03-25T10:00:00Z',
        decision: { state: 'open', dueDate: '2026-04-02' },
        delay: { state: 'open', dueDate: '2026-04-02' },
      },
      {
        name: 'undecided after the target without a notice: both missed',
        overrides: {},
        now: '2026-04-03T10:00:00Z',
        decision: { state: 'missed' },
        delay: { state: 'missed', dueDate: '2026-04-02' },
      },
      {
        name: 'decided late without a notice',
        overrides: { decision: letter('2026-04-07T10:00:00Z') },
        now: '2026-04-08T10:00:00Z',
        decision: { state: 'met_late' },
        delay: { state: 'missed' },
      },
      {
        name: 'delayed in time and decided before the new date',
        overrides: {
          delayNotices: [notice('2026-03-30T10:00:00Z', '2026-04-20')],
          decision: letter('2026-04-16T10:00:00Z'),
        },
        now: '2026-04-17T10:00:00Z',
        decision: {
          state: 'met_on_time',
          dueDate: '2026-04-20',
          originalDueDate: '2026-04-02',
          provisional: false,
        },
        delay: {
          state: 'met_on_time',
          dueDate: '2026-04-02',
          metAt: at('2026-03-30T10:00:00Z'),
          metBy: 'delay_notice',
        },
      },
      {
        name: 'delayed in time, still open after the original date',
        overrides: { delayNotices: [notice('2026-03-30T10:00:00Z', '2026-04-20')] },
        now: '2026-04-10T10:00:00Z',
        decision: { state: 'open', dueDate: '2026-04-20', originalDueDate: '2026-04-02' },
        delay: { state: 'open', dueDate: '2026-04-20' },
      },
      {
        name: 'delayed in time but decided after the new date without a second notice',
        overrides: {
          delayNotices: [notice('2026-03-30T10:00:00Z', '2026-04-20')],
          decision: letter('2026-04-21T10:00:00Z'),
        },
        now: '2026-04-22T10:00:00Z',
        decision: { state: 'met_late', dueDate: '2026-04-20', originalDueDate: '2026-04-02' },
        delay: { state: 'missed', dueDate: '2026-04-20' },
      },
      {
        name: 'a notice sent after the target moves nothing',
        overrides: { delayNotices: [notice('2026-04-03T08:00:00Z', '2026-04-20')] },
        now: '2026-04-10T10:00:00Z',
        decision: { state: 'missed', dueDate: '2026-04-02' },
        delay: { state: 'met_late', metAt: at('2026-04-03T08:00:00Z'), metBy: 'delay_notice' },
      },
      {
        name: 'withdrawn before the target',
        overrides: { status: 'withdrawn', withdrawnAt: at('2026-03-20T10:00:00Z') },
        now: '2026-04-10T10:00:00Z',
        decision: { state: 'not_applicable' },
        delay: { state: 'not_applicable' },
      },
    ];

    it.each(cases)('$name', ({ overrides, now, decision, delay }) => {
      const s = inStatus('in_investigation', overrides);
      expect(clock(s, 'decision', now)).toMatchObject(decision);
      expect(clock(s, 'delay_notice', now)).toMatchObject(delay);
    });

    it('explains the new date and keeps the original in the text', () => {
      const s = inStatus('in_investigation', {
        delayNotices: [notice('2026-03-30T10:00:00Z', '2026-04-20')],
      });
      const text = clock(s, 'decision', '2026-04-10T10:00:00Z').explanation;
      expect(text).toContain('1 maand na ontvangst: do 02-04-2026');
      expect(text).toContain('uitgesteld bij bericht van ma 30-03-2026: nieuwe datum ma 20-04-2026');
      expect(text).toContain('geldende termijn: uiterlijk ma 20-04-2026 (oorspronkelijk do 02-04-2026)');
    });
  });

  describe('hearing reaction', () => {
    // Asked Thursday 5 March 2026; 5 working days: vr 6, ma 9, di 10, wo 11, do 12 → do 12 March.
    const withHearing = (h: HearingSnapshot) =>
      inStatus('in_investigation', { involvedEmployeeIds: [EMPLOYEE.id], hearings: [h] });
    it.each([
      { name: 'open', h: hearing(EMPLOYEE.id, 'requested'), now: '2026-03-11T10:00:00Z', state: 'open' },
      {
        name: 'answered on time',
        h: hearing(EMPLOYEE.id, 'statement_draft'),
        now: '2026-03-20T10:00:00Z',
        state: 'met_on_time',
      },
      {
        name: 'answered late',
        h: hearing(EMPLOYEE.id, 'signed', { statementRecordedAt: at('2026-03-13T10:00:00Z') }),
        now: '2026-03-20T10:00:00Z',
        state: 'met_late',
      },
      { name: 'missed', h: hearing(EMPLOYEE.id, 'requested'), now: '2026-03-13T10:00:00Z', state: 'missed' },
      {
        name: 'waived in time',
        h: hearing(EMPLOYEE.id, 'waived', {
          requestedAt: at('2026-03-05T10:00:00Z'),
          waivedAt: at('2026-03-10T10:00:00Z'),
        }),
        now: '2026-03-20T10:00:00Z',
        state: 'not_applicable',
      },
      {
        name: 'waived after it ran out',
        h: hearing(EMPLOYEE.id, 'waived', {
          requestedAt: at('2026-03-05T10:00:00Z'),
          waivedAt: at('2026-03-13T10:00:00Z'),
        }),
        now: '2026-03-20T10:00:00Z',
        state: 'missed',
      },
    ])('$name', ({ h, now, state }) => {
      const c = clock(withHearing(h), 'hearing_reaction', now, EMPLOYEE.id);
      expect(c).toMatchObject({ dueDate: '2026-03-12', state, subjectId: EMPLOYEE.id });
      expect(c.explanation).toContain('gevraagd do 05-03-2026; 5 werkdagen na het verzoek');
    });

    it('has no clock for a hearing waived before anyone was asked', () => {
      const s = withHearing(hearing(EMPLOYEE.id, 'waived'));
      expect(
        computeClocks(s, calendar, at('2026-03-20T10:00:00Z')).some((c) => c.kind === 'hearing_reaction'),
      ).toBe(false);
    });

    it('follows a configured reaction term', () => {
      const s = {
        ...withHearing(hearing(EMPLOYEE.id, 'requested')),
        procedure: {
          version: 2,
          terms: {
            ...snapshot().procedure.terms,
            hearingReaction: { unit: 'working-days' as const, amount: 2 },
          },
        },
      };
      expect(clock(s, 'hearing_reaction', '2026-03-06T10:00:00Z', EMPLOYEE.id).dueDate).toBe('2026-03-09');
    });
  });

  describe('insurer notification', () => {
    const flagged = (flaggedAt: string, extra: Partial<ComplaintSnapshot['liability']> = {}) =>
      snapshot({
        liability: {
          flaggedAt: at(flaggedAt),
          insurerNotifiedAt: null,
          consultations: [],
          requireConsultationPerStep: true,
          ...extra,
        },
      });

    it.each([
      {
        name: 'notified the same day',
        s: flagged('2026-03-05T10:00:00Z', { insurerNotifiedAt: at('2026-03-05T16:00:00Z') }),
        now: '2026-03-10T10:00:00Z',
        expected: { dueDate: '2026-03-05', state: 'met_on_time', metBy: 'insurer_notification' },
      },
      {
        name: 'consulted only the next day',
        s: flagged('2026-03-05T10:00:00Z', {
          consultations: [
            { at: at('2026-03-06T09:00:00Z'), withWhom: 'Schadeafdeling', agreed: 'Afwachten' },
          ],
        }),
        now: '2026-03-10T10:00:00Z',
        expected: { state: 'met_late', metBy: 'insurer_consultation' },
      },
      {
        name: 'open during the day',
        s: flagged('2026-03-05T10:00:00Z'),
        now: '2026-03-05T20:00:00Z',
        expected: { state: 'open' },
      },
      {
        name: 'missed the next morning',
        s: flagged('2026-03-05T10:00:00Z'),
        now: '2026-03-06T07:00:00Z',
        expected: { state: 'missed' },
      },
    ])('$name', ({ s, now, expected }) => {
      expect(clock(s, 'insurer_notification', now)).toMatchObject(expected);
    });

    it('runs to the next working day when flagged on a Saturday before Christmas', () => {
      const c = clock(flagged('2028-12-23T10:00:00Z'), 'insurer_notification', '2028-12-23T12:00:00Z');
      expect(c).toMatchObject({ dueDate: '2028-12-27', state: 'open', provisional: false });
      expect(c.explanation).toBe(
        'direct: gemarkeerd als mogelijke aansprakelijkstelling op za 23-12-2028; geen werkdag: za 23 december (weekend), zo 24 december (weekend), ma 25 december (Eerste Kerstdag), di 26 december (Tweede Kerstdag); de verzekeraar wordt de eerstvolgende werkdag geïnformeerd: uiterlijk wo 27-12-2028',
      );
    });

    it('is provisional over Easter 2029', () => {
      // Saturday 31 March 2029; Eerste Paasdag zo 1 April, Tweede Paasdag ma 2 April → di 3 April.
      const c = clock(flagged('2029-03-31T10:00:00Z'), 'insurer_notification', '2029-03-31T12:00:00Z');
      expect(c).toMatchObject({ dueDate: '2029-04-03', provisional: true });
      expect(c.explanation).toContain('voorlopig: voor 2029');
    });
  });

  describe('KiFiD (informative)', () => {
    it.each([
      { name: 'still running on the day itself', overrides: {}, now: '2026-04-27T20:00:00Z', state: 'open' },
      { name: 'elapsed the day after', overrides: {}, now: '2026-04-27T22:00:00Z', state: 'elapsed' },
      {
        name: 'not applicable once we gave our position before it',
        overrides: { decision: letter('2026-04-16T10:00:00Z') },
        now: '2026-05-01T10:00:00Z',
        state: 'not_applicable',
      },
      {
        name: 'elapsed when our position came after it',
        overrides: { decision: letter('2026-04-29T10:00:00Z') },
        now: '2026-05-01T10:00:00Z',
        state: 'elapsed',
      },
      {
        name: 'not applicable after a withdrawal',
        overrides: { withdrawnAt: at('2026-03-20T10:00:00Z') },
        now: '2026-05-01T10:00:00Z',
        state: 'not_applicable',
      },
    ] satisfies ReadonlyArray<{
      name: string;
      overrides: Partial<ComplaintSnapshot>;
      now: string;
      state: string;
    }>)('eight weeks without a position: $name', ({ overrides, now, state }) => {
      const c = clock(snapshot(overrides), 'kifid_no_position', now);
      expect(c).toMatchObject({ dueDate: '2026-04-27', informative: true, state });
      expect(c.explanation).toContain('informatief');
    });

    it('opens the three-month window at our position', () => {
      // Thursday 16 April 2026 + 3 months = Thursday 16 July 2026.
      const s = snapshot({ decision: letter('2026-04-16T10:00:00Z') });
      expect(clock(s, 'kifid_window', '2026-05-01T10:00:00Z')).toMatchObject({
        dueDate: '2026-07-16',
        state: 'open',
        informative: true,
      });
      expect(clock(s, 'kifid_window', '2026-07-17T10:00:00Z').state).toBe('elapsed');
      expect(clock(s, 'kifid_window', '2026-05-01T10:00:00Z').explanation).toContain(
        'standpunt do 16-04-2026',
      );
    });
  });
});
