import { formatDutchDate } from '../calendar/explain.ts';
import type { LocalDate } from '../calendar/local-date.ts';

export type AutoAcknowledgmentSetting = 'draft' | 'send';

/** What is known about a newly registered complaint when its acknowledgment is settled. */
export interface ArrivalFacts {
  readonly setting: AutoAcknowledgmentSetting;
  readonly reference: string;
  /** Still waiting for its acknowledgment (not yet acknowledged by a person, not withdrawn). */
  readonly awaitingAcknowledgment: boolean;
  /** The procedure acknowledges only with a handler to name (R2 e). */
  readonly handlerAssigned: boolean;
  /** The arrival was an auto-reply or a delivery report (src/mail classifies those). */
  readonly automaticArrival: boolean;
  /** The complainant's address, or null; a mail-system address (mailer-daemon, no-reply) counts as none. */
  readonly recipientEmail: string | null;
  /** What the acknowledgment would miss now (empty: it could go out as it is). */
  readonly problems: readonly string[];
  readonly acknowledgeBy: LocalDate | null;
}

export type AutoAcknowledgmentOutcome =
  'sent' | 'ready' | 'incomplete' | 'automatic_arrival' | 'no_email' | 'not_needed';

export type AutoAcknowledgmentDecision =
  | { readonly kind: 'send' }
  /** `send`, but nobody handles it yet: tell the coordinators once, and send once one is assigned. */
  | { readonly kind: 'wait'; readonly message: string }
  | { readonly kind: 'nothing'; readonly outcome: 'not_needed' }
  | {
      readonly kind: 'tell';
      readonly outcome: Exclude<AutoAcknowledgmentOutcome, 'sent' | 'not_needed'>;
      /** `acknowledgment_ready` when it only waits for a person's click, else `acknowledgment_task`. */
      readonly notice: 'acknowledgment_ready' | 'acknowledgment_task';
      /** Dutch; names the reference and the missing elements, never the dossier's content. */
      readonly message: string;
    };

/**
 * Whether a new complaint's acknowledgment goes out by itself (R2), or a person is told. It goes
 * out only when the organisation chose `send`, the arrival came from a person (never to an
 * auto-reply or a bounce: that is how mail loops start), there is an address to mail it to, and
 * the letter is complete. Everything else stays a task for a person, with the reason.
 */
export function decideAutoAcknowledgment(facts: ArrivalFacts): AutoAcknowledgmentDecision {
  if (!facts.awaitingAcknowledgment) return { kind: 'nothing', outcome: 'not_needed' };
  const by = facts.acknowledgeBy ? ` (uiterlijk ${formatDutchDate(facts.acknowledgeBy)})` : '';
  const ref = facts.reference;
  if (facts.automaticArrival) {
    return {
      kind: 'tell',
      outcome: 'automatic_arrival',
      notice: 'acknowledgment_task',
      message: `${ref} kwam binnen als automatisch antwoord of onbestelbaar-bericht; er gaat geen automatische ontvangstbevestiging uit. Beoordeel of het een klacht is en bevestig zo nodig zelf${by}.`,
    };
  }
  if (facts.problems.length > 0) {
    return {
      kind: 'tell',
      outcome: 'incomplete',
      notice: 'acknowledgment_task',
      message: `De ontvangstbevestiging voor ${ref} is nog niet compleet${facts.setting === 'send' ? ' en is daarom niet automatisch verstuurd' : ''}: ${facts.problems.join(' ')} Vul dit aan en verstuur hem${by}.`,
    };
  }
  if (facts.recipientEmail === null) {
    return {
      kind: 'tell',
      outcome: 'no_email',
      notice: 'acknowledgment_task',
      message: `De ontvangstbevestiging voor ${ref} staat klaar, maar de klager heeft geen (bruikbaar) e-mailadres: verstuur hem per post${by}.`,
    };
  }
  if (!facts.handlerAssigned) {
    if (facts.setting === 'send') {
      return {
        kind: 'wait',
        message: `${ref} heeft nog geen behandelaar. Wijs er een toe; daarna gaat de ontvangstbevestiging automatisch uit${by}.`,
      };
    }
    return {
      kind: 'tell',
      outcome: 'ready',
      notice: 'acknowledgment_ready',
      message: `De ontvangstbevestiging voor ${ref} kan worden verstuurd zodra er een behandelaar is toegewezen${by}.`,
    };
  }
  if (facts.setting === 'draft') {
    return {
      kind: 'tell',
      outcome: 'ready',
      notice: 'acknowledgment_ready',
      message: `De ontvangstbevestiging voor ${ref} staat klaar om te versturen${by}.`,
    };
  }
  return { kind: 'send' };
}
