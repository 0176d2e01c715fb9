import { createHmac } from 'node:crypto';
import { amsterdamDateOf, daysBetween, parseLocalDate, type LocalDate } from '../calendar/local-date.ts';
import { csvLine } from './csv.ts';

/**
 * The AFM klachtenuitvraag for insurers: once a year, every complaint received, closed or still
 * open in that year, one line each, under an anonymous code that stays the same in every year the
 * complaint is reported. The AFM's own specification (KUV 1), value lists (KUV 3) and XSD (KUV 5)
 * were not available to us; this is the documented CSV described in docs/reports-afm.md.
 */
export interface AfmComplaintFacts {
  organisationId: string;
  complaintId: string;
  receivedAt: Date;
  channel: string;
  product: string | null;
  category: string | null;
  rootCause: string | null;
  outcome: string | null;
  /** When it was closed or withdrawn; null while open. */
  finishedAt: Date | null;
  decisionCommunicatedAt: Date | null;
  /** The one-month term (YYYY-MM-DD) as the procedure computed it. */
  decisionDue: string | null;
  kifidReferredAt: Date | null;
}

export interface AfmRow {
  rapportagejaar: number;
  vergunningnummer: string;
  klachtcode: string;
  datum_ontvangst: LocalDate;
  ontvangen_in_jaar: 'ja' | 'nee';
  status_einde_jaar: 'open' | 'afgehandeld';
  datum_afgehandeld: LocalDate | '';
  afgehandeld_in_jaar: 'ja' | 'nee';
  doorlooptijd_dagen: number | '';
  standpunt_binnen_termijn: 'ja' | 'nee' | '';
  kanaal: string;
  product: string;
  categorie: string;
  oorzaak: string;
  uitkomst: string;
  kifid: 'ja' | 'nee';
}

export const AFM_COLUMNS: ReadonlyArray<keyof AfmRow> = [
  'rapportagejaar',
  'vergunningnummer',
  'klachtcode',
  'datum_ontvangst',
  'ontvangen_in_jaar',
  'status_einde_jaar',
  'datum_afgehandeld',
  'afgehandeld_in_jaar',
  'doorlooptijd_dagen',
  'standpunt_binnen_termijn',
  'kanaal',
  'product',
  'categorie',
  'oorzaak',
  'uitkomst',
  'kifid',
];

/**
 * HMAC-SHA-256 over organisation and complaint id with a key derived from the installation's
 * SECRET_KEY: the same complaint gets the same code every year, nobody without the key can link a
 * code to a complaint, and two organisations never share codes.
 */
export function afmComplaintCode(key: Uint8Array, organisationId: string, complaintId: string): string {
  const mac = createHmac('sha256', key)
    .update(`klachtwijzer afm v1\n${organisationId}\n${complaintId}`)
    .digest('hex');
  return mac.slice(0, 24).toUpperCase();
}

const CHANNELS: Record<string, string> = {
  web_form: 'webformulier',
  email: 'e-mail',
  letter: 'brief',
  phone: 'telefoon',
  visit: 'bezoek',
  api: 'koppeling',
};

const OUTCOMES: Record<string, string> = {
  gegrond: 'gegrond',
  deels_gegrond: 'deels gegrond',
  ongegrond: 'ongegrond',
  ingetrokken: 'ingetrokken',
};

/**
 * The lines for one year, as things stood at the end of that year: a complaint still open on
 * 31 December is reported open even when it was closed later, so an export made again later gives
 * the same lines. Dates are Amsterdam calendar dates.
 */
export function afmRowsForYear(
  facts: readonly AfmComplaintFacts[],
  year: number,
  options: { key: Uint8Array; licenceNumber: string },
): AfmRow[] {
  const first = parseLocalDate(`${String(year).padStart(4, '0')}-01-01`);
  const last = parseLocalDate(`${String(year).padStart(4, '0')}-12-31`);
  const rows: AfmRow[] = [];
  for (const complaint of facts) {
    const received = amsterdamDateOf(complaint.receivedAt);
    if (received > last) continue;
    const finished = complaint.finishedAt === null ? null : amsterdamDateOf(complaint.finishedAt);
    if (finished !== null && finished < first) continue;
    const finishedByYearEnd = finished !== null && finished <= last ? finished : null;
    const decided =
      complaint.decisionCommunicatedAt === null ? null : amsterdamDateOf(complaint.decisionCommunicatedAt);
    const decidedByYearEnd = decided !== null && decided <= last ? decided : null;
    const kifid = complaint.kifidReferredAt !== null && amsterdamDateOf(complaint.kifidReferredAt) <= last;
    rows.push({
      rapportagejaar: year,
      vergunningnummer: options.licenceNumber,
      klachtcode: afmComplaintCode(options.key, complaint.organisationId, complaint.complaintId),
      datum_ontvangst: received,
      ontvangen_in_jaar: received >= first ? 'ja' : 'nee',
      status_einde_jaar: finishedByYearEnd === null ? 'open' : 'afgehandeld',
      datum_afgehandeld: finishedByYearEnd ?? '',
      afgehandeld_in_jaar: finishedByYearEnd === null ? 'nee' : 'ja',
      doorlooptijd_dagen: finishedByYearEnd === null ? '' : daysBetween(received, finishedByYearEnd),
      standpunt_binnen_termijn:
        decidedByYearEnd === null || complaint.decisionDue === null
          ? ''
          : decidedByYearEnd <= complaint.decisionDue
            ? 'ja'
            : 'nee',
      kanaal: CHANNELS[complaint.channel] ?? complaint.channel,
      product: complaint.product ?? '',
      categorie: finishedByYearEnd === null ? '' : (complaint.category ?? ''),
      oorzaak: finishedByYearEnd === null ? '' : (complaint.rootCause ?? ''),
      uitkomst:
        finishedByYearEnd === null ? '' : (OUTCOMES[complaint.outcome ?? ''] ?? complaint.outcome ?? ''),
      kifid: kifid ? 'ja' : 'nee',
    });
  }
  return rows.toSorted(
    (a, b) => a.datum_ontvangst.localeCompare(b.datum_ontvangst) || a.klachtcode.localeCompare(b.klachtcode),
  );
}

/** UTF-8 with a byte-order mark and semicolons, so Dutch Excel opens it as columns. */
export function afmCsv(rows: readonly AfmRow[]): string {
  const lines = [
    csvLine(AFM_COLUMNS),
    ...rows.map((row) => csvLine(AFM_COLUMNS.map((column) => row[column]))),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
