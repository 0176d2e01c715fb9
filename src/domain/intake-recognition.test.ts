import { describe, expect, it } from 'vitest';
import { proposeIntakeKind } from './intake-recognition.ts';

describe('proposeIntakeKind', () => {
  it.each([
    ['Opzeggen verzekering', 'Hierbij zeg ik mijn inboedelverzekering op per 1 januari.', 'cancellation'],
    ['Beëindiging polis', 'Graag beëindigen per de eerste van de maand.', 'cancellation'],
    ['Ontevreden', 'Ik zeg mijn polis op omdat ik ontevreden ben.', 'cancellation'],
    ['Klacht over afhandeling', 'Niemand belt mij terug.', 'complaint'],
    [null, 'Ik ben zeer teleurgesteld in uw dienstverlening.', 'complaint'],
    ['Schademelding', 'Ik wil graag schade melden aan mijn auto.', 'claim'],
    ['Vraag over dekking', 'Zijn zonnepanelen meeverzekerd?', 'question'],
    ['Re: uw brief', 'Bedankt, tot ziens.', null],
  ])('%j / %j → %s', (subject, body, kind) => {
    expect(proposeIntakeKind(subject, body).kind).toBe(kind);
  });

  it('says which words made the proposal', () => {
    expect(proposeIntakeKind('Opzegging', '').reason).toBe('Herkend als opzegging aan "opzegging".');
  });
});
