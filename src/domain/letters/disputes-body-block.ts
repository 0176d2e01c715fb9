import type { DisputesBodyBlock } from '../procedure/decision-letter.ts';
import type { Bilingual, LetterLanguage } from './letter-types.ts';

/** KiFiD's details as the administrator keeps them (one record per organisation, design R8). */
export interface DisputesBodyRecord {
  readonly name: string | null;
  readonly postalAddress: string | null;
  readonly postalCodeCity: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly website: string | null;
}

/** The sentence of R8 g; the seed's wording, with the term counted from this final position. */
export const DISPUTES_BODY_TERM: Bilingual = {
  nl:
    'Bent u het niet eens met ons standpunt, of vindt u dat wij uw klacht niet goed hebben behandeld? ' +
    'Dan kunt u uw klacht binnen drie maanden na dit standpunt voorleggen aan een officieel klachteninstituut:',
  en:
    'If you do not agree with our position, or feel that we have not handled your complaint properly, ' +
    'you can submit your complaint to an official complaints institute within three months of this position:',
};

/**
 * The KiFiD block of a decision letter from the organisation's current record, so a change of
 * KiFiD's address reaches every new letter. The affiliation number is passed as it is: a missing
 * or placeholder number is for `checkLetter` to refuse (R9), not for this function to hide.
 */
export function disputesBodyBlock(
  record: DisputesBodyRecord,
  affiliationNumber: string | null,
  language: LetterLanguage,
): DisputesBodyBlock {
  return { ...record, affiliationNumber, term: DISPUTES_BODY_TERM[language] };
}
