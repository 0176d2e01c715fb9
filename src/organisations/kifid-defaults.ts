/**
 * The disputes body as shipped. The seed lists 0900 - 355 22 48; KiFiD's own site now gives
 * 070-333 8 999, so the current number is the default and the administrator is asked to confirm
 * the record (design R8).
 */
export const KIFID_DEFAULTS = {
  name: 'Stichting Klachteninstituut Financiële Dienstverlening (KiFiD)',
  postalAddress: 'Postbus 93257',
  postalCodeCity: '2509 AG Den Haag',
  phone: '070-333 8 999',
  email: 'consumenten@kifid.nl',
  website: 'www.kifid.nl',
} as const;
