import type { Channel, ComplaintStatus, Outcome } from '../db/schema.ts';
import type { ComplaintDetailRow } from './complaint.repository.ts';

/** The complaint as services hand it out: camelCase, dates as Date, complainant nested. */
export interface ComplaintView {
  id: string;
  reference: string;
  channel: Channel;
  receivedAt: Date;
  status: ComplaintStatus;
  product: string | null;
  description: string;
  desiredOutcome: string | null;
  complainant: {
    id: string;
    name: string;
    email: string | null;
    phone: string | null;
    street: string | null;
    postalCode: string | null;
    city: string | null;
    country: string | null;
  };
  handler: { id: string; name: string } | null;
  involvedEmployees: Array<{ id: string; name: string }>;
  category: string | null;
  rootCause: string | null;
  outcome: Outcome | null;
  liabilityFlag: boolean;
  eventHead: { sequence: number; hash: string | null };
  createdAt: Date;
  updatedAt: Date;
}

export function toComplaintView(
  row: ComplaintDetailRow,
  involved: ReadonlyArray<{ user_id: string; display_name: string }>,
): ComplaintView {
  return {
    id: row.id,
    reference: row.reference,
    channel: row.channel,
    receivedAt: new Date(row.received_at),
    status: row.status,
    product: row.product,
    description: row.description,
    desiredOutcome: row.desired_outcome,
    complainant: {
      id: row.complainant_id,
      name: row.complainant_name,
      email: row.complainant_email,
      phone: row.complainant_phone,
      street: row.complainant_street,
      postalCode: row.complainant_postal_code,
      city: row.complainant_city,
      country: row.complainant_country,
    },
    handler: row.handler_id && row.handler_name ? { id: row.handler_id, name: row.handler_name } : null,
    involvedEmployees: involved.map((i) => ({ id: i.user_id, name: i.display_name })),
    category: row.category,
    rootCause: row.root_cause,
    outcome: row.outcome,
    liabilityFlag: row.liability_flag,
    eventHead: { sequence: row.last_event_sequence, hash: row.last_event_hash },
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}
