import { compareLocalDates, isLocalDate, type LocalDate } from '../calendar/local-date.ts';
import type { OrganisationSnapshot } from '../procedure/complaint-snapshot.ts';
import { checkDecisionLetter } from '../procedure/decision-letter.ts';
import type { Refusal } from '../procedure/refusals.ts';
import { readField } from './letter-fields.ts';
import type { LetterContentMap } from './letter-content.ts';
import { isClockTime, minutesOf } from './letter-format.ts';
import {
  COMMON_REQUIRED_FIELDS,
  LETTER_TYPE_SPECS,
  type ElementRule,
  type LetterFieldSpec,
  type LetterType,
} from './letter-types.ts';

export type LetterProblemCode = 'letter_element_missing' | 'letter_element_invalid';

/** Why a letter cannot be sent yet; the message is Dutch and names the element. */
export interface LetterProblem {
  readonly code: LetterProblemCode;
  /** The content path: "handlerName", "disputesBody.affiliationNumber", "recipient.name". */
  readonly field: string;
  readonly rule: ElementRule;
  readonly message: string;
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function missing(noun: string, spec: LetterFieldSpec): LetterProblem {
  return {
    code: 'letter_element_missing',
    field: spec.name,
    rule: spec.rule,
    message: `${noun} mist ${spec.label.nl}.`,
  };
}

function invalid(noun: string, spec: LetterFieldSpec, why: string): LetterProblem {
  return {
    code: 'letter_element_invalid',
    field: spec.name,
    rule: spec.rule,
    message: `${noun}: ${spec.label.nl} ${why}.`,
  };
}

function checkField(noun: string, spec: LetterFieldSpec, value: unknown): LetterProblem | null {
  switch (spec.kind) {
    case 'date':
      if (value === null || value === undefined || isBlank(value)) return missing(noun, spec);
      return isLocalDate(value) ? null : invalid(noun, spec, 'is geen bestaande datum');
    case 'time':
      if (isBlank(value)) return missing(noun, spec);
      return isClockTime(value) ? null : invalid(noun, spec, 'is geen tijd in de vorm UU:MM, zoals 14:30');
    case 'list':
      return Array.isArray(value) && value.some((item) => !isBlank(item)) ? null : missing(noun, spec);
    case 'text':
      return isBlank(value) ? missing(noun, spec) : null;
    case 'disputesBody':
      // Only the decision letter has one; checkDecisionLetter looks at it.
      return null;
    default:
      return null;
  }
}

const DECISION_REFUSAL_CODES: Readonly<Record<string, LetterProblemCode>> = {
  decision_letter_incomplete: 'letter_element_missing',
  affiliation_number_missing: 'letter_element_missing',
  affiliation_number_mismatch: 'letter_element_invalid',
};

function fromDecisionRefusal(refusal: Refusal): LetterProblem {
  const element = refusal.details?.['element'];
  return {
    code: DECISION_REFUSAL_CODES[refusal.code] ?? 'letter_element_invalid',
    field: refusal.details?.['field'] ?? 'disputesBody.affiliationNumber',
    rule: element === undefined ? 'R9' : `R8 ${element}`,
    message: refusal.message,
  };
}

// The term sentence is the handler's (or the firm's) text; it has to name the three months.
const THREE_MONTHS = /\b(?:drie|3)\s+maanden\b|\b(?:three|3)\s+months\b/i;

function checkDecision(
  content: LetterContentMap['decision'],
  organisation: OrganisationSnapshot,
): LetterProblem[] {
  const found = checkDecisionLetter(content, organisation).map(fromDecisionRefusal);
  const term = content.disputesBody?.term;
  if (typeof term === 'string' && term.trim() !== '' && !THREE_MONTHS.test(term)) {
    found.push({
      code: 'letter_element_invalid',
      field: 'disputesBody.term',
      rule: 'R8 g',
      message:
        'De brief met ons oordeel: de zin over KiFiD noemt niet de termijn van drie maanden na dit standpunt.',
    });
  }
  return found;
}

function checkOrder(
  noun: string,
  spec: LetterFieldSpec,
  value: unknown,
  letterDate: unknown,
): LetterProblem | null {
  if (spec.upcoming !== true || !isLocalDate(value) || !isLocalDate(letterDate)) return null;
  return compareLocalDates(value, letterDate) < 0
    ? invalid(noun, spec, 'ligt vóór de datum van de brief')
    : null;
}

function checkMeetingTimes(
  noun: string,
  content: object,
  specs: readonly LetterFieldSpec[],
): LetterProblem | null {
  const start = readField(content, 'startTime');
  const end = readField(content, 'endTime');
  const endSpec = specs.find((s) => s.name === 'endTime');
  if (endSpec === undefined || !isClockTime(start) || !isClockTime(end)) return null;
  return minutesOf(end) > minutesOf(start) ? null : invalid(noun, endSpec, 'ligt niet na het begintijdstip');
}

/**
 * Every required element of the letter, named in Dutch when it is missing or unusable: a blank or
 * whitespace-only text is missing. The decision letter is checked by the procedure's own R8/R9
 * check, so a missing or placeholder affiliation number ("n.n.b.") refuses it.
 */
export function checkLetter<T extends LetterType>(
  type: T,
  content: LetterContentMap[T],
  organisation: OrganisationSnapshot,
): LetterProblem[] {
  const spec = LETTER_TYPE_SPECS[type];
  const noun = spec.noun.nl;
  const found: LetterProblem[] = [];
  for (const common of COMMON_REQUIRED_FIELDS) {
    const problem = checkField(noun, common, readField(content, common.name));
    if (problem !== null) found.push(problem);
  }
  const required: readonly LetterFieldSpec[] = spec.required;
  if (type === 'decision') {
    found.push(...checkDecision(content as LetterContentMap['decision'], organisation));
  } else {
    for (const field of required) {
      const problem = checkField(noun, field, readField(content, field.name));
      if (problem !== null) found.push(problem);
    }
  }
  const letterDate: LocalDate | null = content.letterDate;
  for (const field of [...required, ...spec.optional]) {
    const value = readField(content, field.name);
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) continue;
    // Required fields of the other letters were checked above, with their own message.
    const checkedAbove = type !== 'decision' && required.includes(field);
    if (field.kind === 'date' && !isLocalDate(value) && !checkedAbove) {
      found.push(invalid(noun, field, 'is geen bestaande datum'));
      continue;
    }
    const problem = checkOrder(noun, field, value, letterDate);
    if (problem !== null) found.push(problem);
  }
  const times = checkMeetingTimes(noun, content, required);
  if (times !== null) found.push(times);
  return found;
}
