import { sha256Hex } from '../event-chain.ts';
import { displayFileName } from '../file-name.ts';

/**
 * The right of access (AVG art. 15): everything about one person, found by e-mail address or name.
 * Some parts are about other people too — above all what an employee said in the hearing — and
 * may not go out unread (art. 15(4)): they are marked for the coordinator's review.
 */
export type SubjectKind = 'email' | 'name';

export function normaliseSubject(kind: SubjectKind, value: string): string {
  const text = value.normalize('NFC').trim().replace(/\s+/g, ' ');
  return kind === 'email' ? text.toLowerCase() : text.toLocaleLowerCase('nl');
}

/** The export record keeps only this digest of who was asked about. */
export function subjectDigest(kind: SubjectKind, value: string): string {
  return sha256Hex(`${kind}:${normaliseSubject(kind, value)}`);
}

export type ReviewReason = 'employee_statement' | 'internal_note' | 'third_party_correspondence';

export const REVIEW_LABELS: Readonly<Record<ReviewReason, string>> = Object.freeze({
  employee_statement:
    'Reactie of verklaring van een medewerker (wederhoor): kan gegevens van de medewerker of anderen bevatten.',
  internal_note: 'Interne notitie: kan gegevens van anderen of interne afwegingen bevatten.',
  third_party_correspondence:
    'Correspondentie met een ander dan de klager (verzekeraar, medewerker): kan gegevens van anderen bevatten.',
});

export interface Review {
  reason: ReviewReason;
  label: string;
}

function review(reason: ReviewReason): Review {
  return { reason, label: REVIEW_LABELS[reason] };
}

/** Dossier items by kind: the complainant's own messages and our letters to them go out as they are. */
export function reviewOfItemKind(kind: string): Review | null {
  switch (kind) {
    case 'statement':
      return review('employee_statement');
    case 'note':
      return review('internal_note');
    case 'insurer_correspondence':
      return review('third_party_correspondence');
    default:
      return null;
  }
}

/**
 * Letters to the complainant or the customer go out as they are. The summary of an employee's
 * reaction put to them for signature is their statement; other letters to an employee or the
 * insurer are correspondence with someone else.
 */
export function reviewOfLetter(recipientKind: string, letterType: string): Review | null {
  if (letterType === 'hearing_statement') return review('employee_statement');
  return recipientKind === 'employee' || recipientKind === 'insurer'
    ? review('third_party_correspondence')
    : null;
}

export const HEARING_REVIEW = review('employee_statement');
export const INSURER_REVIEW = review('third_party_correspondence');

/** Where a document lands in the ZIP: flagged ones apart, so nothing marked goes out by accident. */
export function exportPath(
  reference: string,
  documentId: string,
  fileName: string,
  flagged: boolean,
): string {
  const folder = flagged ? 'ter-beoordeling' : 'vrij-te-geven';
  return `${folder}/${reference}/${documentId.slice(-12)}-${displayFileName(fileName)}`;
}

export const README_TEXT = `Inzageverzoek (artikel 15 AVG)

Dit archief bevat alle gegevens die in Klachtwijzer over de betrokkene zijn gevonden.

- overzicht.json: alle gegevens per klachtdossier, met bij elk onderdeel of het vrij te geven
  is ("review": null) of eerst beoordeeld moet worden ("review" met reden).
- vrij-te-geven/: bestanden die de betrokkene zelf stuurde of van ons ontving.
- ter-beoordeling/: bestanden die ook over anderen kunnen gaan (verklaringen van medewerkers bij
  wederhoor, interne notities, correspondentie met de verzekeraar). Lees deze vóór verstrekking en
  lak gegevens van anderen weg (artikel 15 lid 4 AVG).

Het maken van dit archief is vastgelegd (wie, wanneer, welke dossiers, SHA-256 van dit archief).
`;
