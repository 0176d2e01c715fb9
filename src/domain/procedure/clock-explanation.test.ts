import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import { postedSentAt } from '../letters/posted-date.ts';
import { renderClockExplanation, type ClockExplanationKind } from './clock-explanation.ts';
import { computeClocks, type ClockKind, type ComplaintClock } from './clocks.ts';
import type { ComplaintSnapshot } from './complaint-snapshot.ts';
import { at, calendar, day, EMPLOYEE, hearing, inStatus, snapshot } from './snapshot-fixtures.ts';

// The default complaint is received Monday 2 March 2026 (see clocks.test.ts for the Dutch counts).
const seenKinds = new Set<ClockExplanationKind>();

function clock(
  s: ComplaintSnapshot,
  kind: ClockKind,
  now: string,
  cal = calendar,
): { nl: string; en: string; clock: ComplaintClock } {
  const found = computeClocks(s, cal, at(now)).find((c) => c.kind === kind);
  if (found === undefined) throw new Error(`no ${kind} clock`);
  seenKinds.add(found.explanationDetail.kind);
  // The facts travel as JSON (the API's explanationDetail); they must tell the same after the trip.
  const travelled = JSON.parse(JSON.stringify(found.explanationDetail)) as typeof found.explanationDetail;
  expect(renderClockExplanation(travelled, 'en')).toBe(renderClockExplanation(found.explanationDetail, 'en'));
  // Dutch is what `explanation` has always said: one renderer, not two texts.
  expect(renderClockExplanation(found.explanationDetail, 'nl')).toBe(found.explanation);
  return { nl: found.explanation, en: renderClockExplanation(found.explanationDetail, 'en'), clock: found };
}

const flagged = (flaggedAt: string): ComplaintSnapshot =>
  snapshot({
    liability: {
      flaggedAt: at(flaggedAt),
      insurerNotifiedAt: null,
      consultations: [],
      requireConsultationPerStep: true,
    },
  });

describe('clock explanations in English', () => {
  it('terms counted from receipt', () => {
    const s = snapshot();
    expect(clock(s, 'acknowledgment', '2026-03-10T10:00:00Z').en).toBe(
      'received Mon 2 Mar 2026; 3 working days after receipt: Tue 3, Wed 4 and Thu 5 March; due by Thu 5 Mar 2026',
    );
    expect(clock(s, 'missing_information', '2026-03-10T10:00:00Z').en).toBe(
      'received Mon 2 Mar 2026; 10 working days after receipt: Tue 3, Wed 4, Thu 5, Fri 6, Mon 9, Tue 10, Wed 11, Thu 12, Fri 13 and Mon 16 March; not counted: Sat 7, Sun 8, Sat 14 and Sun 15 March (weekend); due by Mon 16 Mar 2026',
    );
  });

  it("an organisation's closing day is named as one", () => {
    const closing = createWorkingDayCalendar({ closingDays: [{ date: day('2026-03-09'), name: 'teamdag' }] });
    const { nl, en } = clock(snapshot(), 'missing_information', '2026-03-10T10:00:00Z', closing);
    expect(nl).toContain('ma 9 maart (teamdag)');
    expect(en).toBe(
      'received Mon 2 Mar 2026; 10 working days after receipt: Tue 3, Wed 4, Thu 5, Fri 6, Tue 10, Wed 11, Thu 12, Fri 13, Mon 16 and Tue 17 March; not counted: Sat 7 and Sun 8 March (weekend), Mon 9 March (closing day: teamdag), Sat 14 and Sun 15 March (weekend); due by Tue 17 Mar 2026',
    );
  });

  it('the hearing term counts from the request', () => {
    const s = inStatus('in_investigation', {
      involvedEmployeeIds: [EMPLOYEE.id],
      hearings: [hearing(EMPLOYEE.id, 'requested')],
    });
    expect(clock(s, 'hearing_reaction', '2026-03-10T10:00:00Z').en).toBe(
      'requested Thu 5 Mar 2026; 5 working days after the request: Fri 6, Mon 9, Tue 10, Wed 11 and Thu 12 March; not counted: Sat 7 and Sun 8 March (weekend); due by Thu 12 Mar 2026',
    );
  });

  it('the decision and the delay notice before anything happened', () => {
    const s = snapshot();
    expect(clock(s, 'decision', '2026-03-10T10:00:00Z').en).toBe(
      'received Mon 2 Mar 2026; 1 month after receipt: Thu 2 Apr 2026; due by Thu 2 Apr 2026',
    );
    expect(clock(s, 'delay_notice', '2026-03-10T10:00:00Z').en).toBe(
      'Only needed if our final position is not given by Thu 2 Apr 2026: the complainant is then told before the end of that day, with the reason and a new date.',
    );
  });

  it('a posted delay notice moves the decision; the window to KiFiD then runs from the position', () => {
    // Issued on Friday, put in the post on Monday 30 March: the clocks count the day it was posted.
    const sentAt = postedSentAt(at('2026-03-27T15:00:00Z'), day('2026-03-30'));
    const s = snapshot({
      delayNotices: [{ sentAt, reason: 'Stukken van de maatschappij', newDate: day('2026-04-20') }],
      decision: { mode: 'letter', communicatedAt: at('2026-04-16T10:00:00Z') },
    });
    const decision = clock(s, 'decision', '2026-04-17T10:00:00Z');
    expect(decision.nl).toContain('uitgesteld bij bericht van ma 30-03-2026: nieuwe datum ma 20-04-2026');
    expect(decision.en).toBe(
      'received Mon 2 Mar 2026; 1 month after receipt: Thu 2 Apr 2026; due by Thu 2 Apr 2026; postponed by notice of Mon 30 Mar 2026: new date Mon 20 Apr 2026; term in force: due by Mon 20 Apr 2026 (originally Thu 2 Apr 2026)',
    );
    expect(clock(s, 'delay_notice', '2026-04-17T10:00:00Z').en).toBe(
      'Delay notice sent on Mon 30 Mar 2026, before the term ended (Thu 2 Apr 2026); new date Mon 20 Apr 2026.',
    );
    expect(clock(s, 'kifid_window', '2026-04-17T10:00:00Z').en).toBe(
      'final position Thu 16 Apr 2026; 3 months after the final position: Thu 16 Jul 2026; due by Thu 16 Jul 2026; for information: up to and including this day the complainant can go to KiFiD',
    );
  });

  it('a notice sent too late, and one without a later date', () => {
    const late = snapshot({
      delayNotices: [{ sentAt: at('2026-04-03T08:00:00Z'), reason: 'Drukte', newDate: day('2026-04-20') }],
    });
    expect(clock(late, 'decision', '2026-04-10T10:00:00Z').en).toBe(
      'received Mon 2 Mar 2026; 1 month after receipt: Thu 2 Apr 2026; due by Thu 2 Apr 2026; notice of Fri 3 Apr 2026 does not move the term (sent after the term had ended)',
    );
    expect(clock(late, 'delay_notice', '2026-04-10T10:00:00Z').en).toBe(
      'Only needed if our final position is not given by Thu 2 Apr 2026: the complainant is then told before the end of that day, with the reason and a new date. The notice only went out on Fri 3 Apr 2026.',
    );
    const notLater = snapshot({
      delayNotices: [{ sentAt: at('2026-03-30T10:00:00Z'), reason: 'Drukte', newDate: day('2026-04-01') }],
    });
    expect(clock(notLater, 'decision', '2026-03-31T10:00:00Z').en).toContain(
      'notice of Mon 30 Mar 2026 does not move the term (not a later date)',
    );
  });

  it('a delay notice that was not needed', () => {
    const s = snapshot({ decision: { mode: 'letter', communicatedAt: at('2026-03-20T10:00:00Z') } });
    const { nl, en } = clock(s, 'delay_notice', '2026-03-21T10:00:00Z');
    expect(nl).toBe('Niet nodig: ons standpunt is gegeven binnen de termijn (uiterlijk do 02-04-2026).');
    expect(en).toBe('Not needed: our final position was given within the term (due by Thu 2 Apr 2026).');
  });

  it('the informative KiFiD clocks', () => {
    const s = snapshot();
    expect(clock(s, 'kifid_no_position', '2026-03-10T10:00:00Z').en).toBe(
      'received Mon 2 Mar 2026; 8 weeks after receipt: Mon 27 Apr 2026; for information: after this day the complainant can go to KiFiD without our final position',
    );
    expect(clock(s, 'kifid_window', '2026-03-10T10:00:00Z').en).toBe(
      'Starts when our final position is given; from then on the complainant can go to KiFiD within the term.',
    );
  });

  it('the insurer: not flagged, flagged on a working day, and over a weekend and a closing day', () => {
    expect(clock(snapshot(), 'insurer_notification', '2026-03-10T10:00:00Z').en).toBe(
      'Not applicable: the complaint is not flagged as a possible liability claim.',
    );
    expect(clock(flagged('2026-03-05T10:00:00Z'), 'insurer_notification', '2026-03-10T10:00:00Z').en).toBe(
      'at once: flagged as a possible liability claim on Thu 5 Mar 2026; the insurer is informed the same working day: due by Thu 5 Mar 2026',
    );
    const closing = createWorkingDayCalendar({ closingDays: [{ date: day('2026-03-09'), name: 'teamdag' }] });
    const { nl, en } = clock(
      flagged('2026-03-07T10:00:00Z'),
      'insurer_notification',
      '2026-03-10T10:00:00Z',
      closing,
    );
    expect(nl).toBe(
      'direct: gemarkeerd als mogelijke aansprakelijkstelling op za 07-03-2026; geen werkdag: za 7 maart (weekend), zo 8 maart (weekend), ma 9 maart (teamdag); de verzekeraar wordt de eerstvolgende werkdag geïnformeerd: uiterlijk di 10-03-2026',
    );
    expect(en).toBe(
      'at once: flagged as a possible liability claim on Sat 7 Mar 2026; not a working day: Sat 7 March (weekend), Sun 8 March (weekend), Mon 9 March (closing day: teamdag); the insurer is informed the next working day: due by Tue 10 Mar 2026',
    );
  });

  it("the insurer over King's Day, into a year without a decree", () => {
    const { en } = clock(flagged('2029-04-26T22:30:00Z'), 'insurer_notification', '2029-05-01T10:00:00Z');
    // 22:30 UTC on Thursday 26 April is half past midnight on Friday 27 April in Amsterdam: King's Day.
    expect(en).toBe(
      "at once: flagged as a possible liability claim on Fri 27 Apr 2029; not a working day: Fri 27 April (King's Day), Sat 28 April (weekend), Sun 29 April (weekend); the insurer is informed the next working day: due by Mon 30 Apr 2029; provisional: the calendar has no decree equating days (General Time Limits Act (Algemene termijnenwet) art. 3(3)) for 2029 yet",
    );
  });

  it('every kind of explanation was told above', () => {
    const all: ClockExplanationKind[] = [
      'term',
      'decision',
      'delay_notice_not_needed',
      'delay_notice_sent',
      'delay_notice_condition',
      'insurer_notification',
      'insurer_not_flagged',
      'kifid_window_not_started',
    ];
    expect([...seenKinds].toSorted()).toEqual(all.toSorted());
  });
});
