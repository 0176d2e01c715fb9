import { easterSunday } from './easter.ts';
import { addDays, compareLocalDates, dayOfWeek, localDateFromParts, type LocalDate } from './local-date.ts';

export type LegalHolidayKey =
  | 'nieuwjaarsdag'
  | 'goede-vrijdag'
  | 'tweede-paasdag'
  | 'koningsdag'
  | 'bevrijdingsdag'
  | 'hemelvaartsdag'
  | 'tweede-pinksterdag'
  | 'eerste-kerstdag'
  | 'tweede-kerstdag';

export interface LegalHoliday {
  readonly key: LegalHolidayKey;
  readonly date: LocalDate;
  /** Dutch name, as shown to users and in letters. */
  readonly name: string;
  /** Lid 1 names the holidays; lid 2 only equates Goede Vrijdag with them, hence its own kind. */
  readonly kind: 'legal-holiday' | 'good-friday';
  readonly basis: string;
}

export const ATW_ART_3_LID_1 = 'Algemene termijnenwet art. 3 lid 1';
export const ATW_ART_3_LID_2 = 'Algemene termijnenwet art. 3 lid 2';

/**
 * "De dag waarop de verjaardag van de Koning wordt gevierd": 27 April, or 26 April when the 27th
 * is a Sunday (Besluit vaststelling viering Koningsdag).
 */
export function koningsdagOf(year: number): LocalDate {
  const birthday = localDateFromParts(year, 4, 27);
  return dayOfWeek(birthday) === 7 ? localDateFromParts(year, 4, 26) : birthday;
}

/**
 * The days of Algemene termijnenwet art. 3 lid 1 and lid 2 in a year, in date order.
 * Today's rules are applied to every year (Koningsdag only exists since 2014); decree days
 * (lid 3) are data and live in decree-days.ts.
 */
function lid1(key: LegalHolidayKey, date: LocalDate, name: string): LegalHoliday {
  return { key, date, name, kind: 'legal-holiday', basis: ATW_ART_3_LID_1 };
}

export function legalHolidaysOf(year: number): readonly LegalHoliday[] {
  const easter = easterSunday(year);
  const holidays: LegalHoliday[] = [
    lid1('nieuwjaarsdag', localDateFromParts(year, 1, 1), 'Nieuwjaarsdag'),
    {
      key: 'goede-vrijdag',
      date: addDays(easter, -2),
      name: 'Goede Vrijdag',
      kind: 'good-friday',
      basis: ATW_ART_3_LID_2,
    },
    lid1('tweede-paasdag', addDays(easter, 1), 'Tweede Paasdag'),
    lid1('koningsdag', koningsdagOf(year), 'Koningsdag'),
    lid1('bevrijdingsdag', localDateFromParts(year, 5, 5), 'Bevrijdingsdag'),
    lid1('hemelvaartsdag', addDays(easter, 39), 'Hemelvaartsdag'),
    lid1('tweede-pinksterdag', addDays(easter, 50), 'Tweede Pinksterdag'),
    lid1('eerste-kerstdag', localDateFromParts(year, 12, 25), 'Eerste Kerstdag'),
    lid1('tweede-kerstdag', localDateFromParts(year, 12, 26), 'Tweede Kerstdag'),
  ];
  // Hemelvaartsdag and 5 mei, or Tweede Paasdag and Koningsdag, can share a date: keep both.
  return holidays.toSorted((a, b) => compareLocalDates(a.date, b.date));
}
