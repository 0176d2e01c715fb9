/**
 * Dutch words for what the dossier index lists. An event type the list does not know yet is shown
 * as its code: an index must never leave an event out for want of a label.
 */
const ITEM_KIND_LABELS: Readonly<Record<string, string>> = {
  message_in: 'Bericht ontvangen',
  message_out: 'Bericht verstuurd',
  note: 'Notitie',
  attachment: 'Document',
  letter: 'Brief',
  statement: 'Verklaring',
  insurer_correspondence: 'Correspondentie verzekeraar',
  meeting: 'Gesprek',
  decision: 'Oordeel',
};

const EVENT_LABELS: Readonly<Record<string, string>> = {
  'complaint.registered': 'Klacht geregistreerd',
  'complaint.acknowledged': 'Ontvangst bevestigd',
  'complaint.handler_assigned': 'Behandelaar toegewezen',
  'complaint.information_requested': 'Om ontbrekende informatie gevraagd',
  'complaint.information_received': 'Ontbrekende informatie ontvangen',
  'complaint.information_not_needed': 'Geen aanvullende informatie nodig',
  'complaint.hearing_started': 'Wederhoor gestart',
  'complaint.hearing_statement_recorded': 'Samenvatting wederhoor vastgelegd',
  'complaint.hearing_statement_signed': 'Samenvatting wederhoor ondertekend',
  'complaint.hearing_waived': 'Wederhoor niet nodig',
  'complaint.liability_flagged': 'Mogelijke aansprakelijkstelling vastgelegd',
  'complaint.insurer_notified': 'Verzekeraar geïnformeerd',
  'complaint.insurer_consultation_recorded': 'Overleg met de verzekeraar vastgelegd',
  'complaint.delay_notice_sent': 'Bericht termijnoverschrijding verstuurd',
  'complaint.meeting_planned': 'Persoonlijk gesprek gepland',
  'complaint.meeting_held': 'Persoonlijk gesprek gehouden',
  'complaint.decision_letter_sent': 'Brief met ons oordeel verstuurd',
  'complaint.closed': 'Klacht afgesloten',
  'complaint.withdrawn': 'Klacht ingetrokken',
  'complaint.reclassified': 'Geen klacht: anders geclassificeerd',
  'complaint.kifid_referral_recorded': 'Verwijzing naar KiFiD vastgelegd',
  'complaint.action_refused': 'Stap geweigerd',
  'complaint.clock_missed': 'Termijn verstreken',
  'complaint.cancellation_linked': 'Opzegging gekoppeld',
  'complaint.cancellation_unlinked': 'Opzegging naar een andere klacht verplaatst',
  'dossier.note_added': 'Notitie toegevoegd',
  'dossier.attachment_added': 'Document toegevoegd',
  'dossier.message_received': 'Bericht ontvangen',
  'letter.issued': 'Brief uitgegeven',
  'letter.undeliverable': 'Brief onbestelbaar',
  'mail.bounce_received': 'Onbestelbaar-melding ontvangen',
  'portal.link_issued': 'Link naar het klantportaal uitgegeven',
  'portal.session_started': 'Klantportaal geopend',
  'portal.message_received': 'Bericht via het klantportaal',
  'portal.decision_preference_recorded': 'Voorkeur gesprek of brief vastgelegd',
  'portal.sign_in_code_sent': 'Inlogcode klantportaal verstuurd',
  'portal.sign_in_code_locked': 'Inlogcode klantportaal geblokkeerd',
};

export function itemKindLabel(kind: string): string {
  return ITEM_KIND_LABELS[kind] ?? kind;
}

export function eventTypeLabel(type: string): string {
  return EVENT_LABELS[type] ?? type;
}
