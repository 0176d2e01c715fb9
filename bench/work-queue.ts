import type { GeneratedOrganisation } from './data/generate.ts';
import { summarise, type Latency } from './lib/stats.ts';

const OPEN = ['received', 'acknowledged', 'in_investigation', 'decided'];

export interface WorkQueueResult {
  latency: Latency;
  /** The queue's size: complaints of the measured organisation. */
  complaints: number;
  variants: string[];
}

interface Variant {
  name: string;
  query: URLSearchParams;
  /** Follow nextCursor this many pages deep (keyset paging) and time the last page. */
  pages: number;
}

function open(): URLSearchParams {
  const query = new URLSearchParams({ sort: 'deadline', limit: '25' });
  for (const status of OPEN) query.append('status', status);
  return query;
}

function variants(organisation: GeneratedOrganisation): Variant[] {
  const handler = open();
  handler.set('handlerId', organisation.handlerIds[0]!);
  const email = open();
  email.set('channel', 'email');
  return [
    { name: 'open complaints, nearest clock first', query: open(), pages: 1 },
    { name: 'one handler’s open complaints', query: handler, pages: 1 },
    { name: 'open complaints by e-mail', query: email, pages: 1 },
    {
      name: 'every complaint, nearest clock first',
      query: new URLSearchParams({ sort: 'deadline', limit: '25' }),
      pages: 1,
    },
    { name: 'open complaints, page 5 (keyset cursor)', query: open(), pages: 5 },
  ];
}

/**
 * The staff app's main screen through the HTTP API of a running server, as the coordinator of the
 * largest organisation: one page of 25, sorted by the nearest running clock, with filters. The
 * variants rotate so no single plan is measured alone; each request is timed end to end.
 */
export async function benchWorkQueue(
  baseUrl: string,
  organisation: GeneratedOrganisation,
  rounds: number,
): Promise<WorkQueueResult> {
  const headers = { authorization: `Bearer ${organisation.token}` };
  const list = variants(organisation);
  const get = async (query: URLSearchParams) => {
    const response = await fetch(`${baseUrl}/api/v1/complaints?${query}`, { headers });
    if (response.status !== 200)
      throw new Error(`work queue: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as { items: unknown[]; nextCursor: string | null };
  };
  const samples: number[] = [];
  for (let round = -2; round < rounds; round++) {
    for (const variant of list) {
      let query = variant.query;
      for (let page = 1; page < variant.pages; page++) {
        const body = await get(query);
        if (body.nextCursor === null) break;
        query = new URLSearchParams(variant.query);
        query.set('cursor', body.nextCursor);
      }
      const start = performance.now();
      const body = await get(query);
      const elapsed = performance.now() - start;
      if (body.items.length === 0) throw new Error(`work queue: "${variant.name}" returned no rows`);
      if (round >= 0) samples.push(elapsed);
    }
  }
  return {
    latency: summarise(samples),
    complaints: organisation.complaints,
    variants: list.map((v) => v.name),
  };
}
