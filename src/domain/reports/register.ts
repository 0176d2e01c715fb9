import { formatDutchDate } from '../calendar/explain.ts';
import type { LocalDate } from '../calendar/local-date.ts';

/**
 * One line of the complaints register as the BGfo asks for it (art. 4:17 Wft, Besluit Gedragstoezicht
 * financiële ondernemingen): who complained (name and address), what about and when it arrived,
 * how it was handled, and how and when we replied. Dates are Europe/Amsterdam calendar dates.
 */
export interface RegisterEntry {
  readonly id: string;
  readonly reference: string;
  readonly receivedDate: LocalDate;
  readonly channel: string;
  readonly complainantName: string;
  readonly street: string | null;
  readonly postalCode: string | null;
  readonly city: string | null;
  readonly country: string | null;
  readonly product: string | null;
  readonly description: string;
  readonly category: string | null;
  readonly rootCause: string | null;
  readonly handlerName: string | null;
  readonly status: string;
  readonly acknowledgedDate: LocalDate | null;
  readonly informationRequests: number;
  readonly hearings: number;
  readonly liabilityFlag: boolean;
  readonly delayNotices: number;
  /** How our position reached the complainant: in a meeting or by letter. */
  readonly replyMode: 'meeting' | 'letter' | null;
  readonly replyDate: LocalDate | null;
  readonly outcome: string | null;
  readonly closedDate: LocalDate | null;
  readonly withdrawnDate: LocalDate | null;
  readonly kifidCaseNumber: string | null;
  readonly kifidOutcome: string | null;
}

const OUTCOME_WORDS: Record<string, string> = {
  gegrond: 'gegrond',
  deels_gegrond: 'deels gegrond',
  ongegrond: 'ongegrond',
  ingetrokken: 'ingetrokken',
};

const CHANNEL_WORDS: Record<string, string> = {
  web_form: 'webformulier',
  email: 'e-mail',
  letter: 'brief',
  phone: 'telefoon',
  visit: 'bezoek',
  api: 'koppeling (API)',
};

const STATUS_WORDS: Record<string, string> = {
  received: 'ontvangen',
  acknowledged: 'ontvangst bevestigd',
  in_investigation: 'in onderzoek',
  decided: 'standpunt gegeven',
  closed: 'afgesloten',
  withdrawn: 'ingetrokken',
  reclassified: 'geen klacht (heringedeeld)',
};

export const outcomeWord = (outcome: string | null): string =>
  outcome ? (OUTCOME_WORDS[outcome] ?? outcome) : '';
export const channelWord = (channel: string): string => CHANNEL_WORDS[channel] ?? channel;
export const statusWord = (status: string): string => STATUS_WORDS[status] ?? status;

/** "How it was handled", in one sentence a reader of the register understands without the dossier. */
export function handlingSummary(entry: RegisterEntry): string {
  const parts: string[] = [];
  parts.push(
    entry.acknowledgedDate
      ? `ontvangst bevestigd op ${formatDutchDate(entry.acknowledgedDate)}`
      : 'ontvangst (nog) niet bevestigd',
  );
  if (entry.handlerName) parts.push(`behandeld door ${entry.handlerName}`);
  if (entry.informationRequests > 0)
    parts.push(`${entry.informationRequests}× om ontbrekende informatie gevraagd`);
  if (entry.hearings > 0) parts.push(`wederhoor bij ${entry.hearings} betrokkene(n)`);
  if (entry.liabilityFlag) parts.push('mogelijke aansprakelijkstelling: verzekeraar betrokken');
  if (entry.delayNotices > 0) parts.push(`${entry.delayNotices}× bericht over uitstel`);
  if (entry.replyMode && entry.replyDate)
    parts.push(
      `standpunt ${entry.replyMode === 'meeting' ? 'in een persoonlijk gesprek' : 'per brief'} op ${formatDutchDate(entry.replyDate)}`,
    );
  if (entry.withdrawnDate) parts.push(`ingetrokken op ${formatDutchDate(entry.withdrawnDate)}`);
  if (entry.outcome) parts.push(`uitkomst: ${outcomeWord(entry.outcome)}`);
  if (entry.closedDate) parts.push(`afgesloten op ${formatDutchDate(entry.closedDate)}`);
  if (entry.kifidCaseNumber) parts.push(`voorgelegd aan KiFiD (${entry.kifidCaseNumber})`);
  return `${parts.join('; ')}.`;
}

export type RegisterCell = string | number | null;

export interface RegisterColumn {
  readonly header: string;
  /** Spreadsheet column width in characters. */
  readonly width: number;
  readonly value: (entry: RegisterEntry) => RegisterCell;
}

export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { header: 'Kenmerk', width: 14, value: (e) => e.reference },
  { header: 'Datum ontvangst', width: 14, value: (e) => e.receivedDate },
  { header: 'Kanaal', width: 12, value: (e) => channelWord(e.channel) },
  { header: 'Naam klager', width: 24, value: (e) => e.complainantName },
  { header: 'Adres', width: 24, value: (e) => e.street },
  { header: 'Postcode', width: 10, value: (e) => e.postalCode },
  { header: 'Woonplaats', width: 16, value: (e) => e.city },
  { header: 'Land', width: 10, value: (e) => e.country },
  { header: 'Product', width: 20, value: (e) => e.product },
  { header: 'Omschrijving van de klacht', width: 50, value: (e) => e.description },
  { header: 'Categorie', width: 18, value: (e) => e.category },
  { header: 'Behandelaar', width: 18, value: (e) => e.handlerName },
  { header: 'Status', width: 16, value: (e) => statusWord(e.status) },
  { header: 'Ontvangst bevestigd op', width: 14, value: (e) => e.acknowledgedDate },
  { header: 'Wijze van behandeling', width: 60, value: handlingSummary },
  {
    header: 'Wijze van antwoord',
    width: 16,
    value: (e) =>
      e.replyMode === 'meeting' ? 'persoonlijk gesprek' : e.replyMode === 'letter' ? 'brief' : null,
  },
  { header: 'Datum antwoord', width: 14, value: (e) => e.replyDate },
  { header: 'Uitkomst', width: 14, value: (e) => outcomeWord(e.outcome) || null },
  { header: 'Grondoorzaak', width: 24, value: (e) => e.rootCause },
  { header: 'Afgesloten op', width: 14, value: (e) => e.closedDate },
  { header: 'KiFiD-zaak', width: 14, value: (e) => e.kifidCaseNumber },
  { header: 'KiFiD-uitkomst', width: 18, value: (e) => e.kifidOutcome },
];
