import { describe, expect, it } from 'vitest';
import { canonicalJson, hashEvent, verifyChain, type ChainedEvent } from './event-chain.ts';

const complaintId = '0190f0a0-0000-7000-8000-000000000001';

function chain(length: number): Array<ChainedEvent & { hash: string }> {
  const events: Array<ChainedEvent & { hash: string }> = [];
  let previousHash: string | null = null;
  for (let sequence = 1; sequence <= length; sequence++) {
    const event: ChainedEvent = {
      organisationId: '0190f0a0-0000-7000-8000-00000000000a',
      complaintId,
      sequence,
      id: `0190f0a0-0000-7000-8000-${String(sequence).padStart(12, '0')}`,
      type: sequence === 1 ? 'complaint.registered' : 'dossier.note_added',
      actorKind: 'user',
      actorId: null,
      occurredAt: new Date(Date.UTC(2026, 0, 5, 9, sequence)),
      data: { sequence, nested: { b: 1, a: [true, null, 'x'] } },
      previousHash,
    };
    const hash = hashEvent(event);
    events.push({ ...event, hash });
    previousHash = hash;
  }
  return events;
}

const headOf = (events: Array<{ sequence: number; hash: string }>) => ({
  lastSequence: events.at(-1)?.sequence ?? 0,
  lastHash: events.at(-1)?.hash ?? null,
});

describe('canonicalJson', () => {
  it('orders keys at every depth so jsonb round trips hash the same', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: 'é' }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":"é","z":0}]},"b":1}',
    );
  });
  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and an empty one', () => {
    const events = chain(5);
    expect(verifyChain(complaintId, events, headOf(events))).toBeNull();
    expect(verifyChain(complaintId, [], { lastSequence: 0, lastHash: null })).toBeNull();
  });

  it('names an event whose content was edited', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, data: { sequence: 3, edited: true } };
    expect(verifyChain(complaintId, events, headOf(chain(5)))).toMatchObject({
      sequence: 3,
      reason: 'hash_mismatch',
    });
  });

  it('names an event whose type or time was changed', () => {
    const events = chain(4);
    events[1] = { ...events[1]!, occurredAt: new Date(Date.UTC(2025, 0, 1)) };
    expect(verifyChain(complaintId, events, headOf(events))).toMatchObject({
      sequence: 2,
      reason: 'hash_mismatch',
    });
  });

  it('notices a removed event in the middle', () => {
    const events = chain(5);
    events.splice(2, 1);
    expect(verifyChain(complaintId, events, headOf(chain(5)))).toMatchObject({
      sequence: 3,
      reason: 'sequence_gap',
    });
  });

  it('notices a removed newest event through the head', () => {
    const full = chain(5);
    expect(verifyChain(complaintId, full.slice(0, 4), headOf(full))).toMatchObject({
      reason: 'head_mismatch',
    });
  });

  it('notices a rewritten chain whose hashes were recomputed from a changed event', () => {
    const events = chain(3);
    const forged = { ...events[1]!, data: { forged: true } };
    forged.hash = hashEvent(forged);
    events[1] = forged;
    expect(verifyChain(complaintId, events, headOf(chain(3)))).toMatchObject({
      sequence: 3,
      reason: 'previous_hash_mismatch',
    });
  });
});
