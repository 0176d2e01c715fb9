import { describe, expect, it } from 'vitest';
import { parseLocalDate } from '../calendar/local-date.ts';
import { decideAutoAcknowledgment, type ArrivalFacts } from './auto-acknowledgment.ts';

const base: ArrivalFacts = {
  setting: 'send',
  reference: 'KL-2026-0042',
  awaitingAcknowledgment: true,
  handlerAssigned: true,
  automaticArrival: false,
  recipientEmail: 'jan@example.nl',
  problems: [],
  acknowledgeBy: parseLocalDate('2026-11-26'),
};

describe('decideAutoAcknowledgment', () => {
  it.each([
    ['send, complete, from a person, with an address', {}, 'send'],
    ['draft, complete', { setting: 'draft' }, 'ready'],
    ['send, from an auto-reply or bounce', { automaticArrival: true }, 'automatic_arrival'],
    [
      'draft, from an auto-reply or bounce',
      { setting: 'draft', automaticArrival: true },
      'automatic_arrival',
    ],
    [
      'send, incomplete',
      { problems: ['De ontvangstbevestiging mist de naam van de ondertekenaar.'] },
      'incomplete',
    ],
    ['draft, incomplete', { setting: 'draft', problems: ['x'] }, 'incomplete'],
    ['send, no address', { recipientEmail: null }, 'no_email'],
    ['already acknowledged by a person', { awaitingAcknowledgment: false }, 'not_needed'],
    ['send, nobody handles it yet', { handlerAssigned: false }, 'wait'],
    ['draft, nobody handles it yet', { setting: 'draft', handlerAssigned: false }, 'ready'],
    ['send, nobody handles it, incomplete', { handlerAssigned: false, problems: ['x'] }, 'incomplete'],
    [
      'an auto-reply that was already acknowledged',
      { awaitingAcknowledgment: false, automaticArrival: true },
      'not_needed',
    ],
  ] as const)('%s', (_label, change, expected) => {
    const decision = decideAutoAcknowledgment({ ...base, ...change });
    expect(decision.kind === 'send' || decision.kind === 'wait' ? decision.kind : decision.outcome).toBe(
      expected,
    );
  });

  it('tells a person in Dutch what is missing and by when, naming only the reference', () => {
    const decision = decideAutoAcknowledgment({
      ...base,
      problems: ['De ontvangstbevestiging mist de naam van de ondertekenaar.'],
    });
    expect(decision).toMatchObject({ kind: 'tell', notice: 'acknowledgment_task' });
    expect(decision.kind === 'tell' && decision.message).toBe(
      'De ontvangstbevestiging voor KL-2026-0042 is nog niet compleet en is daarom niet automatisch verstuurd: De ontvangstbevestiging mist de naam van de ondertekenaar. Vul dit aan en verstuur hem (uiterlijk do 26-11-2026).',
    );
  });

  it('says an acknowledgment is ready when a person sends them', () => {
    const decision = decideAutoAcknowledgment({ ...base, setting: 'draft' });
    expect(decision).toMatchObject({
      notice: 'acknowledgment_ready',
      message:
        'De ontvangstbevestiging voor KL-2026-0042 staat klaar om te versturen (uiterlijk do 26-11-2026).',
    });
  });
});
