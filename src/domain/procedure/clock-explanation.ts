import {
  DUTCH_WORDINGS,
  explainTerm,
  formatDutchDate,
  joinDutch,
  skippedText,
  type TermStart,
} from '../calendar/explain.ts';
import {
  englishProvisionalNote,
  englishSkippedText,
  explainTermInEnglish,
  formatEnglishDate,
} from '../calendar/explain-en.ts';
import { KIFID_NO_POSITION_NOTE } from '../calendar/deadlines.ts';
import { yearOf, type LocalDate } from '../calendar/local-date.ts';
import type { SkippedDay, TermResult } from '../calendar/terms.ts';

export type ExplanationLanguage = 'nl' | 'en';

/** An informative sentence added to a term: what the date means for the complainant. */
export type TermNote = 'kifid_no_position' | 'kifid_window';

/**
 * How a clock's date was found, as facts: one source for every language. The Dutch rendering is
 * the `explanation` text the dossier has always had; the English one is for staff who switched.
 */
export type ClockExplanation =
  | {
      readonly kind: 'term';
      readonly start: TermStart;
      readonly term: TermResult;
      readonly note: TermNote | null;
    }
  | {
      readonly kind: 'decision';
      readonly term: TermResult;
      /** Delay notices that moved the date, in the order sent. */
      readonly moves: ReadonlyArray<{ readonly sentOn: LocalDate; readonly newDate: LocalDate }>;
      readonly ignored: ReadonlyArray<{
        readonly sentOn: LocalDate;
        readonly reason: 'too_late' | 'not_later';
      }>;
      /** The date in force: the last move's new date, or the term's own date. */
      readonly current: LocalDate;
    }
  | { readonly kind: 'delay_notice_not_needed'; readonly due: LocalDate }
  | {
      readonly kind: 'delay_notice_sent';
      readonly sentOn: LocalDate;
      readonly termEnd: LocalDate;
      readonly newDate: LocalDate;
    }
  | {
      readonly kind: 'delay_notice_condition';
      readonly due: LocalDate;
      readonly lateSentOn: LocalDate | null;
    }
  | {
      readonly kind: 'insurer_notification';
      readonly flaggedOn: LocalDate;
      readonly due: LocalDate;
      /** The days off between the flag and `due`, starting with the flag's own day. */
      readonly skipped: readonly SkippedDay[];
      readonly uncoveredYears: readonly number[];
    }
  | { readonly kind: 'insurer_not_flagged' }
  | { readonly kind: 'kifid_window_not_started' };

export type ClockExplanationKind = ClockExplanation['kind'];

const DUTCH_NOTES: Readonly<Record<TermNote, string>> = {
  kifid_no_position: KIFID_NO_POSITION_NOTE,
  kifid_window: 'informatief: tot en met deze dag kan de klager naar KiFiD',
};

const ENGLISH_NOTES: Readonly<Record<TermNote, string>> = {
  kifid_no_position:
    'for information: after this day the complainant can go to KiFiD without our final position',
  kifid_window: 'for information: up to and including this day the complainant can go to KiFiD',
};

function dutchProvisionalNote(years: readonly number[]): string {
  if (years.length === 0) return '';
  return `; voorlopig: voor ${joinDutch(years.map(String))} is nog geen besluit gelijkstelling (Algemene termijnenwet art. 3 lid 3) in de kalender opgenomen`;
}

function inDutch(e: ClockExplanation): string {
  const day = formatDutchDate;
  switch (e.kind) {
    case 'term': {
      const text = explainTerm(e.term, DUTCH_WORDINGS[e.start]);
      return e.note === null ? text : `${text}; ${DUTCH_NOTES[e.note]}`;
    }
    case 'decision': {
      const parts = [explainTerm(e.term, DUTCH_WORDINGS.receipt)];
      for (const move of e.moves) {
        parts.push(`uitgesteld bij bericht van ${day(move.sentOn)}: nieuwe datum ${day(move.newDate)}`);
      }
      for (const { sentOn, reason } of e.ignored) {
        const why = reason === 'too_late' ? 'verstuurd na het einde van de termijn' : 'geen latere datum';
        parts.push(`bericht van ${day(sentOn)} verschuift de termijn niet (${why})`);
      }
      if (e.moves.length > 0) {
        parts.push(`geldende termijn: uiterlijk ${day(e.current)} (oorspronkelijk ${day(e.term.date)})`);
      }
      return parts.join('; ');
    }
    case 'delay_notice_not_needed':
      return `Niet nodig: ons standpunt is gegeven binnen de termijn (uiterlijk ${day(e.due)}).`;
    case 'delay_notice_sent':
      return `Bericht over uitstel verstuurd op ${day(e.sentOn)}, vóór het einde van de termijn (${day(e.termEnd)}); nieuwe datum ${day(e.newDate)}.`;
    case 'delay_notice_condition': {
      const condition = `Alleen nodig als ons standpunt niet uiterlijk ${day(e.due)} wordt gegeven: dan krijgt de klager vóór het einde van die dag bericht, met de reden en een nieuwe datum.`;
      return e.lateSentOn === null
        ? condition
        : `${condition} Het bericht ging pas op ${day(e.lateSentOn)} uit.`;
    }
    case 'insurer_notification': {
      const head = `direct: gemarkeerd als mogelijke aansprakelijkstelling op ${day(e.flaggedOn)}`;
      // Each day off is told on its own here: there are rarely more than two.
      const skipped = e.skipped.map((s) => skippedText([s], yearOf(e.flaggedOn))).join(', ');
      const rule =
        e.skipped.length === 0
          ? `de verzekeraar wordt dezelfde werkdag geïnformeerd: uiterlijk ${day(e.due)}`
          : `geen werkdag: ${skipped}; de verzekeraar wordt de eerstvolgende werkdag geïnformeerd: uiterlijk ${day(e.due)}`;
      return `${head}; ${rule}${dutchProvisionalNote(e.uncoveredYears)}`;
    }
    case 'insurer_not_flagged':
      return 'Niet van toepassing: de klacht is niet gemarkeerd als mogelijke aansprakelijkstelling.';
    case 'kifid_window_not_started':
      return 'Begint wanneer ons standpunt is gegeven; daarna kan de klager binnen de termijn naar KiFiD.';
    default:
      return e satisfies never;
  }
}

function inEnglish(e: ClockExplanation): string {
  const day = formatEnglishDate;
  switch (e.kind) {
    case 'term': {
      const text = explainTermInEnglish(e.term, e.start);
      return e.note === null ? text : `${text}; ${ENGLISH_NOTES[e.note]}`;
    }
    case 'decision': {
      const parts = [explainTermInEnglish(e.term, 'receipt')];
      for (const move of e.moves) {
        parts.push(`postponed by notice of ${day(move.sentOn)}: new date ${day(move.newDate)}`);
      }
      for (const { sentOn, reason } of e.ignored) {
        const why = reason === 'too_late' ? 'sent after the term had ended' : 'not a later date';
        parts.push(`notice of ${day(sentOn)} does not move the term (${why})`);
      }
      if (e.moves.length > 0) {
        parts.push(`term in force: due by ${day(e.current)} (originally ${day(e.term.date)})`);
      }
      return parts.join('; ');
    }
    case 'delay_notice_not_needed':
      return `Not needed: our final position was given within the term (due by ${day(e.due)}).`;
    case 'delay_notice_sent':
      return `Delay notice sent on ${day(e.sentOn)}, before the term ended (${day(e.termEnd)}); new date ${day(e.newDate)}.`;
    case 'delay_notice_condition': {
      const condition = `Only needed if our final position is not given by ${day(e.due)}: the complainant is then told before the end of that day, with the reason and a new date.`;
      return e.lateSentOn === null
        ? condition
        : `${condition} The notice only went out on ${day(e.lateSentOn)}.`;
    }
    case 'insurer_notification': {
      const head = `at once: flagged as a possible liability claim on ${day(e.flaggedOn)}`;
      const skipped = e.skipped.map((s) => englishSkippedText([s], yearOf(e.flaggedOn))).join(', ');
      const rule =
        e.skipped.length === 0
          ? `the insurer is informed the same working day: due by ${day(e.due)}`
          : `not a working day: ${skipped}; the insurer is informed the next working day: due by ${day(e.due)}`;
      return `${head}; ${rule}${englishProvisionalNote(e.uncoveredYears)}`;
    }
    case 'insurer_not_flagged':
      return 'Not applicable: the complaint is not flagged as a possible liability claim.';
    case 'kifid_window_not_started':
      return 'Starts when our final position is given; from then on the complainant can go to KiFiD within the term.';
    default:
      return e satisfies never;
  }
}

/** The explanation as text in one language; Dutch is the `explanation` every clock carries. */
export function renderClockExplanation(explanation: ClockExplanation, language: ExplanationLanguage): string {
  return language === 'en' ? inEnglish(explanation) : inDutch(explanation);
}
