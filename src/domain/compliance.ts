/**
 * R9: a missing or placeholder KiFiD affiliation number is a compliance gap. The seed itself ships
 * "n.n.b."; firms copy such placeholders into their own texts, so the common Dutch and English
 * stand-ins are all recognised.
 */
const PLACEHOLDERS = new Set([
  'nnb',
  'nvt',
  'onbekend',
  'volgt',
  'nader te bepalen',
  'tbd',
  'todo',
  'xxx',
  'xxxxx',
  'unknown',
  'na',
  '0',
  '00000',
]);

export function isAffiliationNumberMissing(value: string | null | undefined): boolean {
  if (value === null || value === undefined) return true;
  const normalised = value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.\s_/-]+/g, ' ')
    .trim();
  if (normalised === '' || /^[?*x.\s-]+$/.test(normalised)) return true;
  return PLACEHOLDERS.has(normalised.replace(/\s+/g, '')) || PLACEHOLDERS.has(normalised);
}

export interface ComplianceGap {
  code: 'kifid_affiliation_number_missing' | 'disputes_body_unconfirmed';
  message: string;
}

export function complianceGaps(settings: {
  kifidAffiliationNumber: string | null;
  disputesBodyConfirmed: boolean;
}): ComplianceGap[] {
  const gaps: ComplianceGap[] = [];
  if (isAffiliationNumberMissing(settings.kifidAffiliationNumber)) {
    gaps.push({
      code: 'kifid_affiliation_number_missing',
      message:
        'Het KiFiD-aansluitnummer ontbreekt of is een tijdelijke waarde (zoals "n.n.b."). ' +
        'Zonder dit nummer kan geen brief met ons oordeel worden verstuurd.',
    });
  }
  if (!settings.disputesBodyConfirmed) {
    gaps.push({
      code: 'disputes_body_unconfirmed',
      message:
        'Controleer de gegevens van het KiFiD (adres, telefoon, e-mail, website) en bevestig ze; ' +
        'ze komen in elke brief met ons oordeel.',
    });
  }
  return gaps;
}
