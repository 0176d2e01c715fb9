import { describe, expect, it } from 'vitest';
import {
  explainTerm,
  FINAL_POSITION_WORDING,
  formatDayList,
  formatDutchDate,
  joinDutch,
  RECEIPT_WORDING,
} from './explain.ts';
import { parseLocalDate } from './local-date.ts';
import { addMonths, addTerm, addWeeks, addWorkingDays } from './terms.ts';
import { createWorkingDayCalendar } from './working-day-calendar.ts';

const d = parseLocalDate;
const calendar = createWorkingDayCalendar();

describe('formatting', () => {
  it.each([
    ['2028-12-21', 'do 21-12-2028'],
    ['2026-01-05', 'ma 05-01-2026'],
    ['2026-01-06', 'di 06-01-2026'],
    ['2026-01-07', 'wo 07-01-2026'],
    ['2026-01-09', 'vr 09-01-2026'],
    ['2026-01-10', 'za 10-01-2026'],
    ['2026-01-11', 'zo 11-01-2026'],
  ])('%s → %s', (date, text) => {
    expect(formatDutchDate(d(date))).toBe(text);
  });

  it('joins lists the Dutch way', () => {
    expect(joinDutch([])).toBe('');
    expect(joinDutch(['a'])).toBe('a');
    expect(joinDutch(['a', 'b'])).toBe('a en b');
    expect(joinDutch(['a', 'b', 'c'])).toBe('a, b en c');
  });

  it('names each month once, and the year only when it differs', () => {
    expect(formatDayList([d('2028-12-22'), d('2028-12-27'), d('2028-12-28')], 2028)).toBe(
      'vr 22, wo 27 en do 28 december',
    );
    expect(formatDayList([d('2028-12-29'), d('2029-01-02'), d('2029-01-03')], 2028)).toBe(
      'vr 29 december, di 2 en wo 3 januari 2029',
    );
    expect(formatDayList([d('2026-01-31'), d('2026-02-01')], 2026)).toBe('za 31 januari en zo 1 februari');
    expect(
      formatDayList(
        [
          d('2026-01-01'),
          d('2026-02-01'),
          d('2026-03-01'),
          d('2026-04-01'),
          d('2026-05-01'),
          d('2026-06-01'),
          d('2026-07-01'),
          d('2026-08-01'),
          d('2026-09-01'),
          d('2026-10-01'),
          d('2026-11-01'),
          d('2026-12-01'),
        ],
        2026,
      ),
    ).toBe(
      'do 1 januari, zo 1 februari, zo 1 maart, wo 1 april, vr 1 mei, ma 1 juni, wo 1 juli, za 1 augustus, di 1 september, do 1 oktober, zo 1 november en di 1 december',
    );
  });
});

describe('working days', () => {
  it('the design example: received Thursday 21 December 2028, 3 working days', () => {
    expect(explainTerm(addWorkingDays(calendar, d('2028-12-21'), 3))).toBe(
      'ontvangen do 21-12-2028; 3 werkdagen na ontvangst: vr 22, wo 27 en do 28 december; niet meegeteld: za 23 en zo 24 december (weekend), ma 25 december (Eerste Kerstdag), di 26 december (Tweede Kerstdag); uiterlijk do 28-12-2028',
    );
  });

  it('10 working days into an undecreed year say so', () => {
    expect(explainTerm(addWorkingDays(calendar, d('2028-12-21'), 10))).toBe(
      'ontvangen do 21-12-2028; 10 werkdagen na ontvangst: vr 22, wo 27, do 28, vr 29 december, di 2, wo 3, do 4, vr 5, ma 8 en di 9 januari 2029; niet meegeteld: za 23 en zo 24 december (weekend), ma 25 december (Eerste Kerstdag), di 26 december (Tweede Kerstdag), za 30 en zo 31 december (weekend), ma 1 januari 2029 (Nieuwjaarsdag), za 6 en zo 7 januari 2029 (weekend); uiterlijk di 09-01-2029; voorlopig: voor 2029 is nog geen besluit gelijkstelling (Algemene termijnenwet art. 3 lid 3) in de kalender opgenomen',
    );
  });

  it('names more than one uncovered year', () => {
    // vr 28-12-2029: ma 31 (1), Nieuwjaarsdag 2030, wo 2 (2) do 3 (3)
    expect(explainTerm(addWorkingDays(calendar, d('2029-12-28'), 3))).toBe(
      'ontvangen vr 28-12-2029; 3 werkdagen na ontvangst: ma 31 december, wo 2 en do 3 januari 2030; niet meegeteld: za 29 en zo 30 december (weekend), di 1 januari 2030 (Nieuwjaarsdag); uiterlijk do 03-01-2030; voorlopig: voor 2029 en 2030 is nog geen besluit gelijkstelling (Algemene termijnenwet art. 3 lid 3) in de kalender opgenomen',
    );
  });

  it('Koningsdag on a Saturday is named, and costs no working day', () => {
    expect(explainTerm(addWorkingDays(calendar, d('2025-04-25'), 3))).toBe(
      'ontvangen vr 25-04-2025; 3 werkdagen na ontvangst: ma 28, di 29 en wo 30 april; niet meegeteld: za 26 april (Koningsdag), zo 27 april (weekend); uiterlijk wo 30-04-2025',
    );
  });

  it('names decree days and Goede Vrijdag', () => {
    expect(explainTerm(addWorkingDays(calendar, d('2026-05-13'), 3))).toBe(
      'ontvangen wo 13-05-2026; 3 werkdagen na ontvangst: ma 18, di 19 en wo 20 mei; niet meegeteld: do 14 mei (Hemelvaartsdag), vr 15 mei (gelijkgestelde dag: vrijdag na Hemelvaartsdag), za 16 en zo 17 mei (weekend); uiterlijk wo 20-05-2026',
    );
    expect(explainTerm(addWorkingDays(calendar, d('2025-04-17'), 1))).toBe(
      'ontvangen do 17-04-2025; 1 werkdag na ontvangst: di 22 april; niet meegeteld: vr 18 april (Goede Vrijdag), za 19 en zo 20 april (weekend), ma 21 april (Tweede Paasdag); uiterlijk di 22-04-2025',
    );
  });

  it('tells weekends in one breath when nothing else lies between them', () => {
    // ma 1-6-2026 + 10: di 2 … vr 5, ma 8 … vr 12, ma 15
    expect(explainTerm(addWorkingDays(calendar, d('2026-06-01'), 10))).toBe(
      'ontvangen ma 01-06-2026; 10 werkdagen na ontvangst: di 2, wo 3, do 4, vr 5, ma 8, di 9, wo 10, do 11, vr 12 en ma 15 juni; niet meegeteld: za 6, zo 7, za 13 en zo 14 juni (weekend); uiterlijk ma 15-06-2026',
    );
  });

  it('without skipped days the part is left out', () => {
    expect(explainTerm(addWorkingDays(calendar, d('2026-06-08'), 3))).toBe(
      'ontvangen ma 08-06-2026; 3 werkdagen na ontvangst: di 9, wo 10 en do 11 juni; uiterlijk do 11-06-2026',
    );
  });
});

describe('months and weeks', () => {
  it('the last day of a shorter month', () => {
    expect(explainTerm(addMonths(calendar, d('2028-01-31'), 1))).toBe(
      'ontvangen ma 31-01-2028; 1 maand na ontvangst: di 29-02-2028 (februari 2028 heeft geen 31ste dag); uiterlijk di 29-02-2028',
    );
  });

  it('the last day of a shorter month that is no working day', () => {
    expect(explainTerm(addMonths(calendar, d('2026-01-31'), 1))).toBe(
      'ontvangen za 31-01-2026; 1 maand na ontvangst: za 28-02-2026 (februari 2026 heeft geen 31ste dag); geen werkdag: za 28 februari en zo 1 maart (weekend); de termijn loopt door tot de eerstvolgende werkdag (Algemene termijnenwet art. 1); uiterlijk ma 02-03-2026',
    );
    expect(explainTerm(addMonths(calendar, d('2027-01-30'), 1))).toBe(
      'ontvangen za 30-01-2027; 1 maand na ontvangst: zo 28-02-2027 (februari 2027 heeft geen 30ste dag); geen werkdag: zo 28 februari (weekend); de termijn loopt door tot de eerstvolgende werkdag (Algemene termijnenwet art. 1); uiterlijk ma 01-03-2027',
    );
  });

  it('rolls over Koningsdag', () => {
    expect(explainTerm(addMonths(calendar, d('2026-03-27'), 1))).toBe(
      'ontvangen vr 27-03-2026; 1 maand na ontvangst: ma 27-04-2026; geen werkdag: ma 27 april (Koningsdag); de termijn loopt door tot de eerstvolgende werkdag (Algemene termijnenwet art. 1); uiterlijk di 28-04-2026',
    );
  });

  it('rolls over Kerst in a weekend', () => {
    expect(explainTerm(addMonths(calendar, d('2027-11-25'), 1))).toBe(
      'ontvangen do 25-11-2027; 1 maand na ontvangst: za 25-12-2027; geen werkdag: za 25 december (Eerste Kerstdag), zo 26 december (Tweede Kerstdag); de termijn loopt door tot de eerstvolgende werkdag (Algemene termijnenwet art. 1); uiterlijk ma 27-12-2027',
    );
  });

  it('a plain month', () => {
    expect(explainTerm(addMonths(calendar, d('2026-06-09'), 1))).toBe(
      'ontvangen di 09-06-2026; 1 maand na ontvangst: do 09-07-2026; uiterlijk do 09-07-2026',
    );
  });

  it('a month into an undecreed year', () => {
    // 28-1-2029 is a Sunday
    expect(explainTerm(addMonths(calendar, d('2028-12-28'), 1))).toBe(
      'ontvangen do 28-12-2028; 1 maand na ontvangst: zo 28-01-2029; geen werkdag: zo 28 januari 2029 (weekend); de termijn loopt door tot de eerstvolgende werkdag (Algemene termijnenwet art. 1); uiterlijk ma 29-01-2029; voorlopig: voor 2029 is nog geen besluit gelijkstelling (Algemene termijnenwet art. 3 lid 3) in de kalender opgenomen',
    );
  });

  it('uses the wording of the start', () => {
    expect(explainTerm(addMonths(calendar, d('2026-06-09'), 3), FINAL_POSITION_WORDING)).toBe(
      'standpunt di 09-06-2026; 3 maanden na het standpunt: wo 09-09-2026; uiterlijk wo 09-09-2026',
    );
  });

  it('weeks, singular and plural, and an informative point without roll', () => {
    expect(explainTerm(addWeeks(calendar, d('2026-06-09'), 1))).toBe(
      'ontvangen di 09-06-2026; 1 week na ontvangst: di 16-06-2026; uiterlijk di 16-06-2026',
    );
    expect(
      explainTerm(
        addTerm(calendar, d('2026-06-13'), { unit: 'weeks', amount: 8 }, { rollForward: false }),
        RECEIPT_WORDING,
      ),
    ).toBe('ontvangen za 13-06-2026; 8 weken na ontvangst: za 08-08-2026');
  });
});
