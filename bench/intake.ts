import { createHash, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import type { GeneratedOrganisation } from './data/generate.ts';

export interface ThroughputResult {
  perSecond: number;
  requests: number;
  errors: number;
  p50: number;
  p99: number;
}

const COMPLAINT = {
  channel: 'api',
  complainant: {
    name: 'Anouk Visser',
    email: 'anouk.visser@example.nl',
    phone: '06-12345678',
    street: 'Julianalaan 12',
    postalCode: '3722 GK',
    city: 'Bilthoven',
  },
  product: 'Woonhuisverzekering',
  description:
    'Op 3 november heb ik waterschade gemeld. De schade-expert is na drie weken nog niet langs geweest en niemand belt terug. Door de vertraging loopt de schade aan de vloer verder op.',
  desiredOutcome: 'Een afspraak met de expert deze week en vergoeding van de extra schade.',
};

/**
 * POST /api/v1/complaints through a running server, each request with its own Idempotency-Key:
 * validation, authentication, the reference number, complainant, complaint, clock dates, first
 * dossier event, intake item and the stored idempotent answer, all in one transaction.
 */
export async function benchHttpIntake(
  baseUrl: string,
  organisation: GeneratedOrganisation,
  connections: number,
  seconds: number,
): Promise<ThroughputResult> {
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/complaints',
        headers: { authorization: `Bearer ${organisation.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(COMPLAINT),
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'idempotency-key': randomUUID() },
        }),
      },
    ],
  });
  const ok = result['2xx'];
  return {
    perSecond: ok / seconds,
    requests: ok,
    errors: result.non2xx + result.errors + result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

interface SqlClient {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/** The rows one intake writes, without the product around them: the ceiling for the HTTP figure. */
async function insertBareComplaint(client: SqlClient, organisationId: string, year: number): Promise<void> {
  const now = new Date();
  const complainantId = randomUUID();
  const complaintId = randomUUID();
  const hash = createHash('sha256').update(complaintId).digest('hex');
  await client.query('BEGIN');
  try {
    const counter = (await client.query(
      `INSERT INTO reference_counters (organisation_id, series, year, last_number) VALUES ($1, 'KL', $2, 1)
       ON CONFLICT (organisation_id, series, year) DO UPDATE SET last_number = reference_counters.last_number + 1
       RETURNING last_number`,
      [organisationId, year],
    )) as { rows: Array<{ last_number: number }> };
    const number = counter.rows[0]!.last_number;
    await client.query(
      `INSERT INTO complainants (organisation_id, id, name, email, phone, street, postal_code, city, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        organisationId,
        complainantId,
        COMPLAINT.complainant.name,
        COMPLAINT.complainant.email,
        COMPLAINT.complainant.phone,
        COMPLAINT.complainant.street,
        COMPLAINT.complainant.postalCode,
        COMPLAINT.complainant.city,
        now,
      ],
    );
    await client.query(
      `INSERT INTO complaints (organisation_id, id, reference, reference_year, reference_number, channel,
         received_at, complainant_id, product, description, desired_outcome, status, last_event_sequence,
         last_event_hash, acknowledge_due, decision_due, decision_target, next_clock_due, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'api', $6, $7, $8, $9, $10, 'received', 1, $11,
         current_date + 5, current_date + 30, current_date + 30, current_date + 5, $6, $6)`,
      [
        organisationId,
        complaintId,
        `KL-${year}-${number}`,
        year,
        number,
        now,
        complainantId,
        COMPLAINT.product,
        COMPLAINT.description,
        COMPLAINT.desiredOutcome,
        hash,
      ],
    );
    await client.query(
      `INSERT INTO dossier_events (organisation_id, complaint_id, sequence, id, type, actor_kind, actor_id,
         occurred_at, data, previous_hash, hash)
       VALUES ($1, $2, 1, $3, 'complaint.registered', 'api', NULL, $4, $5, NULL, $6)`,
      [
        organisationId,
        complaintId,
        randomUUID(),
        now,
        JSON.stringify({ reference: number, channel: 'api' }),
        hash,
      ],
    );
    await client.query(
      `INSERT INTO intake_items (organisation_id, id, channel, received_at, kind, proposed_kind, status,
         sender_name, sender_email, complaint_id, created_at)
       VALUES ($1, $2, 'api', $3, 'complaint', 'complaint', 'new', $4, $5, $6, $3)`,
      [
        organisationId,
        randomUUID(),
        now,
        COMPLAINT.complainant.name,
        COMPLAINT.complainant.email,
        complaintId,
      ],
    );
    await client.query(
      `INSERT INTO idempotency_keys (organisation_id, key, request_sha256, lease, state, locked_until,
         response_status, response_body, created_at)
       VALUES ($1, $2, $3, $4, 'done', $5, 201, $6, $5)`,
      [organisationId, randomUUID(), hash, randomUUID(), now, JSON.stringify({ id: complaintId })],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

async function runFor(seconds: number, workers: number, once: () => Promise<void>): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < until) {
        await once();
        done++;
      }
    }),
  );
  return done;
}

/** The same rows from a bare pg client at the same concurrency, on PostgreSQL. */
export async function benchBareIntakePostgres(
  connectionString: string,
  organisationId: string,
  connections: number,
  seconds: number,
): Promise<number> {
  const pool = new Pool({ connectionString, max: connections });
  const year = new Date().getUTCFullYear();
  try {
    const done = await runFor(seconds, connections, async () => {
      const client = await pool.connect();
      try {
        await insertBareComplaint(client, organisationId, year);
      } finally {
        client.release();
      }
    });
    return done / seconds;
  } finally {
    await pool.end();
  }
}

/** The same rows on PGlite, in-process: one connection, so one transaction at a time. */
export async function benchBareIntakePGlite(
  pglite: PGlite,
  organisationId: string,
  seconds: number,
): Promise<number> {
  const year = new Date().getUTCFullYear();
  const done = await runFor(seconds, 1, () => insertBareComplaint(pglite, organisationId, year));
  return done / seconds;
}
