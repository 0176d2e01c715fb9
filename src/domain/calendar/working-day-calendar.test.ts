import { describe, expect, it } from 'vitest';
import { addDays, parseLocalDate, type LocalDate } from './local-date.ts';
import { createWorkingDayCalendar, type ClosingDay } from './working-day-calendar.ts';

const d = parseLocalDate;
const calendar = createWorkingDayCalendar();

describe('the default calendar', () => {
  it.each([
    // weekends
    ['2026-01-03', 'weekend', 'zaterdag'],
    ['2026-01-04', 'weekend', 'zondag'],
    // art. 3 lid 1
    ['2026-01-01', 'legal-holiday', 'Nieuwjaarsdag'],
    ['2026-04-06', 'legal-holiday', 'Tweede Paasdag'],
    ['2026-04-27', 'legal-holiday', 'Koningsdag'],
    ['2026-05-05', 'legal-holiday', 'Bevrijdingsdag'],
    ['2026-05-14', 'legal-holiday', 'Hemelvaartsdag'],
    ['2026-05-25', 'legal-holiday', 'Tweede Pinksterdag'],
    ['2026-12-25', 'legal-holiday', 'Eerste Kerstdag'],
    ['2028-12-26', 'legal-holiday', 'Tweede Kerstdag'],
    // art. 3 lid 2
    ['2026-04-03', 'good-friday', 'Goede Vrijdag'],
    // art. 3 lid 3, every day of both decrees
    ['2023-04-28', 'decree-day', 'gelijkgestelde dag: vrijdag na Koningsdag'],
    ['2023-05-19', 'decree-day', 'gelijkgestelde dag: vrijdag na Hemelvaartsdag'],
    ['2024-05-10', 'decree-day', 'gelijkgestelde dag: vrijdag na Hemelvaartsdag'],
    ['2024-12-27', 'decree-day', 'gelijkgestelde dag: vrijdag na Tweede Kerstdag'],
    ['2025-05-30', 'decree-day', 'gelijkgestelde dag: vrijdag na Hemelvaartsdag'],
    ['2026-01-02', 'decree-day', 'gelijkgestelde dag: vrijdag na Nieuwjaarsdag'],
    ['2026-05-15', 'decree-day', 'gelijkgestelde dag: vrijdag na Hemelvaartsdag'],
    ['2027-05-07', 'decree-day', 'gelijkgestelde dag: vrijdag na Hemelvaartsdag'],
    ['2028-04-28', 'decree-day', 'gelijkgestelde dag: vrijdag na Koningsdag'],
    ['2028-05-26', 'decree-day', 'gelijkgestelde dag: vrijdag na Hemelvaartsdag'],
    // A holiday in a weekend is reported as the holiday: it reads better in an explanation.
    ['2025-04-26', 'legal-holiday', 'Koningsdag'], // Saturday, because the 27th is a Sunday
    ['2031-04-26', 'legal-holiday', 'Koningsdag'],
    ['2027-12-26', 'legal-holiday', 'Tweede Kerstdag'], // Sunday
    ['2024-05-05', 'legal-holiday', 'Bevrijdingsdag'], // Sunday
    // Two holidays on one day keep both names.
    ['2016-05-05', 'legal-holiday', 'Bevrijdingsdag en Hemelvaartsdag'],
  ] as const)('%s is no working day: %s, %s', (date, kind, name) => {
    expect(calendar.isWorkingDay(d(date))).toBe(false);
    expect(calendar.nonWorkingReason(d(date))).toMatchObject({ kind, name });
  });

  it.each([
    '2025-04-28', // the Monday after Koningsdag on Saturday: no compensation day
    '2031-04-28',
    '2025-04-25', // the Friday before Koningsdag on Saturday
    '2026-04-28',
    '2026-05-04', // Dodenherdenking is no holiday
    '2026-12-24', // Kerstavond
    '2026-12-31', // Oudejaarsdag
    '2029-05-11', // probably a future decree day, but 2029 has no decree in the data yet
    '2022-05-27', // equated by the 2020–2022 decree, which the data does not hold
    '2028-02-29',
  ])('%s is a working day', (date) => {
    expect(calendar.isWorkingDay(d(date))).toBe(true);
    expect(calendar.nonWorkingReason(d(date))).toBeNull();
  });

  it('the Sunday 27 April 2025 is a plain Sunday', () => {
    expect(calendar.nonWorkingReason(d('2025-04-27'))).toMatchObject({ kind: 'weekend', name: 'zondag' });
  });

  it('gives the legal basis', () => {
    expect(calendar.nonWorkingReason(d('2026-12-25'))?.basis).toBe('Algemene termijnenwet art. 3 lid 1');
    expect(calendar.nonWorkingReason(d('2026-04-03'))?.basis).toBe('Algemene termijnenwet art. 3 lid 2');
    expect(calendar.nonWorkingReason(d('2026-05-15'))?.basis).toBe(
      'Algemene termijnenwet art. 3 lid 3; Besluit gelijkstelling dagen Algemene termijnenwet 2026, 2027 en 2028',
    );
    expect(calendar.nonWorkingReason(d('2026-01-03'))?.basis).toBe('Algemene termijnenwet art. 1');
  });

  it('knows which years a decree covers', () => {
    expect([2022, 2023, 2025, 2026, 2028, 2029].map((y) => calendar.isYearCovered(y))).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(calendar.decreeFor(2024)?.lastYear).toBe(2025);
  });

  it('lists the special days of a year', () => {
    expect(calendar.specialDaysOf(2026).map((x) => `${x.date} ${x.reason.name}`)).toEqual([
      '2026-01-01 Nieuwjaarsdag',
      '2026-01-02 gelijkgestelde dag: vrijdag na Nieuwjaarsdag',
      '2026-04-03 Goede Vrijdag',
      '2026-04-06 Tweede Paasdag',
      '2026-04-27 Koningsdag',
      '2026-05-05 Bevrijdingsdag',
      '2026-05-14 Hemelvaartsdag',
      '2026-05-15 gelijkgestelde dag: vrijdag na Hemelvaartsdag',
      '2026-05-25 Tweede Pinksterdag',
      '2026-12-25 Eerste Kerstdag',
      '2026-12-26 Tweede Kerstdag',
    ]);
  });

  it('has 251 working days in 2026', () => {
    // 2026 starts on a Thursday and has 365 days: 52 weeks and one Thursday, so 261 weekdays.
    // Less the ten weekdays 1 Jan, 2 Jan, 3 Apr, 6 Apr, 27 Apr, 5 May, 14 May, 15 May, 25 May and
    // 25 Dec (26 Dec is a Saturday).
    let working = 0;
    for (let date = d('2026-01-01'); date <= d('2026-12-31'); date = addDays(date, 1)) {
      if (calendar.isWorkingDay(date)) working += 1;
    }
    expect(working).toBe(251);
  });
});

describe('organisation closing days', () => {
  const closingDays: ClosingDay[] = [
    { date: d('2026-12-24'), name: 'Kerstavond' },
    { date: d('2026-12-31'), name: 'Oudejaarsdag' },
    { date: d('2026-12-25'), name: 'kerstsluiting' }, // on a legal holiday: changes nothing
    { date: d('2026-12-27'), name: 'kerstsluiting' }, // on a Sunday: still a Sunday
  ];
  const organisation = createWorkingDayCalendar({ closingDays });

  it('come on top of the legal days', () => {
    expect(organisation.nonWorkingReason(d('2026-12-24'))).toEqual({
      kind: 'closing-day',
      name: 'Kerstavond',
      basis: 'sluitingsdag van de organisatie',
    });
    expect(organisation.isWorkingDay(d('2026-12-31'))).toBe(false);
    expect(calendar.isWorkingDay(d('2026-12-31'))).toBe(true);
  });

  it('never replace a legal reason or a weekend', () => {
    expect(organisation.nonWorkingReason(d('2026-12-25'))).toMatchObject({ kind: 'legal-holiday' });
    expect(organisation.nonWorkingReason(d('2026-12-27'))).toMatchObject({ kind: 'weekend', name: 'zondag' });
  });

  it('do not touch other organisations: each calendar has its own', () => {
    expect(createWorkingDayCalendar().isWorkingDay(d('2026-12-24'))).toBe(true);
  });

  it('refuse an invalid date or an empty name', () => {
    // A string from configuration that only claims to be a LocalDate.
    // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- the runtime guard is under test
    const bogus = '2026-02-30' as unknown as LocalDate;
    expect(() => createWorkingDayCalendar({ closingDays: [{ date: bogus, name: 'x' }] })).toThrow(RangeError);
    expect(() => createWorkingDayCalendar({ closingDays: [{ date: d('2026-06-01'), name: ' ' }] })).toThrow(
      RangeError,
    );
  });

  it('join names when two closing days share a date', () => {
    const twice = createWorkingDayCalendar({
      closingDays: [
        { date: d('2026-06-01'), name: 'teamdag' },
        { date: d('2026-06-01'), name: 'verhuizing' },
      ],
    });
    expect(twice.nonWorkingReason(d('2026-06-01'))?.name).toBe('teamdag en verhuizing');
  });
});

describe('additional decrees', () => {
  const decree2029 = {
    id: 'test-2029-2031',
    firstYear: 2029,
    lastYear: 2031,
    title: 'Besluit gelijkstelling dagen (testgegevens)',
    source: 'test',
    days: [{ date: d('2029-05-11'), description: 'vrijdag na Hemelvaartsdag' }],
  };

  it('cover later years', () => {
    const later = createWorkingDayCalendar({ additionalDecrees: [decree2029] });
    expect(later.isYearCovered(2029)).toBe(true);
    expect(later.isYearCovered(2032)).toBe(false);
    expect(later.nonWorkingReason(d('2029-05-11'))?.kind).toBe('decree-day');
  });

  it('cannot overlap the built-in decrees, so they cannot take a legal day away', () => {
    expect(() =>
      createWorkingDayCalendar({ additionalDecrees: [{ ...decree2029, firstYear: 2028, days: [] }] }),
    ).toThrow(/already covered/);
  });

  it('must keep their days inside their years', () => {
    expect(() =>
      createWorkingDayCalendar({
        additionalDecrees: [{ ...decree2029, days: [{ date: d('2032-01-02'), description: 'x' }] }],
      }),
    ).toThrow(/outside its years/);
  });
});
