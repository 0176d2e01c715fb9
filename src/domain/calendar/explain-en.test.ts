import { describe, expect, it } from 'vitest';
import {
  englishReasonLabel,
  explainTermInEnglish,
  formatEnglishDate,
  formatEnglishDayList,
  joinEnglish,
} from './explain-en.ts';
import { parseLocalDate } from './local-date.ts';
import { addMonths, addTerm, addWeeks, addWorkingDays } from './terms.ts';
import { createWorkingDayCalendar } from './working-day-calendar.ts';

// The English twin of explain.test.ts: the same cases, so that no fact is told in Dutch only.
const d = parseLocalDate;
const calendar = createWorkingDayCalendar();

describe('formatting', () => {
  it.each([
    ['2026-11-18', 'Wed 18 Nov 2026'],
    ['2028-12-21', 'Thu 21 Dec 2028'],
    ['2026-01-05', 'Mon 5 Jan 2026'],
    ['2026-01-06', 'Tue 6 Jan 2026'],
    ['2026-01-09', 'Fri 9 Jan 2026'],
    ['2026-01-10', 'Sat 10 Jan 2026'],
    ['2026-01-11', 'Sun 11 Jan 2026'],
  ])('%s → %s', (date, text) => {
    expect(formatEnglishDate(d(date))).toBe(text);
  });

  it('joins lists the English way', () => {
    expect(joinEnglish([])).toBe('');
    expect(joinEnglish(['a'])).toBe('a');
    expect(joinEnglish(['a', 'b'])).toBe('a and b');
    expect(joinEnglish(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('names each month once, and the year only when it differs', () => {
    expect(formatEnglishDayList([d('2028-12-29'), d('2029-01-02'), d('2029-01-03')], 2028)).toBe(
      'Fri 29 December, Tue 2 and Wed 3 January 2029',
    );
    expect(formatEnglishDayList([d('2026-01-31'), d('2026-02-01')], 2026)).toBe(
      'Sat 31 January and Sun 1 February',
    );
  });
});

describe('reasons a day does not count', () => {
  it('names every legal holiday in English', () => {
    const names = calendar
      .specialDaysOf(2026)
      .filter(({ reason }) => reason.kind === 'legal-holiday' || reason.kind === 'good-friday')
      .map(({ reason }) => englishReasonLabel(reason));
    expect(names).toEqual([
      "New Year's Day",
      'Good Friday',
      'Easter Monday',
      "King's Day",
      'Liberation Day',
      'Ascension Day',
      'Whit Monday',
      'Christmas Day',
      'Boxing Day',
    ]);
  });

  it('names two holidays on one day, decree days, weekends and closing days', () => {
    // Hemelvaartsdag fell on 5 May in 2005.
    expect(englishReasonLabel(calendar.nonWorkingReason(d('2005-05-05'))!)).toBe(
      'Liberation Day and Ascension Day',
    );
    expect(englishReasonLabel(calendar.nonWorkingReason(d('2026-05-15'))!)).toBe(
      'equated day: Friday after Ascension Day',
    );
    expect(englishReasonLabel(calendar.nonWorkingReason(d('2026-01-02'))!)).toBe(
      "equated day: Friday after New Year's Day",
    );
    expect(englishReasonLabel(calendar.nonWorkingReason(d('2026-01-03'))!)).toBe('weekend');
    const organisation = createWorkingDayCalendar({
      closingDays: [{ date: d('2026-12-24'), name: 'kerstavond' }],
    });
    expect(englishReasonLabel(organisation.nonWorkingReason(d('2026-12-24'))!)).toBe(
      'closing day: kerstavond',
    );
  });

  it('keeps a decree description it cannot translate, quoted', () => {
    expect(
      englishReasonLabel({
        kind: 'decree-day',
        name: 'x',
        basis: 'y',
        decreeDescriptions: ['dag na de storm'],
      }),
    ).toBe('equated day: "dag na de storm"');
  });
});

describe('working days', () => {
  it('the issue example: received Friday 13 November 2026, 3 working days', () => {
    expect(explainTermInEnglish(addWorkingDays(calendar, d('2026-11-13'), 3))).toBe(
      'received Fri 13 Nov 2026; 3 working days after receipt: Mon 16, Tue 17 and Wed 18 November; not counted: Sat 14 and Sun 15 November (weekend); due by Wed 18 Nov 2026',
    );
  });

  it('the design example over Christmas', () => {
    expect(explainTermInEnglish(addWorkingDays(calendar, d('2028-12-21'), 3))).toBe(
      'received Thu 21 Dec 2028; 3 working days after receipt: Fri 22, Wed 27 and Thu 28 December; not counted: Sat 23 and Sun 24 December (weekend), Mon 25 December (Christmas Day), Tue 26 December (Boxing Day); due by Thu 28 Dec 2028',
    );
  });

  it('says when years lack a decree', () => {
    expect(explainTermInEnglish(addWorkingDays(calendar, d('2029-12-28'), 3))).toBe(
      "received Fri 28 Dec 2029; 3 working days after receipt: Mon 31 December, Wed 2 and Thu 3 January 2030; not counted: Sat 29 and Sun 30 December (weekend), Tue 1 January 2030 (New Year's Day); due by Thu 3 Jan 2030; provisional: the calendar has no decree equating days (General Time Limits Act (Algemene termijnenwet) art. 3(3)) for 2029 and 2030 yet",
    );
  });

  it("King's Day on a Saturday, decree days and Good Friday", () => {
    expect(explainTermInEnglish(addWorkingDays(calendar, d('2025-04-25'), 3))).toBe(
      "received Fri 25 Apr 2025; 3 working days after receipt: Mon 28, Tue 29 and Wed 30 April; not counted: Sat 26 April (King's Day), Sun 27 April (weekend); due by Wed 30 Apr 2025",
    );
    expect(explainTermInEnglish(addWorkingDays(calendar, d('2026-05-13'), 3))).toBe(
      'received Wed 13 May 2026; 3 working days after receipt: Mon 18, Tue 19 and Wed 20 May; not counted: Thu 14 May (Ascension Day), Fri 15 May (equated day: Friday after Ascension Day), Sat 16 and Sun 17 May (weekend); due by Wed 20 May 2026',
    );
    expect(explainTermInEnglish(addWorkingDays(calendar, d('2025-04-17'), 1))).toBe(
      'received Thu 17 Apr 2025; 1 working day after receipt: Tue 22 April; not counted: Fri 18 April (Good Friday), Sat 19 and Sun 20 April (weekend), Mon 21 April (Easter Monday); due by Tue 22 Apr 2025',
    );
  });

  it("an organisation's closing day", () => {
    const organisation = createWorkingDayCalendar({
      closingDays: [{ date: d('2026-11-16'), name: 'teamdag' }],
    });
    expect(explainTermInEnglish(addWorkingDays(organisation, d('2026-11-13'), 3))).toBe(
      'received Fri 13 Nov 2026; 3 working days after receipt: Tue 17, Wed 18 and Thu 19 November; not counted: Sat 14 and Sun 15 November (weekend), Mon 16 November (closing day: teamdag); due by Thu 19 Nov 2026',
    );
  });

  it('the hearing request wording, without skipped days', () => {
    expect(explainTermInEnglish(addWorkingDays(calendar, d('2026-06-08'), 3), 'hearing_request')).toBe(
      'requested Mon 8 Jun 2026; 3 working days after the request: Tue 9, Wed 10 and Thu 11 June; due by Thu 11 Jun 2026',
    );
  });
});

describe('months and weeks', () => {
  it('the last day of a shorter month, and rolling forward', () => {
    expect(explainTermInEnglish(addMonths(calendar, d('2028-01-31'), 1))).toBe(
      'received Mon 31 Jan 2028; 1 month after receipt: Tue 29 Feb 2028 (February 2028 has no 31st day); due by Tue 29 Feb 2028',
    );
    expect(explainTermInEnglish(addMonths(calendar, d('2027-01-30'), 1))).toBe(
      'received Sat 30 Jan 2027; 1 month after receipt: Sun 28 Feb 2027 (February 2027 has no 30th day); not a working day: Sun 28 February (weekend); the term runs on to the next working day (General Time Limits Act (Algemene termijnenwet) art. 1); due by Mon 1 Mar 2027',
    );
  });

  it('rolls over Christmas in a weekend', () => {
    expect(explainTermInEnglish(addMonths(calendar, d('2027-11-25'), 1))).toBe(
      'received Thu 25 Nov 2027; 1 month after receipt: Sat 25 Dec 2027; not a working day: Sat 25 December (Christmas Day), Sun 26 December (Boxing Day); the term runs on to the next working day (General Time Limits Act (Algemene termijnenwet) art. 1); due by Mon 27 Dec 2027',
    );
  });

  it('the final position wording, weeks, and an informative point without roll', () => {
    expect(explainTermInEnglish(addMonths(calendar, d('2026-06-09'), 3), 'final_position')).toBe(
      'final position Tue 9 Jun 2026; 3 months after the final position: Wed 9 Sep 2026; due by Wed 9 Sep 2026',
    );
    expect(explainTermInEnglish(addWeeks(calendar, d('2026-06-09'), 1))).toBe(
      'received Tue 9 Jun 2026; 1 week after receipt: Tue 16 Jun 2026; due by Tue 16 Jun 2026',
    );
    expect(
      explainTermInEnglish(
        addTerm(calendar, d('2026-06-13'), { unit: 'weeks', amount: 8 }, { rollForward: false }),
      ),
    ).toBe('received Sat 13 Jun 2026; 8 weeks after receipt: Sat 8 Aug 2026');
  });
});
