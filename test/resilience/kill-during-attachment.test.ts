import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { documentsWithWrongDigest } from '../../src/backup/digests.ts';
import { openPGlite } from '../../src/db/database.ts';
import { runCliProcess, startServerProcess, type ServerProcess } from '../support/server-process.ts';

/** A 2 MB PDF-signed file whose bytes say which upload it was, so a mix-up would show. */
function upload(n: number): Buffer {
  const body = Buffer.alloc(2 * 1024 * 1024, n);
  Buffer.from(`%PDF-1.4\n% upload ${n}\n`).copy(body);
  return body;
}

describe('kill -9 while attachments are being written (embedded database)', () => {
  const running: ServerProcess[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-kill-upload-'));
  afterEach(async () => {
    for (const server of running.splice(0)) await server.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every answered file whole and leaves no half file behind', { timeout: 180_000 }, async () => {
    const server = await startServerProcess({ DATA_DIR: dir, JOBS_ENABLED: 'false' });
    running.push(server);
    const token = server.apiToken!;
    const list = (await (
      await fetch(`${server.url}/api/v1/complaints?limit=1`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { items: Array<{ id: string }> };
    const complaintId = list.items[0]!.id;
    const send = (n: number) =>
      fetch(`${server.url}/api/v1/complaints/${complaintId}/attachments?fileName=bijlage-${n}.pdf`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(upload(n)),
      }).then(
        async (response) =>
          response.status === 201
            ? ((await response.json()) as { documents: Array<{ id: string; sha256: string }> }).documents[0]!
            : null,
        () => null,
      );
    const uploads = Array.from({ length: 6 }, (_, i) => send(i + 1));
    // Die as soon as the first is answered: others are mid-request, mid-transaction or just committed.
    await Promise.race(uploads);
    await server.kill('SIGKILL');
    const answered = (await Promise.all(uploads)).filter((d) => d !== null);
    expect(answered.length).toBeGreaterThan(0);

    const handle = await openPGlite({ dataDir: dir });
    try {
      expect(await documentsWithWrongDigest(handle.db as unknown as Kysely<unknown>)).toEqual([]);
      for (const document of answered) {
        const row = await sql<{ sha256: string; size: string }>`
          SELECT sha256, octet_length(content)::text AS size FROM documents WHERE id = ${document.id}::uuid`.execute(
          handle.db,
        );
        expect(row.rows[0]).toEqual({ sha256: document.sha256, size: String(2 * 1024 * 1024) });
      }
      // No dossier item without its file, no file without its item.
      const orphans = await sql<{ n: string }>`
        SELECT count(*)::text AS n FROM dossier_items i
         WHERE i.kind = 'attachment'
           AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.organisation_id = i.organisation_id AND d.item_id = i.id)`.execute(
        handle.db,
      );
      expect(orphans.rows[0]!.n).toBe('0');
    } finally {
      await handle.close();
    }
    const verify = await runCliProcess(['verify-log'], { DATA_DIR: dir });
    expect(verify.stdout).toContain('every event chain is intact');
    expect(verify.code).toBe(0);
  });
});
