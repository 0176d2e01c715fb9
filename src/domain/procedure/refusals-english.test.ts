import { describe, expect, it } from 'vitest';
import { parseLocalDate } from '../calendar/local-date.ts';
import { COMPLAINT_ACTIONS as ACTIONS } from './actions.ts';
import { COMPLAINT_STATUSES } from './complaint-state.ts';
import { checkDecisionLetter } from './decision-letter.ts';
import { refusals, refusalText, type Refusal } from './refusals.ts';

const target = parseLocalDate('2026-11-18');

/** One refusal from every builder, with arguments where it takes them. */
function everyRefusal(): Refusal[] {
  const list: Refusal[] = [];
  for (const [name, build] of Object.entries(refusals)) {
    switch (name) {
      case 'illegalTransition':
        for (const status of COMPLAINT_STATUSES) list.push(refusals.illegalTransition('close', status));
        break;
      case 'roleNotAllowed':
      case 'notAssignedHandler':
      case 'noOpenHearing':
        for (const action of ACTIONS) list.push(refusals[name](action));
        break;
      case 'hearingIncomplete':
      case 'notInvolvedEmployee':
      case 'hearingAlreadyStarted':
      case 'hearingNotRequested':
      case 'hearingAlreadyCompleted':
      case 'hearingStatementMissing':
        list.push(refusals[name]('u-1'));
        break;
      case 'decisionLetterIncomplete':
        list.push(refusals.decisionLetterIncomplete('b', 'complaintSummary', 'iets'));
        break;
      case 'decisionLetterReceiptDateWrong':
      case 'delayNoticeTooLate':
      case 'delayNoticeDateInvalid':
        list.push(refusals[name](target));
        break;
      case 'closingFieldMissing':
        for (const field of ['category', 'rootCause', 'outcome'] as const)
          list.push(refusals.closingFieldMissing(field));
        break;
      case 'consultationIncomplete':
        list.push(refusals.consultationIncomplete('withWhom'), refusals.consultationIncomplete('agreed'));
        break;
      default:
        list.push((build as () => Refusal)());
    }
  }
  return list;
}

describe('refusals in English', () => {
  const all = everyRefusal();

  it('every refusal says it in English too, and Dutch stays the message', () => {
    expect(all.length).toBeGreaterThan(Object.keys(refusals).length);
    for (const found of all) {
      expect(refusalText(found, 'nl')).toBe(found.message);
      const english = refusalText(found, 'en');
      expect(english, found.code).not.toBe(found.message);
      // No Dutch left over: the Dutch date format or the most common Dutch words.
      expect(english, english).not.toMatch(/\b(de|het|een|klacht|niet)\b|\d{2}-\d{2}-\d{4}/u);
    }
  });

  it('dates are told the English way', () => {
    expect(refusalText(refusals.delayNoticeTooLate(target), 'en')).toBe(
      'The term for our final position ran up to and including Wed 18 Nov 2026. A delay notice must be sent before that term ends; that is no longer possible.',
    );
  });

  it('the gate a coordinator meets in the steps panel', () => {
    expect(refusalText(refusals.notOwnHearing(), 'en')).toBe(
      'Only the involved employee can sign the summary of their own reaction.',
    );
    expect(refusalText(refusals.illegalTransition('close', 'received'), 'en')).toBe(
      'This step (close the complaint) is not possible for a complaint with the status "received". First acknowledge receipt of the complaint.',
    );
  });

  it('names each missing element of a decision letter in English', () => {
    const empty = {
      receivedDate: null,
      complaintSummary: null,
      investigationResults: null,
      judgment: null,
      followUpActions: null,
      furtherContact: null,
      disputesBody: null,
    };
    const found = checkDecisionLetter(empty, { kifidAffiliationNumber: '300.001234' });
    expect(found.length).toBeGreaterThanOrEqual(7);
    for (const refusal of found) expect(refusalText(refusal, 'en')).not.toMatch(/element \w \(/u);
    expect(refusalText(found[0]!, 'en')).toBe(
      'The letter with our final position lacks the date the complaint was received.',
    );
  });
});
