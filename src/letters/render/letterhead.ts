import type { OrganisationRow } from '../../db/schema.ts';

export interface LetterheadLogo {
  readonly bytes: Uint8Array;
  readonly mediaType: 'image/png' | 'image/jpeg';
}

/** The firm's own details at the top and foot of every letter. */
export interface Letterhead {
  readonly organisationName: string;
  /** Street, postal code and city: one line each. */
  readonly addressLines: readonly string[];
  readonly phone: string | null;
  readonly email: string | null;
  readonly website: string | null;
  readonly kvkNumber: string | null;
  readonly afmNumber: string | null;
  readonly logo: LetterheadLogo | null;
}

export type OrganisationLetterheadSettings = Pick<
  OrganisationRow,
  | 'name'
  | 'street'
  | 'postal_code'
  | 'city'
  | 'phone'
  | 'email'
  | 'website'
  | 'kvk_number'
  | 'afm_number'
  | 'logo'
>;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The logo's format from its first bytes, not from a name or a declared type. Anything other than
 * PNG or JPEG is left out: the letter goes out without a logo rather than not at all.
 */
export function logoOf(bytes: Uint8Array | null | undefined): LetterheadLogo | null {
  if (bytes === null || bytes === undefined || bytes.length < 8) return null;
  if (PNG_SIGNATURE.every((value, index) => bytes[index] === value)) return { bytes, mediaType: 'image/png' };
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { bytes, mediaType: 'image/jpeg' };
  return null;
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function letterheadFromOrganisation(settings: OrganisationLetterheadSettings): Letterhead {
  const postalCity = [clean(settings.postal_code), clean(settings.city)]
    .filter((part) => part !== null)
    .join(' ');
  return {
    organisationName: clean(settings.name) ?? '',
    addressLines: [clean(settings.street), clean(postalCity)].filter((line): line is string => line !== null),
    phone: clean(settings.phone),
    email: clean(settings.email),
    website: clean(settings.website),
    kvkNumber: clean(settings.kvk_number),
    afmNumber: clean(settings.afm_number),
    logo: logoOf(settings.logo),
  };
}
