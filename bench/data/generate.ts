import { sql, type Kysely } from 'kysely';
import { fixedClock } from '../../src/clock.ts';
import type { Database } from '../../src/db/schema.ts';
import { withTenant } from '../../src/db/tenant.ts';
import { newId } from '../../src/ids.ts';
import { createOrganisation } from '../../src/organisations/organisation.service.ts';
import { insertUser } from '../../src/users/user.repository.ts';
import {
  CITIES,
  EVENT_TYPES,
  FIRST_NAMES,
  ITEM_KINDS,
  ITEM_TITLES,
  LAST_NAMES,
  MIDDLES,
  OPENINGS,
  OUTCOMES,
  PRODUCTS,
  sqlArray,
  STREETS,
} from './dutch-text.ts';

export interface Scale {
  name: string;
  organisations: number;
  complaints: number;
  /** One complaint in this many is open (not closed or withdrawn). */
  openEvery: number;
  itemsPerComplaint: number;
  eventsPerComplaint: number;
}

export const SCALES: Record<string, Scale> = {
  small: { name: 'small', organisations: 2, complaints: 400, openEvery: 5, itemsPerComplaint: 10, eventsPerComplaint: 25 },
  '10k': { name: '10k', organisations: 10, complaints: 10_000, openEvery: 5, itemsPerComplaint: 10, eventsPerComplaint: 25 },
  '100k': {
    name: '100k',
    organisations: 10,
    complaints: 100_000,
    openEvery: 5,
    itemsPerComplaint: 10,
    eventsPerComplaint: 25,
  },
  '1m': { name: '1m', organisations: 10, complaints: 1_000_000, openEvery: 5, itemsPerComplaint: 10, eventsPerComplaint: 25 },
};

export interface GeneratedOrganisation {
  id: string;
  slug: string;
  complaints: number;
  /** Admin and coordinator: may register and read everything. */
  token: string;
  handlerIds: string[];
}

export interface GeneratedData {
  organisations: GeneratedOrganisation[];
  now: Date;
  seconds: number;
}

const HANDLERS_PER_ORGANISATION = 12;
/** Complaints per INSERT … SELECT: big enough to be set-based, small enough for work_mem sorts. */
const CHUNK = 10_000;

/**
 * The first organisation is the large firm (half of all complaints): the work queue is measured on
 * it, so "at 1M" means a queue over half a million dossiers, not over a tenth of them.
 */
export function organisationSizes(scale: Scale): number[] {
  const large = Math.floor(scale.complaints / 2);
  const rest = scale.organisations - 1;
  const each = Math.floor((scale.complaints - large) / rest);
  return [large + (scale.complaints - large - each * rest), ...Array.from({ length: rest }, () => each)];
}

/**
 * Fills an empty, migrated database. Organisations and their first administrator go through the
 * product's own service (tokens, procedure version, disputes body); complaints, dossier items and
 * events are generated in SQL with INSERT … SELECT generate_series, which runs at COPY speed on both
 * engines without a round trip per row. Event hashes are computed in SQL the way
 * src/domain/event-chain.ts computes them, so `verify-log` accepts the generated dossiers.
 */
export async function generate(
  db: Kysely<Database>,
  scale: Scale,
  now: Date,
  progress: (line: string) => void = () => undefined,
): Promise<GeneratedData> {
  const started = performance.now();
  const clock = fixedClock(now);
  const sizes = organisationSizes(scale);
  const organisations: GeneratedOrganisation[] = [];
  for (const [index, size] of sizes.entries()) {
    const slug = `bench-${scale.name}-${index + 1}`;
    const created = await createOrganisation(db, clock, {
      slug,
      name: `Verzekeringskantoor ${LAST_NAMES[index % LAST_NAMES.length]} ${index + 1}`,
      admin: { email: `beheer@${slug}.nl`, displayName: 'Beheerder' },
    });
    const organisationId = created.organisation.id;
    const handlerIds = await withTenant(db, organisationId, async (tx) => {
      const ids: string[] = [];
      for (let h = 0; h < HANDLERS_PER_ORGANISATION; h++) {
        const id = newId();
        await insertUser(tx, {
          organisation_id: organisationId,
          id,
          email: `behandelaar${h + 1}@${slug}.nl`,
          display_name: `${FIRST_NAMES[h % FIRST_NAMES.length]} ${LAST_NAMES[(h * 7) % LAST_NAMES.length]}`,
          roles: ['handler'],
          password_hash: null,
          must_change_password: true,
          disabled_at: null,
          created_at: now,
        });
        ids.push(id);
      }
      return ids;
    });
    organisations.push({ id: organisationId, slug, complaints: size, token: created.adminApiToken, handlerIds });
  }

  // One connection throughout: the chunk tables are temporary, and foreign-key triggers are off
  // for this session only (the rows are consistent by construction; checking 35 rows per
  // complaint one by one would double the load time).
  await db.connection().execute(async (conn) => {
    await sql`SET session_replication_role = replica`.execute(conn);
    await sql`CREATE SCHEMA IF NOT EXISTS kw_bench`.execute(conn);
    await sql.raw(CHAIN_STEP).execute(conn);
    await sql
      .raw(
        `CREATE OR REPLACE AGGREGATE kw_bench.chain(text, text) (SFUNC = kw_bench.chain_step, STYPE = text)`,
      )
      .execute(conn);
    try {
      let done = 0;
      for (const organisation of organisations) {
        for (let first = 1; first <= organisation.complaints; first += CHUNK) {
          const last = Math.min(first + CHUNK - 1, organisation.complaints);
          await fillChunk(conn, scale, organisation, first, last, now);
          done += last - first + 1;
          progress(`${done.toLocaleString('en')} / ${scale.complaints.toLocaleString('en')} complaints`);
        }
      }
      // New intake continues after the generated numbers of each year.
      await sql`
        INSERT INTO reference_counters (organisation_id, series, year, last_number)
        SELECT organisation_id, 'KL', reference_year, max(reference_number) FROM complaints
        GROUP BY organisation_id, reference_year
        ON CONFLICT (organisation_id, series, year) DO UPDATE SET last_number = EXCLUDED.last_number`.execute(
        conn,
      );
    } finally {
      await sql`DROP SCHEMA kw_bench CASCADE`.execute(conn);
      await sql`DROP TABLE IF EXISTS kw_chunk, kw_events`.execute(conn);
      await sql`SET session_replication_role = DEFAULT`.execute(conn);
    }
  });
  await settleClocks(db, now);
  await sql`ANALYZE`.execute(db);
  return { organisations, now, seconds: (performance.now() - started) / 1000 };
}

/**
 * Puts the generated open complaints where a running installation has them: every warning and
 * missed clock before `now` already handed out, so each complaint is quiet until its next clock
 * starts warning (from the start of the working day before it ends, weekends skipped) or runs out.
 * Without this the first sweep would be a catch-up over every generated complaint, which no
 * installation that sweeps every quarter of an hour ever faces.
 */
export async function settleClocks(db: Kysely<Database>, now: Date): Promise<void> {
  const warn = (due: string) =>
    `((${due} - CASE extract(isodow FROM ${due}) WHEN 1 THEN 3 WHEN 7 THEN 2 ELSE 1 END)::timestamp AT TIME ZONE 'Europe/Amsterdam')`;
  const end = (due: string) => `((${due} + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`;
  const next = (due: string) =>
    `CASE WHEN ${warn(due)} > $NOW THEN ${warn(due)} WHEN ${end(due)} > $NOW THEN ${end(due)} END`;
  const quiet = `coalesce(least(
      CASE WHEN status = 'received' THEN ${next('acknowledge_due')} END,
      ${next('decision_target')}), '9999-12-31T00:00:00Z'::timestamptz)`.replaceAll(
    '$NOW',
    `'${now.toISOString()}'::timestamptz`,
  );
  await sql
    .raw(`UPDATE complaints SET clocks_quiet_until = ${quiet} WHERE status NOT IN ('closed', 'withdrawn')`)
    .execute(db);
}

/**
 * One step of the chain: the canonical JSON of event-chain.ts is `prefix` + previous hash + `suffix`
 * (keys sorted, so previousHash sits between organisationId and sequence).
 */
const CHAIN_STEP = `
  CREATE OR REPLACE FUNCTION kw_bench.chain_step(previous text, prefix text, suffix text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(
      prefix || coalesce('"' || previous || '"', 'null') || suffix, 'UTF8')), 'hex')
  $$`;

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

async function fillChunk(
  db: Kysely<Database>,
  scale: Scale,
  organisation: GeneratedOrganisation,
  first: number,
  last: number,
  now: Date,
): Promise<void> {
  const org = literal(organisation.id);
  const nowSql = `${literal(now.toISOString())}::timestamptz`;
  const handlers = sqlArray(organisation.handlerIds).replace('::text[]', '::uuid[]');
  // Open complaints arrived in the last 45 days, closed ones over the five years before.
  const base = `
    SELECT n,
      md5(${org} || ':c:' || n)::uuid AS id,
      md5(${org} || ':p:' || n)::uuid AS complainant_id,
      (n % ${scale.openEvery} = 0) AS open,
      CASE WHEN n % ${scale.openEvery} = 0
        THEN ${nowSql} - make_interval(secs => (abs(hashint4(n)) % (45 * 86400)))
        ELSE ${nowSql} - interval '46 days' - make_interval(secs => (abs(hashint4(n * 3)) % (1780 * 86400)))
      END AS received_at
    FROM generate_series(${first}, ${last}) AS n`;

  await sql.raw(`CREATE TEMP TABLE IF NOT EXISTS kw_chunk (n int, id uuid, complainant_id uuid, open boolean, received_at timestamptz)`).execute(db);
  await sql.raw(`TRUNCATE kw_chunk`).execute(db);
  await sql.raw(`INSERT INTO kw_chunk ${base}`).execute(db);

  await sql.raw(`
    INSERT INTO complainants (organisation_id, id, name, email, phone, street, postal_code, city, country, created_at)
    SELECT ${org}, complainant_id,
      (${sqlArray(FIRST_NAMES)})[1 + n % ${FIRST_NAMES.length}] || ' ' || (${sqlArray(LAST_NAMES)})[1 + (n / 7) % ${LAST_NAMES.length}],
      'klager' || n || '@example.nl',
      '06-' || lpad((abs(hashint4(n)) % 100000000)::text, 8, '0'),
      (${sqlArray(STREETS)})[1 + n % ${STREETS.length}] || ' ' || (1 + n % 180),
      (1000 + n % 8999)::text || ' ' || chr(65 + n % 26) || chr(65 + (n / 26) % 26),
      (${sqlArray(CITIES)})[1 + (n / 3) % ${CITIES.length}],
      'Nederland', received_at
    FROM kw_chunk`).execute(db);

  // Events first (into a temporary table): the complaint row carries the chain's head.
  await sql.raw(`CREATE TEMP TABLE IF NOT EXISTS kw_events (LIKE dossier_events)`).execute(db);
  await sql.raw(`TRUNCATE kw_events`).execute(db);
  await sql.raw(`
    INSERT INTO kw_events (organisation_id, complaint_id, sequence, id, type, actor_kind, actor_id, occurred_at, data, previous_hash, hash)
    SELECT ${org}, id, seq, event_id, type, actor_kind, actor_id::uuid, occurred_at, data::jsonb,
      lag(hash) OVER (PARTITION BY id ORDER BY seq), hash
    FROM (
      SELECT *, kw_bench.chain(prefix, suffix) OVER (PARTITION BY id ORDER BY seq) AS hash
      FROM (
        SELECT c.id, seq, e.event_id, e.type, e.actor_kind, e.actor_id, e.occurred_at, e.data,
          '{"actorId":' || coalesce('"' || e.actor_id || '"', 'null')
            || ',"actorKind":"' || e.actor_kind || '","complaintId":"' || c.id
            || '","data":' || e.data || ',"id":"' || e.event_id
            || '","occurredAt":"' || to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
            || '","organisationId":"' || ${org} || '","previousHash":' AS prefix,
          ',"sequence":' || seq || ',"type":"' || e.type || '","v":1}' AS suffix
        FROM kw_chunk c
        CROSS JOIN generate_series(1, ${scale.eventsPerComplaint}) AS seq
        CROSS JOIN LATERAL (
          SELECT md5(${org} || ':e:' || c.n || ':' || seq)::uuid AS event_id,
            CASE WHEN seq = 1 THEN 'complaint.registered'
              ELSE (${sqlArray(EVENT_TYPES)})[1 + (c.n + seq) % ${EVENT_TYPES.length}] END AS type,
            CASE WHEN seq = 1 THEN 'api' ELSE 'user' END AS actor_kind,
            CASE WHEN seq = 1 THEN NULL ELSE (${handlers})[1 + (c.n + seq) % ${organisation.handlerIds.length}] END AS actor_id,
            date_trunc('milliseconds', c.received_at + make_interval(mins => (seq - 1) * 97)) AS occurred_at,
            '{"sequenceNote":' || seq || ',"sha256":"' || encode(sha256(convert_to(c.n || ':' || seq, 'UTF8')), 'hex') || '"}' AS data
        ) e
      ) AS chained
    ) AS hashed`).execute(db);

  await sql.raw(`
    INSERT INTO complaints (organisation_id, id, reference, reference_year, reference_number, channel,
      received_at, complainant_id, product, description, desired_outcome, status, handler_id, category,
      root_cause, outcome, liability_flag, last_event_sequence, last_event_hash, created_at, updated_at,
      acknowledgment_sent_at, decision_communicated_at, closed_at, withdrawn_at,
      acknowledge_due, decision_due, decision_target, next_clock_due)
    SELECT ${org}, c.id,
      'KL-' || extract(year FROM c.received_at AT TIME ZONE 'Europe/Amsterdam')::int || '-'
        || CASE WHEN c.n < 10000 THEN lpad(c.n::text, 4, '0') ELSE c.n::text END,
      extract(year FROM c.received_at AT TIME ZONE 'Europe/Amsterdam')::int, c.n,
      (ARRAY['web_form','email','email','email','letter','phone','api'])[1 + abs(hashint4(c.n * 7 + 1)) % 7],
      c.received_at, c.complainant_id, p.product,
      replace((${sqlArray(OPENINGS)})[1 + c.n % ${OPENINGS.length}], '{p}', lower(p.product))
        || ' ' || (${sqlArray(MIDDLES)})[1 + (c.n / 3) % ${MIDDLES.length}]
        || ' ' || (${sqlArray(MIDDLES)})[1 + (c.n / 11) % ${MIDDLES.length}],
      (${sqlArray(OUTCOMES)})[1 + c.n % ${OUTCOMES.length}],
      s.status,
      CASE WHEN s.status = 'received' AND c.n % 3 <> 0 THEN NULL
        ELSE (${handlers})[1 + c.n % ${organisation.handlerIds.length}] END,
      CASE WHEN c.open THEN NULL ELSE p.product END,
      CASE WHEN c.open THEN NULL ELSE 'communicatie' END,
      CASE WHEN s.status = 'closed' THEN (ARRAY['gegrond','deels_gegrond','ongegrond'])[1 + c.n % 3]
        WHEN s.status = 'withdrawn' THEN 'ingetrokken' END,
      c.n % 23 = 0,
      ${scale.eventsPerComplaint}, h.hash, c.received_at, c.received_at,
      CASE WHEN s.status <> 'received' THEN c.received_at + interval '1 day' END,
      CASE WHEN s.status IN ('decided', 'closed') THEN c.received_at + interval '25 days' END,
      CASE WHEN s.status = 'closed' THEN c.received_at + interval '30 days' END,
      CASE WHEN s.status = 'withdrawn' THEN c.received_at + interval '10 days' END,
      d.acknowledge_due, d.decision_due, d.decision_due,
      CASE WHEN NOT c.open THEN NULL
        WHEN s.status = 'received' THEN d.acknowledge_due
        ELSE d.decision_due END
    FROM kw_chunk c
    JOIN kw_events h ON h.complaint_id = c.id AND h.sequence = ${scale.eventsPerComplaint}
    CROSS JOIN LATERAL (SELECT (${sqlArray(PRODUCTS)})[1 + (c.n / 5) % ${PRODUCTS.length}] AS product) p
    CROSS JOIN LATERAL (SELECT CASE
      WHEN c.open THEN (ARRAY['received','acknowledged','acknowledged','in_investigation','in_investigation','in_investigation','decided'])[1 + (c.n / ${scale.openEvery}) % 7]
      WHEN c.n % 20 = 1 THEN 'withdrawn' ELSE 'closed' END AS status) s
    CROSS JOIN LATERAL (SELECT
      ((c.received_at AT TIME ZONE 'Europe/Amsterdam')::date + 5) AS acknowledge_due,
      ((c.received_at AT TIME ZONE 'Europe/Amsterdam')::date + interval '1 month')::date AS decision_due) d`).execute(db);

  await sql.raw(`INSERT INTO dossier_events SELECT * FROM kw_events`).execute(db);

  await sql.raw(`
    INSERT INTO dossier_items (organisation_id, id, complaint_id, kind, title, body, author_id, created_at)
    SELECT ${org}, md5(${org} || ':i:' || c.n || ':' || i)::uuid, c.id,
      (${sqlArray([...ITEM_KINDS])})[i],
      (${sqlArray(ITEM_TITLES)})[i],
      (${sqlArray(MIDDLES)})[1 + (c.n + i) % ${MIDDLES.length}] || ' '
        || (${sqlArray(OUTCOMES)})[1 + (c.n * i) % ${OUTCOMES.length}],
      CASE WHEN i % 2 = 0 THEN (${handlers})[1 + (c.n + i) % ${organisation.handlerIds.length}] END,
      c.received_at + make_interval(hours => i * 20)
    FROM kw_chunk c CROSS JOIN generate_series(1, ${Math.min(scale.itemsPerComplaint, ITEM_KINDS.length)}) AS i`).execute(db);
}
