import type { Actor } from '../auth/access-context.ts';
import type { DossierEventRow } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';
import { hashEvent, type ChainedEvent, type JsonValue } from '../domain/event-chain.ts';
import { NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';

export interface NewDossierEvent {
  type: string;
  actor: Actor;
  occurredAt: Date;
  /** Ids, codes, dates and digests only: never personal data, so anonymisation keeps the chain valid. */
  data: JsonValue;
}

/** The chain's head as the complaint row keeps it: no events yet is sequence 0 without a hash. */
export interface ChainHead {
  sequence: number;
  hash: string | null;
}

export interface LinkedEvent {
  chained: ChainedEvent;
  hash: string;
  actorKind: Actor['kind'];
}

/** The next link of a dossier's chain after `head` (pure: the caller holds the head's lock). */
export function linkEvent(
  organisationId: string,
  complaintId: string,
  head: ChainHead,
  event: NewDossierEvent,
): LinkedEvent {
  const chained: ChainedEvent = {
    organisationId,
    complaintId,
    sequence: head.sequence + 1,
    id: newId(),
    type: event.type,
    actorKind: event.actor.kind,
    actorId: event.actor.id,
    occurredAt: event.occurredAt,
    data: event.data,
    previousHash: head.hash,
  };
  return { chained, hash: hashEvent(chained), actorKind: event.actor.kind };
}

/** Stores a linked event; moving the complaint's head to it is the caller's part of the same commit. */
export async function insertLinkedEvent(
  tx: Tx,
  { chained, hash, actorKind }: LinkedEvent,
): Promise<DossierEventRow> {
  return tx
    .insertInto('dossier_events')
    .values({
      organisation_id: chained.organisationId,
      complaint_id: chained.complaintId,
      sequence: chained.sequence,
      id: chained.id,
      type: chained.type,
      actor_kind: actorKind,
      actor_id: chained.actorId,
      occurred_at: chained.occurredAt,
      data: JSON.stringify(chained.data),
      previous_hash: chained.previousHash,
      hash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Appends to a dossier's chain inside the caller's transaction. The complaint row is locked, so
 * concurrent writers to one dossier queue up instead of forking the chain, and its head moves with
 * the new event in the same commit. NO KEY UPDATE, not UPDATE: a writer that already inserted a
 * dossier item holds the KEY SHARE lock of that foreign key, and a full UPDATE lock would deadlock
 * two such writers.
 */
export async function appendDossierEvent(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  event: NewDossierEvent,
): Promise<DossierEventRow> {
  const head = await tx
    .selectFrom('complaints')
    .select(['last_event_sequence', 'last_event_hash'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', complaintId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!head) throw new NotFoundError('De klacht');

  const linked = linkEvent(
    organisationId,
    complaintId,
    { sequence: head.last_event_sequence, hash: head.last_event_hash },
    event,
  );
  const row = await insertLinkedEvent(tx, linked);
  await tx
    .updateTable('complaints')
    .set({ last_event_sequence: linked.chained.sequence, last_event_hash: linked.hash })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', complaintId)
    .execute();
  return row;
}

export async function listDossierEvents(
  tx: Tx,
  organisationId: string,
  complaintId: string,
): Promise<DossierEventRow[]> {
  return tx
    .selectFrom('dossier_events')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .orderBy('sequence')
    .execute();
}

export function toChainedEvent(row: DossierEventRow): ChainedEvent & { hash: string } {
  return {
    organisationId: row.organisation_id,
    complaintId: row.complaint_id,
    sequence: row.sequence,
    id: row.id,
    type: row.type,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    occurredAt: new Date(row.occurred_at),
    data: row.data as JsonValue,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}
