import type { ActionRequest } from './actions.ts';
import { OUTCOMES, type ComplaintSnapshot, type Outcome } from './complaint-snapshot.ts';
import { refusals, type Refusal } from './refusals.ts';

export interface ClosingFields {
  readonly category: string | null;
  readonly rootCause: string | null;
  readonly outcome: Outcome | null;
}

/** What the complaint will be closed with: the request's values where given, else the complaint's own. */
export function closingFieldsOf(snapshot: ComplaintSnapshot, request?: ActionRequest): ClosingFields {
  if (request?.action !== 'close') {
    return { category: snapshot.category, rootCause: snapshot.rootCause, outcome: snapshot.outcome };
  }
  return {
    category: request.category === undefined ? snapshot.category : request.category,
    rootCause: request.rootCause === undefined ? snapshot.rootCause : request.rootCause,
    outcome: request.outcome === undefined ? snapshot.outcome : request.outcome,
  };
}

/** R11: a closed complaint has a category, a root cause and an outcome, so the firm can learn from it. */
export function closingRefusals(fields: ClosingFields): Refusal[] {
  const found: Refusal[] = [];
  if (fields.category === null || fields.category.trim() === '')
    found.push(refusals.closingFieldMissing('category'));
  if (fields.rootCause === null || fields.rootCause.trim() === '')
    found.push(refusals.closingFieldMissing('rootCause'));
  // The outcome may come from a form as any string; only the four of R11 count.
  if (fields.outcome === null || !(OUTCOMES as readonly string[]).includes(fields.outcome)) {
    found.push(refusals.closingFieldMissing('outcome'));
  }
  return found;
}
