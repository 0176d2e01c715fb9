import { createHash } from 'node:crypto';

/**
 * The dossier's tamper evidence. Each event's hash covers its own content and the previous event's
 * hash, so changing, removing or reordering any event breaks every hash after it; the complaint row
 * keeps the head (last sequence and hash) so removing the newest event shows too.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface ChainedEvent {
  organisationId: string;
  complaintId: string;
  sequence: number;
  id: string;
  type: string;
  actorKind: string;
  actorId: string | null;
  occurredAt: Date;
  data: JsonValue;
  previousHash: string | null;
}

export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('Event data cannot hold a non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).toSorted();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`).join(',')}}`;
}

export function sha256Hex(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

export function hashEvent(event: ChainedEvent): string {
  return sha256Hex(
    canonicalJson({
      v: 1,
      organisationId: event.organisationId,
      complaintId: event.complaintId,
      sequence: event.sequence,
      id: event.id,
      type: event.type,
      actorKind: event.actorKind,
      actorId: event.actorId,
      occurredAt: event.occurredAt.toISOString(),
      data: event.data,
      previousHash: event.previousHash,
    }),
  );
}

export type ChainBreakReason =
  'hash_mismatch' | 'previous_hash_mismatch' | 'sequence_gap' | 'head_mismatch' | 'foreign_event';

export interface ChainBreak {
  complaintId: string;
  sequence: number;
  eventId: string | null;
  reason: ChainBreakReason;
}

export interface ChainHead {
  lastSequence: number;
  lastHash: string | null;
}

/** Checks one dossier's events (ordered by sequence) against its recorded head; names the first break. */
export function verifyChain(
  complaintId: string,
  events: ReadonlyArray<ChainedEvent & { hash: string }>,
  head: ChainHead,
): ChainBreak | null {
  let previousHash: string | null = null;
  let expectedSequence = 1;
  for (const event of events) {
    if (event.complaintId !== complaintId) {
      return { complaintId, sequence: event.sequence, eventId: event.id, reason: 'foreign_event' };
    }
    if (event.sequence !== expectedSequence) {
      return { complaintId, sequence: expectedSequence, eventId: event.id, reason: 'sequence_gap' };
    }
    if (event.previousHash !== previousHash) {
      return { complaintId, sequence: event.sequence, eventId: event.id, reason: 'previous_hash_mismatch' };
    }
    if (hashEvent(event) !== event.hash) {
      return { complaintId, sequence: event.sequence, eventId: event.id, reason: 'hash_mismatch' };
    }
    previousHash = event.hash;
    expectedSequence++;
  }
  if (head.lastSequence !== expectedSequence - 1 || head.lastHash !== previousHash) {
    return { complaintId, sequence: expectedSequence - 1, eventId: null, reason: 'head_mismatch' };
  }
  return null;
}
