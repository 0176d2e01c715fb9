import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDeadlines, computeHearingReactionDue, computeKifidWindowEnd } from './deadlines.ts';
import { compareLocalDates, parseLocalDate } from './local-date.ts';
import { DEFAULT_PROCEDURE_TERMS, type ProcedureTerms } from './procedure-terms.ts';
import { createWorkingDayCalendar } from './working-day-calendar.ts';

const d = parseLocalDate;
const calendar = createWorkingDayCalendar();

interface DeadlineCase {
  /** The moment of receipt. */
  readonly at: string;
  /** Its date in Amsterdam. */
  readonly received: string;
  /** 3 working days. */
  readonly ack: string;
  /** 10 working days. */
  readonly info: string;
  /** 1 month, rolled forward to a working day. */
  readonly decision: string;
  readonly provisional: boolean;
  /** The hand count: (n) marks the n-th working day; holidays and weekends are named. */
  readonly why: string;
}

// Every expected date was counted by hand on a printed calendar; none comes from the code under test.
// Reminders: Amsterdam is UTC+1 in winter and UTC+2 in summer; summer time 2026 runs from Sunday
// 29 March to Sunday 25 October. The non-working weekdays per year are in legal-holidays.test.ts.
const CASES: readonly DeadlineCase[] = [
  // --- Nieuwjaarsdag and Kerst ---
  {
    at: '2025-12-31T10:00:00Z',
    received: '2025-12-31',
    ack: '2026-01-07',
    info: '2026-01-16',
    decision: '2026-02-02',
    provisional: false,
    why: 'Nieuwjaarsdag do 1-1 and decree day vr 2-1-2026; ma 5 (1) di 6 (2) wo 7 (3) … vr 16 (10); 31-1 is a Saturday → ma 2-2',
  },
  {
    at: '2025-12-29T09:00:00Z',
    received: '2025-12-29',
    ack: '2026-01-05',
    info: '2026-01-14',
    decision: '2026-01-29',
    provisional: false,
    why: 'di 30 (1) wo 31 (2), do 1-1 and vr 2-1 off, ma 5 (3); di 6 (4) … wo 14 (10)',
  },
  {
    at: '2025-12-24T12:00:00Z',
    received: '2025-12-24',
    ack: '2025-12-31',
    info: '2026-01-13',
    decision: '2026-01-26',
    provisional: false,
    why: 'Kerst do 25 / vr 26-12-2025; ma 29 (1) di 30 (2) wo 31 (3); 1-1 and 2-1 off; ma 5 (4) … di 13 (10); 24-1 is a Saturday → ma 26',
  },
  {
    at: '2028-12-21T10:00:00Z',
    received: '2028-12-21',
    ack: '2028-12-28',
    info: '2029-01-09',
    decision: '2029-01-22',
    provisional: true,
    why: 'the design example: vr 22 (1), Kerst ma 25 / di 26, wo 27 (2) do 28 (3); 10 wd run into 2029, which no decree covers',
  },
  {
    at: '2028-12-28T10:00:00Z',
    received: '2028-12-28',
    ack: '2029-01-03',
    info: '2029-01-12',
    decision: '2029-01-29',
    provisional: true,
    why: 'vr 29 (1), ma 1-1-2029 Nieuwjaarsdag, di 2 (2) wo 3 (3); 28-1-2029 is a Sunday → ma 29; all in undecreed 2029',
  },
  {
    at: '2026-12-31T10:00:00Z',
    received: '2026-12-31',
    ack: '2027-01-06',
    info: '2027-01-15',
    decision: '2027-02-01',
    provisional: false,
    why: 'vr 1-1-2027 Nieuwjaarsdag (no decree day after it); ma 4 (1) di 5 (2) wo 6 (3); 31-1-2027 is a Sunday → ma 1-2',
  },
  {
    at: '2026-12-31T23:30:00Z',
    received: '2027-01-01',
    ack: '2027-01-06',
    info: '2027-01-15',
    decision: '2027-02-01',
    provisional: false,
    why: '00:30 on Nieuwjaarsdag in Amsterdam: day 0 may be a holiday; ma 4 (1) di 5 (2) wo 6 (3); 1-2-2027 is a Monday',
  },
  // --- Goede Vrijdag and Tweede Paasdag ---
  {
    at: '2026-03-31T22:30:00Z',
    received: '2026-04-01',
    ack: '2026-04-08',
    info: '2026-04-17',
    decision: '2026-05-01',
    provisional: false,
    why: 'already 1 April in Amsterdam (00:30 CEST); do 2 (1), Goede Vrijdag 3, Tweede Paasdag 6, di 7 (2) wo 8 (3)',
  },
  {
    at: '2026-03-31T21:59:59Z',
    received: '2026-03-31',
    ack: '2026-04-07',
    info: '2026-04-16',
    decision: '2026-04-30',
    provisional: false,
    why: 'still 31 March (23:59:59 CEST); wo 1 (1) do 2 (2), 3 and 6 April off, di 7 (3); April has no 31st → do 30-4',
  },
  {
    at: '2025-04-17T10:00:00Z',
    received: '2025-04-17',
    ack: '2025-04-24',
    info: '2025-05-06',
    decision: '2025-05-19',
    provisional: false,
    why: 'Goede Vrijdag 18, Tweede Paasdag 21 April 2025; di 22 (1) wo 23 (2) do 24 (3); Koningsdag za 26 and 5 mei (ma) also skipped; 17-5 is a Saturday → ma 19',
  },
  // --- Koningsdag ---
  {
    at: '2025-04-25T10:00:00Z',
    received: '2025-04-25',
    ack: '2025-04-30',
    info: '2025-05-12',
    decision: '2025-05-26',
    provisional: false,
    why: 'Koningsdag 2025 on za 26 because the 27th is a Sunday, and no weekday is lost: ma 28 (1) di 29 (2) wo 30 (3); 5 mei is a Monday; 25-5 is a Sunday → ma 26',
  },
  {
    at: '2025-03-26T10:00:00Z',
    received: '2025-03-26',
    ack: '2025-03-31',
    info: '2025-04-09',
    decision: '2025-04-28',
    provisional: false,
    why: '1 month → za 26 April 2025 = Koningsdag, zo 27 → ma 28',
  },
  {
    at: '2026-04-24T10:00:00Z',
    received: '2026-04-24',
    ack: '2026-04-30',
    info: '2026-05-12',
    decision: '2026-05-26',
    provisional: false,
    why: 'Koningsdag ma 27-4-2026; di 28 (1) wo 29 (2) do 30 (3); 5 mei di; 24-5 is a Sunday, ma 25 Tweede Pinksterdag → di 26',
  },
  {
    at: '2031-04-24T10:00:00Z',
    received: '2031-04-24',
    ack: '2031-04-29',
    info: '2031-05-09',
    decision: '2031-05-26',
    provisional: true,
    why: '2031: the 27th is a Sunday so Koningsdag is za 26; vr 25 (1) ma 28 (2) di 29 (3); 5 mei ma; no decree for 2031',
  },
  {
    at: '2028-04-26T10:00:00Z',
    received: '2028-04-26',
    ack: '2028-05-03',
    info: '2028-05-15',
    decision: '2028-05-29',
    provisional: false,
    why: 'Koningsdag do 27, decree day vr 28-4-2028; ma 1 (1) di 2 (2) wo 3 (3); 5 mei vr; 26-5 is a decree day → ma 29',
  },
  // --- 5 mei ---
  {
    at: '2026-05-04T10:00:00Z',
    received: '2026-05-04',
    ack: '2026-05-08',
    info: '2026-05-21',
    decision: '2026-06-04',
    provisional: false,
    why: '5 mei 2026 is a Tuesday (not a lustrum year, still a holiday for the Algemene termijnenwet); wo 6 (1) do 7 (2) vr 8 (3); Hemelvaart 14 and 15 off',
  },
  // --- Hemelvaartsdag and its decree Fridays ---
  {
    at: '2026-05-13T10:00:00Z',
    received: '2026-05-13',
    ack: '2026-05-20',
    info: '2026-06-01',
    decision: '2026-06-15',
    provisional: false,
    why: 'Hemelvaart do 14, decree day vr 15-5-2026; ma 18 (1) di 19 (2) wo 20 (3); Tweede Pinksterdag ma 25; 13-6 is a Saturday → ma 15',
  },
  {
    at: '2027-05-04T10:00:00Z',
    received: '2027-05-04',
    ack: '2027-05-12',
    info: '2027-05-24',
    decision: '2027-06-04',
    provisional: false,
    why: '5 mei wo, Hemelvaart do 6, decree day vr 7-5-2027: three days lost; ma 10 (1) di 11 (2) wo 12 (3); Tweede Pinksterdag ma 17',
  },
  {
    at: '2023-05-17T10:00:00Z',
    received: '2023-05-17',
    ack: '2023-05-24',
    info: '2023-06-05',
    decision: '2023-06-19',
    provisional: false,
    why: 'Hemelvaart do 18, decree day vr 19-5-2023; ma 22 (1) di 23 (2) wo 24 (3); Tweede Pinksterdag ma 29; 17-6 is a Saturday → ma 19',
  },
  {
    at: '2024-05-08T10:00:00Z',
    received: '2024-05-08',
    ack: '2024-05-15',
    info: '2024-05-27',
    decision: '2024-06-10',
    provisional: false,
    why: 'Hemelvaart do 9, decree day vr 10-5-2024; ma 13 (1) di 14 (2) wo 15 (3); Tweede Pinksterdag ma 20; 8-6 is a Saturday → ma 10',
  },
  {
    at: '2025-05-28T10:00:00Z',
    received: '2025-05-28',
    ack: '2025-06-04',
    info: '2025-06-16',
    decision: '2025-06-30',
    provisional: false,
    why: 'Hemelvaart do 29, decree day vr 30-5-2025; ma 2 (1) di 3 (2) wo 4 (3); Tweede Pinksterdag ma 9-6; 28-6 is a Saturday → ma 30',
  },
  {
    at: '2028-05-24T10:00:00Z',
    received: '2028-05-24',
    ack: '2028-05-31',
    info: '2028-06-12',
    decision: '2028-06-26',
    provisional: false,
    why: 'Hemelvaart do 25, decree day vr 26-5-2028; ma 29 (1) di 30 (2) wo 31 (3); Tweede Pinksterdag ma 5-6; 24-6 is a Saturday → ma 26',
  },
  // --- Tweede Pinksterdag ---
  {
    at: '2026-04-25T10:00:00Z',
    received: '2026-04-25',
    ack: '2026-04-30',
    info: '2026-05-12',
    decision: '2026-05-26',
    provisional: false,
    why: 'received on a Saturday; Koningsdag ma 27; di 28 (1) wo 29 (2) do 30 (3); 1 month → ma 25-5 Tweede Pinksterdag → di 26',
  },
  // --- the other decree days, reached by a month term ---
  {
    at: '2023-04-26T10:00:00Z',
    received: '2023-04-26',
    ack: '2023-05-03',
    info: '2023-05-15',
    decision: '2023-05-26',
    provisional: false,
    why: 'Koningsdag do 27, decree day vr 28-4-2023; ma 1 (1) di 2 (2) wo 3 (3); 5 mei vr',
  },
  {
    at: '2024-12-24T10:00:00Z',
    received: '2024-12-24',
    ack: '2025-01-02',
    info: '2025-01-13',
    decision: '2025-01-24',
    provisional: false,
    why: 'Kerst wo 25 / do 26, decree day vr 27-12-2024; ma 30 (1) di 31 (2), Nieuwjaarsdag wo 1-1-2025, do 2 (3)',
  },
  {
    at: '2025-04-30T10:00:00Z',
    received: '2025-04-30',
    ack: '2025-05-06',
    info: '2025-05-15',
    decision: '2025-06-02',
    provisional: false,
    why: '1 month → vr 30-5-2025 decree day → ma 2-6; do 1 (1) vr 2 (2), 5 mei ma, di 6 (3)',
  },
  {
    at: '2025-12-02T10:00:00Z',
    received: '2025-12-02',
    ack: '2025-12-05',
    info: '2025-12-16',
    decision: '2026-01-05',
    provisional: false,
    why: '1 month → vr 2-1-2026 decree day → ma 5-1',
  },
  {
    at: '2027-04-07T10:00:00Z',
    received: '2027-04-07',
    ack: '2027-04-12',
    info: '2027-04-21',
    decision: '2027-05-10',
    provisional: false,
    why: '1 month → vr 7-5-2027 decree day → ma 10-5',
  },
  {
    at: '2028-03-28T10:00:00Z',
    received: '2028-03-28',
    ack: '2028-03-31',
    info: '2028-04-11',
    decision: '2028-05-01',
    provisional: false,
    why: '1 month → vr 28-4-2028 decree day → ma 1-5 (1 May is no holiday)',
  },
  // --- month ends and the leap day ---
  {
    at: '2026-01-31T10:00:00Z',
    received: '2026-01-31',
    ack: '2026-02-04',
    info: '2026-02-13',
    decision: '2026-03-02',
    provisional: false,
    why: 'February 2026 has no 31st → za 28-2 → ma 2-3; received on a Saturday: ma 2 (1) di 3 (2) wo 4 (3)',
  },
  {
    at: '2028-01-31T10:00:00Z',
    received: '2028-01-31',
    ack: '2028-02-03',
    info: '2028-02-14',
    decision: '2028-02-29',
    provisional: false,
    why: 'leap year: February 2028 has 29 days → di 29-2, a working day',
  },
  {
    at: '2028-02-29T10:00:00Z',
    received: '2028-02-29',
    ack: '2028-03-03',
    info: '2028-03-14',
    decision: '2028-03-29',
    provisional: false,
    why: 'received on the leap day itself → wo 29-3',
  },
  {
    at: '2027-01-30T10:00:00Z',
    received: '2027-01-30',
    ack: '2027-02-03',
    info: '2027-02-12',
    decision: '2027-03-01',
    provisional: false,
    why: 'February 2027 has no 30th → zo 28-2 → ma 1-3',
  },
  {
    at: '2026-08-31T10:00:00Z',
    received: '2026-08-31',
    ack: '2026-09-03',
    info: '2026-09-14',
    decision: '2026-09-30',
    provisional: false,
    why: 'September has no 31st → wo 30-9',
  },
  // --- summer time starts: Sunday 29 March 2026, 02:00 CET → 03:00 CEST ---
  {
    at: '2026-03-28T22:59:59Z',
    received: '2026-03-28',
    ack: '2026-04-01',
    info: '2026-04-14',
    decision: '2026-04-28',
    provisional: false,
    why: '23:59:59 CET on Saturday 28 March; ma 30 (1) di 31 (2) wo 1 (3); 3 and 6 April off',
  },
  {
    at: '2026-03-28T23:30:00Z',
    received: '2026-03-29',
    ack: '2026-04-01',
    info: '2026-04-14',
    decision: '2026-04-29',
    provisional: false,
    why: '00:30 CET on Sunday 29 March: same working days, decision one day later',
  },
  {
    at: '2026-03-29T21:59:59Z',
    received: '2026-03-29',
    ack: '2026-04-01',
    info: '2026-04-14',
    decision: '2026-04-29',
    provisional: false,
    why: '23:59:59 CEST: the short day is still 29 March',
  },
  {
    at: '2026-03-29T22:30:00Z',
    received: '2026-03-30',
    ack: '2026-04-02',
    info: '2026-04-15',
    decision: '2026-04-30',
    provisional: false,
    why: '00:30 CEST on Monday 30 March (UTC still says the 29th); di 31 (1) wo 1 (2) do 2 (3)',
  },
  // --- summer time ends: Sunday 25 October 2026, 03:00 CEST → 02:00 CET ---
  {
    at: '2026-10-24T22:30:00Z',
    received: '2026-10-25',
    ack: '2026-10-28',
    info: '2026-11-06',
    decision: '2026-11-25',
    provisional: false,
    why: '00:30 CEST on Sunday 25 October; ma 26 (1) di 27 (2) wo 28 (3)',
  },
  {
    at: '2026-10-25T01:30:00Z',
    received: '2026-10-25',
    ack: '2026-10-28',
    info: '2026-11-06',
    decision: '2026-11-25',
    provisional: false,
    why: 'the second 02:30 of 25 October (CET)',
  },
  {
    at: '2026-10-25T22:59:59Z',
    received: '2026-10-25',
    ack: '2026-10-28',
    info: '2026-11-06',
    decision: '2026-11-25',
    provisional: false,
    why: '23:59:59 CET: the long day is still 25 October',
  },
  {
    at: '2026-10-25T23:00:00Z',
    received: '2026-10-26',
    ack: '2026-10-29',
    info: '2026-11-09',
    decision: '2026-11-26',
    provisional: false,
    why: '00:00 CET on Monday 26 October; di 27 (1) wo 28 (2) do 29 (3)',
  },
  // --- late evening UTC is already tomorrow in Amsterdam ---
  {
    at: '2026-01-15T23:30:00Z',
    received: '2026-01-16',
    ack: '2026-01-21',
    info: '2026-01-30',
    decision: '2026-02-16',
    provisional: false,
    why: '00:30 CET on Friday 16 January; ma 19 (1) di 20 (2) wo 21 (3)',
  },
  {
    at: '2026-07-02T22:15:00Z',
    received: '2026-07-03',
    ack: '2026-07-08',
    info: '2026-07-17',
    decision: '2026-08-03',
    provisional: false,
    why: '00:15 CEST on Friday 3 July; 3 August is a Monday',
  },
  // --- weekend receipt, with a plain week for comparison ---
  {
    at: '2026-06-09T10:00:00Z',
    received: '2026-06-09',
    ack: '2026-06-12',
    info: '2026-06-23',
    decision: '2026-07-09',
    provisional: false,
    why: 'a plain week: wo 10 (1) do 11 (2) vr 12 (3)',
  },
  {
    at: '2026-06-12T10:00:00Z',
    received: '2026-06-12',
    ack: '2026-06-17',
    info: '2026-06-26',
    decision: '2026-07-13',
    provisional: false,
    why: 'Friday: ma 15 (1) di 16 (2) wo 17 (3); 12-7 is a Sunday → ma 13',
  },
  {
    at: '2026-06-13T10:00:00Z',
    received: '2026-06-13',
    ack: '2026-06-17',
    info: '2026-06-26',
    decision: '2026-07-13',
    provisional: false,
    why: 'Saturday: the same working days as Friday; 13-7 is a Monday',
  },
  {
    at: '2026-06-14T10:00:00Z',
    received: '2026-06-14',
    ack: '2026-06-17',
    info: '2026-06-26',
    decision: '2026-07-14',
    provisional: false,
    why: 'Sunday: the same working days again; 14-7 is a Tuesday',
  },
  // --- years without a decree in the data ---
  {
    at: '2029-05-03T10:00:00Z',
    received: '2029-05-03',
    ack: '2029-05-08',
    info: '2029-05-18',
    decision: '2029-06-04',
    provisional: true,
    why: 'vr 4 (1), 5 mei is a Saturday, ma 7 (2) di 8 (3); Hemelvaart do 10; vr 11 counts (a likely decree day, not yet known); 3-6 is a Sunday → ma 4',
  },
  {
    at: '2022-12-19T10:00:00Z',
    received: '2022-12-19',
    ack: '2022-12-22',
    info: '2023-01-03',
    decision: '2023-01-19',
    provisional: true,
    why: '2022 lies before the decree data: days counted in 2022 are provisional; Kerst zo 25 / ma 26; Nieuwjaarsdag 2023 is a Sunday; ma 2-1 (9) di 3-1 (10)',
  },
];

describe('computeDeadlines: hand-checked cases', () => {
  it('has at least 40 cases, each at a distinct moment', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.at)).size).toBe(CASES.length);
  });

  it.each(CASES)('$at → $ack / $info / $decision ($why)', (c) => {
    const result = computeDeadlines(new Date(c.at), DEFAULT_PROCEDURE_TERMS, calendar);
    expect({
      received: result.received,
      ack: result.acknowledgeBy,
      info: result.missingInformationBy,
      decision: result.decisionBy,
      provisional: result.provisional,
    }).toEqual({
      received: c.received,
      ack: c.ack,
      info: c.info,
      decision: c.decision,
      provisional: c.provisional,
    });
  });
});

describe('computeDeadlines: details', () => {
  it('marks only the dates that depend on an undecreed year', () => {
    // Received 21-12-2028: the acknowledgment stays in 2028, the others run into 2029.
    const result = computeDeadlines(new Date('2028-12-21T10:00:00Z'), DEFAULT_PROCEDURE_TERMS, calendar);
    expect(result.details.acknowledgeBy.provisional).toBe(false);
    expect(result.details.missingInformationBy.provisional).toBe(true);
    expect(result.details.decisionBy.provisional).toBe(true);
    expect(result.uncoveredYears).toEqual([2029]);
  });

  it('a term counted only in covered years is final, even when receipt lies in an uncovered year', () => {
    // Received 19-12-2022: the decision (1 month → do 19-01-2023) only looks at 2023.
    const result = computeDeadlines(new Date('2022-12-19T10:00:00Z'), DEFAULT_PROCEDURE_TERMS, calendar);
    expect(result.details.acknowledgeBy.provisional).toBe(true);
    expect(result.details.decisionBy.provisional).toBe(false);
    expect(result.uncoveredYears).toEqual([2022]);
  });

  it('each deadline ends at 23:59:59.999 Amsterdam time', () => {
    const result = computeDeadlines(new Date('2026-03-31T22:30:00Z'), DEFAULT_PROCEDURE_TERMS, calendar);
    expect(result.details.acknowledgeBy.endsAt.toISOString()).toBe('2026-04-08T21:59:59.999Z'); // CEST
    const winter = computeDeadlines(new Date('2026-01-15T23:30:00Z'), DEFAULT_PROCEDURE_TERMS, calendar);
    expect(winter.details.decisionBy.endsAt.toISOString()).toBe('2026-02-16T22:59:59.999Z'); // CET
  });

  it('gives the KiFiD 8-week point without moving it off a weekend', () => {
    // 1 April 2026 + 56 days = wo 27 May 2026
    const a = computeDeadlines(new Date('2026-03-31T22:30:00Z'), DEFAULT_PROCEDURE_TERMS, calendar);
    expect(a.kifidNoPositionFrom).toBe('2026-05-27');
    // Saturday 13 June 2026 + 8 weeks = Saturday 8 August 2026, shown as it is
    const b = computeDeadlines(new Date('2026-06-13T10:00:00Z'), DEFAULT_PROCEDURE_TERMS, calendar);
    expect(b.kifidNoPositionFrom).toBe('2026-08-08');
    expect(b.details.kifidNoPositionFrom.provisional).toBe(false);
  });

  it('explains every date in Dutch', () => {
    const result = computeDeadlines(new Date('2026-03-31T22:30:00Z'), DEFAULT_PROCEDURE_TERMS, calendar);
    expect(result.explanations).toEqual({
      acknowledgeBy:
        'ontvangen wo 01-04-2026; 3 werkdagen na ontvangst: do 2, di 7 en wo 8 april; niet meegeteld: vr 3 april (Goede Vrijdag), za 4 en zo 5 april (weekend), ma 6 april (Tweede Paasdag); uiterlijk wo 08-04-2026',
      missingInformationBy:
        'ontvangen wo 01-04-2026; 10 werkdagen na ontvangst: do 2, di 7, wo 8, do 9, vr 10, ma 13, di 14, wo 15, do 16 en vr 17 april; niet meegeteld: vr 3 april (Goede Vrijdag), za 4 en zo 5 april (weekend), ma 6 april (Tweede Paasdag), za 11 en zo 12 april (weekend); uiterlijk vr 17-04-2026',
      decisionBy: 'ontvangen wo 01-04-2026; 1 maand na ontvangst: vr 01-05-2026; uiterlijk vr 01-05-2026',
      kifidNoPositionFrom:
        'ontvangen wo 01-04-2026; 8 weken na ontvangst: wo 27-05-2026; informatief: na deze dag kan de klager ook zonder ons standpunt naar KiFiD',
    });
  });
});

describe('organisation closing days', () => {
  const organisation = createWorkingDayCalendar({
    closingDays: [
      { date: d('2026-12-24'), name: 'kerstsluiting' },
      { date: d('2026-12-28'), name: 'kerstsluiting' },
      { date: d('2026-12-29'), name: 'kerstsluiting' },
      { date: d('2026-12-30'), name: 'kerstsluiting' },
      { date: d('2026-12-31'), name: 'kerstsluiting' },
      { date: d('2026-07-03'), name: 'bedrijfsuitje' },
    ],
  });

  it.each([
    {
      at: '2026-12-22T10:00:00Z',
      plain: ['2026-12-28', '2027-01-07', '2027-01-22'],
      // wo 23 (1); 24 closed, Kerst vr 25 / za 26, zo 27, 28–31 closed, Nieuwjaarsdag vr 1-1; ma 4 (2) di 5 (3)
      // … do 14 (10); 22-1-2027 is an open Friday
      closed: ['2027-01-05', '2027-01-14', '2027-01-22'],
    },
    {
      at: '2026-06-03T10:00:00Z',
      plain: ['2026-06-08', '2026-06-17', '2026-07-03'],
      // 1 month → vr 3-7, the outing → ma 6-7
      closed: ['2026-06-08', '2026-06-17', '2026-07-06'],
    },
  ])('$at', ({ at, plain, closed }) => {
    const withDefault = computeDeadlines(new Date(at), DEFAULT_PROCEDURE_TERMS, calendar);
    const withClosing = computeDeadlines(new Date(at), DEFAULT_PROCEDURE_TERMS, organisation);
    expect([withDefault.acknowledgeBy, withDefault.missingInformationBy, withDefault.decisionBy]).toEqual(
      plain,
    );
    expect([withClosing.acknowledgeBy, withClosing.missingInformationBy, withClosing.decisionBy]).toEqual(
      closed,
    );
  });

  it('names the closing days in the explanation', () => {
    const result = computeDeadlines(new Date('2026-12-22T10:00:00Z'), DEFAULT_PROCEDURE_TERMS, organisation);
    expect(result.explanations.acknowledgeBy).toBe(
      'ontvangen di 22-12-2026; 3 werkdagen na ontvangst: wo 23 december, ma 4 en di 5 januari 2027; niet meegeteld: do 24 december (kerstsluiting), vr 25 december (Eerste Kerstdag), za 26 december (Tweede Kerstdag), zo 27 december (weekend), ma 28, di 29, wo 30 en do 31 december (kerstsluiting), vr 1 januari 2027 (Nieuwjaarsdag), za 2 en zo 3 januari 2027 (weekend); uiterlijk di 05-01-2027',
    );
  });
});

describe('an organisation’s own terms', () => {
  const ownTerms: ProcedureTerms = {
    ...DEFAULT_PROCEDURE_TERMS,
    acknowledgment: { unit: 'working-days', amount: 2 },
    decision: { unit: 'weeks', amount: 6 },
  };

  it('are applied as given', () => {
    // Received ma 20-4-2026: di 21 (1) wo 22 (2); 6 weeks → ma 1-6-2026, a working day
    const result = computeDeadlines(new Date('2026-04-20T08:00:00Z'), ownTerms, calendar);
    expect(result.acknowledgeBy).toBe('2026-04-22');
    expect(result.decisionBy).toBe('2026-06-01');
  });

  it('roll a week term forward like a month term', () => {
    // Received ma 13-4-2026: 6 weeks → ma 25-5-2026, Tweede Pinksterdag → di 26-5
    const result = computeDeadlines(new Date('2026-04-13T08:00:00Z'), ownTerms, calendar);
    expect(result.decisionBy).toBe('2026-05-26');
    expect(result.explanations.decisionBy).toBe(
      'ontvangen ma 13-04-2026; 6 weken na ontvangst: ma 25-05-2026; geen werkdag: ma 25 mei (Tweede Pinksterdag); de termijn loopt door tot de eerstvolgende werkdag (Algemene termijnenwet art. 1); uiterlijk di 26-05-2026',
    );
  });
});

describe('terms that do not start at receipt', () => {
  it('hearing reaction: 5 working days after the request', () => {
    // Asked do 30-4-2026 at 23:30 CEST (21:30 UTC); vr 1 (1), ma 4 (2), 5 mei off, wo 6 (3) do 7 (4) vr 8 (5)
    const due = computeHearingReactionDue(
      new Date('2026-04-30T21:30:00Z'),
      DEFAULT_PROCEDURE_TERMS,
      calendar,
    );
    expect(due.date).toBe('2026-05-08');
    expect(due.explanation).toBe(
      'gevraagd do 30-04-2026; 5 werkdagen na het verzoek: vr 1, ma 4, wo 6, do 7 en vr 8 mei; niet meegeteld: za 2 en zo 3 mei (weekend), di 5 mei (Bevrijdingsdag); uiterlijk vr 08-05-2026',
    );
  });

  it('KiFiD window: 3 months after the final position, rolled forward', () => {
    // Position given vr 25-9-2026 → 3 months → vr 25-12-2026 Eerste Kerstdag, za 26 Tweede Kerstdag,
    // zo 27 → ma 28-12-2026
    const end = computeKifidWindowEnd(new Date('2026-09-25T12:00:00Z'), DEFAULT_PROCEDURE_TERMS, calendar);
    expect(end.date).toBe('2026-12-28');
    expect(end.explanation).toBe(
      'standpunt vr 25-09-2026; 3 maanden na het standpunt: vr 25-12-2026; geen werkdag: vr 25 december (Eerste Kerstdag), za 26 december (Tweede Kerstdag), zo 27 december (weekend); de termijn loopt door tot de eerstvolgende werkdag (Algemene termijnenwet art. 1); uiterlijk ma 28-12-2026',
    );
  });
});

describe('properties of computeDeadlines', () => {
  // 2020 … 2032: covered years, uncovered years on both sides, and every DST switch in between.
  const instant = fc
    .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2032, 11, 31) })
    .map((ms) => new Date(ms));

  it('every deadline is a working day, in order, after receipt', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const r = computeDeadlines(at, DEFAULT_PROCEDURE_TERMS, calendar);
        for (const date of [r.acknowledgeBy, r.missingInformationBy, r.decisionBy]) {
          expect(calendar.isWorkingDay(date)).toBe(true);
        }
        expect(compareLocalDates(r.received, r.acknowledgeBy)).toBe(-1);
        expect(compareLocalDates(r.acknowledgeBy, r.missingInformationBy)).toBe(-1);
        expect(compareLocalDates(r.received, r.decisionBy)).toBe(-1);
        expect(compareLocalDates(r.received, r.kifidNoPositionFrom)).toBe(-1);
      }),
      { numRuns: 500 },
    );
  });

  it('a later receipt never gives an earlier deadline', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 * 86_400_000 }), (at, laterBy) => {
        const a = computeDeadlines(at, DEFAULT_PROCEDURE_TERMS, calendar);
        const b = computeDeadlines(new Date(at.getTime() + laterBy), DEFAULT_PROCEDURE_TERMS, calendar);
        expect(compareLocalDates(a.received, b.received)).toBeLessThanOrEqual(0);
        expect(compareLocalDates(a.acknowledgeBy, b.acknowledgeBy)).toBeLessThanOrEqual(0);
        expect(compareLocalDates(a.missingInformationBy, b.missingInformationBy)).toBeLessThanOrEqual(0);
        expect(compareLocalDates(a.decisionBy, b.decisionBy)).toBeLessThanOrEqual(0);
        expect(compareLocalDates(a.kifidNoPositionFrom, b.kifidNoPositionFrom)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it('the receipt date is the Amsterdam date: within 2 hours ahead of UTC, never behind', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const utcDate = at.toISOString().slice(0, 10);
        const { received } = computeDeadlines(at, DEFAULT_PROCEDURE_TERMS, calendar);
        const twoHoursLater = new Date(at.getTime() + 2 * 3_600_000).toISOString().slice(0, 10);
        expect([utcDate, twoHoursLater]).toContain(received);
      }),
    );
  });
});
