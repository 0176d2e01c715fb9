import { describe, expect, it } from 'vitest';
import type { IndexRow } from '../domain/exports/dossier-export-plan.ts';
import { pdfPageCount, pdfToText } from '../letters/render/pdf-tools.ts';
import { letterheadFromOrganisation } from '../letters/render/letterhead.ts';
import { renderDossierIndexPdf } from './dossier-index-pdf.ts';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('dossier index PDF', () => {
  it('runs over pages with the column heads and "Pagina n van m" on each', async () => {
    const start = Date.parse('2026-03-02T08:00:00Z');
    const rows: IndexRow[] = Array.from({ length: 150 }, (_, i) => ({
      number: i + 1,
      at: new Date(start + i * 3_600_000),
      kind: i % 3 === 0 ? 'item' : 'event',
      label: i % 3 === 0 ? 'Bericht ontvangen' : 'Document toegevoegd',
      title: i % 3 === 0 ? `Bericht ${i + 1} met een wat langere titel over de schade` : `Gebeurtenis ${i}`,
      files:
        i % 3 === 0
          ? [`documenten/${String(i + 1).padStart(3, '0')}-bijlage-met-een-heel-lange-naam-${i}.pdf`]
          : [],
      sequence: i % 3 === 0 ? null : i,
    }));
    const pdf = await renderDossierIndexPdf({
      header: {
        letterhead: letterheadFromOrganisation({
          name: 'Kantoor De Vries',
          street: 'Dorpsstraat 1',
          postal_code: '1234 AB',
          city: 'Ergens',
          phone: null,
          email: 'klachten@devries.example',
          website: null,
          kvk_number: null,
          afm_number: null,
          logo: null,
        }),
        reference: 'KL-2026-0150',
        complainantName: 'P. Jansen',
        channel: 'email',
        product: null,
        status: 'in_investigation',
        outcome: null,
        handlerName: null,
        receivedAt: new Date(start),
      },
      rows,
      chainHead: { sequence: 100, hash: 'a'.repeat(64) },
      createdAt: new Date('2026-03-20T12:00:00Z'),
      exportedBy: 'Auditor Aad',
      fileCount: 55,
    });
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = pdfToText(pdf);
    const perPage = text.split('\f').filter((page) => page.trim() !== '');
    expect(perPage).toHaveLength(pages);
    perPage.forEach((page, i) => {
      expect(page).toContain(`Pagina ${i + 1} van ${pages}`);
      expect(page).toContain('Bestand in de ZIP');
    });
    expect(perPage[1]).toContain('Dossier KL-2026-0150 — inhoudsopgave');
    expect(text).toContain('150');

    // Page 2 as a picture, to look at the running head and the repeated column heads.
    const dir = mkdtempSync(join(tmpdir(), 'kw-index-'));
    try {
      writeFileSync(join(dir, 'i.pdf'), pdf);
      mkdirSync('test-artifacts/exports', { recursive: true });
      spawnSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '2',
        '-l',
        '2',
        '-singlefile',
        join(dir, 'i.pdf'),
        'test-artifacts/exports/dossier-index-page-2',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
