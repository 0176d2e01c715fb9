import { isAffiliationNumberMissing } from '../compliance.ts';
import type { LocalDate } from '../calendar/local-date.ts';
import type { OrganisationSnapshot } from './complaint-snapshot.ts';
import { refusals, type Refusal } from './refusals.ts';

/** The disputes body as it appears in the letter (R8 g). */
export interface DisputesBodyBlock {
  readonly name: string | null;
  readonly postalAddress: string | null;
  readonly postalCodeCity: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly website: string | null;
  readonly affiliationNumber: string | null;
  /** The sentence telling the complainant they have three months after this final position. */
  readonly term: string | null;
}

/** What a written decision contains at least (R8), element by element as the letter states it. */
export interface DecisionLetterContent {
  /** (a) */
  readonly receivedDate: LocalDate | null;
  /** (b) */
  readonly complaintSummary: string | null;
  /** (c) */
  readonly investigationResults: string | null;
  /** (d) */
  readonly judgment: string | null;
  /** (e) "geen" is an answer too: it has to be said. */
  readonly followUpActions: string | null;
  /** (f) */
  readonly furtherContact: string | null;
  /** (g) */
  readonly disputesBody: DisputesBodyBlock | null;
}

type TextElement =
  'complaintSummary' | 'investigationResults' | 'judgment' | 'followUpActions' | 'furtherContact';

/** R8's letters, the field, and how a missing one is named in Dutch ("De brief … mist …"). */
export const DECISION_LETTER_ELEMENTS = [
  { element: 'a', field: 'receivedDate', missing: 'de datum waarop de klacht werd ontvangen' },
  { element: 'b', field: 'complaintSummary', missing: 'een korte omschrijving van de klacht' },
  {
    element: 'c',
    field: 'investigationResults',
    missing: 'de resultaten van het onderzoek naar aanleiding van de klacht',
  },
  { element: 'd', field: 'judgment', missing: 'ons oordeel over de klacht' },
  {
    element: 'e',
    field: 'followUpActions',
    missing: 'de eventuele vervolgacties richting de klager (of dat er geen zijn)',
  },
  {
    element: 'f',
    field: 'furtherContact',
    missing: 'de mogelijkheid om over ons standpunt verder contact te hebben',
  },
  { element: 'g', field: 'disputesBody', missing: 'de informatie over de geschilleninstantie (KiFiD)' },
] as const;

type BlockField = Exclude<keyof DisputesBodyBlock, 'affiliationNumber'>;

export const DISPUTES_BODY_FIELDS: ReadonlyArray<{ readonly field: BlockField; readonly missing: string }> = [
  { field: 'name', missing: 'bij de geschilleninstantie: de naam (KiFiD)' },
  { field: 'postalAddress', missing: 'bij de geschilleninstantie: het postadres' },
  { field: 'postalCodeCity', missing: 'bij de geschilleninstantie: de postcode en plaats' },
  { field: 'phone', missing: 'bij de geschilleninstantie: het telefoonnummer' },
  { field: 'email', missing: 'bij de geschilleninstantie: het e-mailadres' },
  { field: 'website', missing: 'bij de geschilleninstantie: de website' },
  {
    field: 'term',
    missing: 'bij de geschilleninstantie: de termijn van drie maanden na dit standpunt om naar KiFiD te gaan',
  },
];

/** The English of the `missing` texts above, by field, for staff who switched. */
const ENGLISH_MISSING: Readonly<Record<string, string>> = {
  receivedDate: 'the date the complaint was received',
  complaintSummary: 'a short description of the complaint',
  investigationResults: 'the results of the investigation into the complaint',
  judgment: 'our judgment on the complaint',
  followUpActions: 'any follow-up actions towards the complainant (or that there are none)',
  furtherContact: 'the possibility of further contact about our final position',
  disputesBody: 'the information about the disputes body (KiFiD)',
  'disputesBody.name': 'with the disputes body: its name (KiFiD)',
  'disputesBody.postalAddress': 'with the disputes body: its postal address',
  'disputesBody.postalCodeCity': 'with the disputes body: its postal code and city',
  'disputesBody.phone': 'with the disputes body: its phone number',
  'disputesBody.email': 'with the disputes body: its email address',
  'disputesBody.website': 'with the disputes body: its website',
  'disputesBody.term': 'with the disputes body: the term of three months after this position to go to KiFiD',
};

function isBlank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === '';
}

function normaliseNumber(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * R8 and R9 for a decision letter: each missing element is its own refusal, named in Dutch; the
 * affiliation number must be a real number, and the organisation's.
 */
export function checkDecisionLetter(
  content: DecisionLetterContent,
  organisation: OrganisationSnapshot,
): Refusal[] {
  const found: Refusal[] = [];
  for (const { element, field, missing } of DECISION_LETTER_ELEMENTS) {
    if (field === 'receivedDate') {
      if (content.receivedDate === null)
        found.push(refusals.decisionLetterIncomplete(element, field, missing, ENGLISH_MISSING[field]));
    } else if (field === 'disputesBody') {
      if (content.disputesBody === null)
        found.push(refusals.decisionLetterIncomplete(element, field, missing, ENGLISH_MISSING[field]));
    } else if (isBlank(content[field satisfies TextElement])) {
      found.push(refusals.decisionLetterIncomplete(element, field, missing, ENGLISH_MISSING[field]));
    }
  }
  const block = content.disputesBody;
  if (block !== null) {
    for (const { field, missing } of DISPUTES_BODY_FIELDS) {
      if (isBlank(block[field]))
        found.push(
          refusals.decisionLetterIncomplete(
            'g',
            `disputesBody.${field}`,
            missing,
            ENGLISH_MISSING[`disputesBody.${field}`],
          ),
        );
    }
  }
  const ours = organisation.kifidAffiliationNumber;
  const inLetter = block?.affiliationNumber ?? null;
  if (isAffiliationNumberMissing(ours) || (block !== null && isAffiliationNumberMissing(inLetter))) {
    found.push(refusals.affiliationNumberMissing());
  } else if (ours !== null && inLetter !== null && normaliseNumber(ours) !== normaliseNumber(inLetter)) {
    found.push(refusals.affiliationNumberMismatch());
  }
  return found;
}
