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

  const chained: ChainedEvent = {
    organisationId,
    complaintId,
    sequence: head.last_event_sequence + 1,
    id: newId(),
    type: event.type,
    actorKind: event.actor.kind,
    actorId: event.actor.id,
    occurredAt: event.occurredAt,
    data: event.data,
    previousHash: head.last_event_hash,
  };
  const hash = hashEvent(chained);

  const row = await tx
    .insertInto('dossier_events')
    .values({
      organisation_id: organisationId,
      complaint_id: complaintId,
      sequence: chained.sequence,
      id: chained.id,
      type: chained.type,
      actor_kind: event.actor.kind,
      actor_id: event.actor.id,
      occurred_at: event.occurredAt,
      data: JSON.stringify(event.data),
      previous_hash: chained.previousHash,
      hash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

  await tx
    .updateTable('complaints')
    .set({ last_event_sequence: chained.sequence, last_event_hash: hash })
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
