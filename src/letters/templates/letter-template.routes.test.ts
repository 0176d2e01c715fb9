import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../../test/support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { buildApp } from '../../app.ts';
import { fixedClock } from '../../clock.ts';
import { withTenant } from '../../db/tenant.ts';
import { defaultTemplate } from '../../domain/letters/templates.ts';
import { takeStep } from '../../procedure/procedure.service.ts';
import { deriveSecrets } from '../../secrets.ts';
import { pdfToText, writeFirstPagePng } from '../render/pdf-tools.ts';

const secrets = deriveSecrets(Buffer.alloc(32, 12));
const URL = '/api/v1/letter-templates';

/** The default acknowledgment with the handler sentence reworded, and optionally the element dropped. */
function editedAcknowledgment(options: { dropHandler?: boolean } = {}) {
  const blocks = defaultTemplate('acknowledgment', 'nl').blocks.flatMap((block) => {
    if (block.kind !== 'element' || !block.elements.includes('handlerName')) return [block];
    if (options.dropHandler) return [];
    return [{ ...block, text: 'Uw vaste aanspreekpunt bij ons kantoor is {{handlerName}}.' }];
  });
  return { subject: 'Wij hebben uw klacht ontvangen', blocks };
}

describe.each(databaseKinds())('letter templates over HTTP on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TestOrganisation;
  let other: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
  const call = (method: 'GET' | 'PUT' | 'DELETE' | 'POST', token: string, url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    other = await createTestOrganisation(database.handle.db, clock);
    await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .updateTable('organisations')
        .set({ name: 'Assurantiekantoor Brouwer & Zoën', city: 'Amsterdam', email: 'klachten@brouwer.nl' })
        .where('id', '=', org.id)
        .execute(),
    );
    app = await buildApp({
      db: database.handle.db,
      clock,
      secrets,
      config: { logLevel: 'silent', maxAttachmentBytes: 1024 * 1024, maxJsonBodyBytes: 256 * 1024 },
      readiness: async () => [],
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lists the default of every letter type and language until the organisation edits one', async () => {
    const all = await call('GET', org.coordinator.token, URL);
    expect(all.statusCode).toBe(200);
    expect(all.json()).toHaveLength(22);
    const ack = await call('GET', org.coordinator.token, `${URL}?type=acknowledgment&language=nl`);
    expect(ack.json()).toMatchObject([
      {
        type: 'acknowledgment',
        language: 'nl',
        name: 'Ontvangstbevestiging',
        source: 'default',
        problems: [],
      },
    ]);
    const detail = await call('GET', org.auditor.token, `${URL}/acknowledgment/nl`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().requiredElements.map((e: { name: string }) => e.name)).toEqual([
      'receivedDate',
      'complaintSummary',
      'investigationMethod',
      'expectedContactDate',
      'handlerName',
      'contactDetails',
    ]);
    expect(detail.json().placeholders).toContainEqual(
      expect.objectContaining({ name: 'handlerName', required: true, inline: true }),
    );
  });

  it('refuses an edit that drops a required element, naming it in Dutch, and stores nothing', async () => {
    const refused = await call(
      'PUT',
      org.coordinator.token,
      `${URL}/acknowledgment/nl`,
      editedAcknowledgment({ dropHandler: true }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'template_element_removed' });
    expect(refused.json().detail).toContain('"de naam van de behandelaar" (R2 e) ontbreekt');
    expect(refused.json().problems).toContainEqual(
      expect.objectContaining({ code: 'template_element_removed' }),
    );
    const unknownField = await call('PUT', org.coordinator.token, `${URL}/acknowledgment/nl`, {
      subject: 'Uw klacht {{iban}}',
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().code).toBe('template_invalid');
    const shapeless = await call('PUT', org.coordinator.token, `${URL}/acknowledgment/nl`, {
      blocks: [{ kind: 'element', text: 'Uw klacht wordt behandeld door {{handlerName}}.' }],
    });
    expect(shapeless.statusCode).toBe(400);
    expect(shapeless.json().code).toBe('template_element_removed');
    expect(shapeless.json().problems).toContainEqual(
      expect.objectContaining({ code: 'template_block_invalid', block: 0 }),
    );
    const after = await call('GET', org.coordinator.token, `${URL}/acknowledgment/nl`);
    expect(after.json().source).toBe('default');
  });

  it('lets administrators and coordinators edit, nobody else', async () => {
    for (const user of [org.handler, org.employee, org.auditor]) {
      const response = await call('PUT', user.token, `${URL}/acknowledgment/nl`, editedAcknowledgment());
      expect(response.statusCode).toBe(403);
    }
    expect((await call('GET', org.handler.token, URL)).statusCode).toBe(403);
    expect((await call('DELETE', org.auditor.token, `${URL}/acknowledgment/nl`)).statusCode).toBe(403);
  });

  it('saves the organisation’s version, writes letters with it, previews it, and keeps who changed what', async () => {
    const saved = await call(
      'PUT',
      org.coordinator.token,
      `${URL}/acknowledgment/nl`,
      editedAcknowledgment(),
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      source: 'organisation',
      updatedBy: org.coordinator.id,
      template: { subject: 'Wij hebben uw klacht ontvangen' },
    });
    // The other organisation still writes with the default.
    const theirs = await call('GET', other.coordinator.token, `${URL}/acknowledgment/nl`);
    expect(theirs.json().source).toBe('default');

    // A letter that goes out now uses the organisation's version.
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      { receivedAt: clock.now(), handlerId: org.handler.id },
      clock,
    );
    await takeStep(
      { db: database.handle.db, clock, letters: { secrets } },
      org.handler.context,
      complaint.id,
      { action: 'acknowledge' },
    );
    const pdf = await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('letters as l')
        .innerJoin('documents as d', (j) =>
          j.onRef('d.organisation_id', '=', 'l.organisation_id').onRef('d.id', '=', 'l.document_id'),
        )
        .select('d.content')
        .where('l.organisation_id', '=', org.id)
        .where('l.complaint_id', '=', complaint.id)
        .executeTakeFirstOrThrow(),
    );
    const sent = pdfToText(Buffer.from(pdf.content!)).replace(/\s+/g, ' ');
    expect(sent).toContain('Wij hebben uw klacht ontvangen');
    expect(sent).toContain('Uw vaste aanspreekpunt bij ons kantoor is Behandelaar Bea.');

    // The preview with sample data, on the firm's letterhead.
    const preview = await call('GET', org.coordinator.token, `${URL}/acknowledgment/nl/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toBe('application/pdf');
    writeFirstPagePng(preview.rawPayload, `test-artifacts/letters/template-preview-${kind}.png`, 60);
    const previewText = pdfToText(preview.rawPayload).replace(/\s+/g, ' ');
    expect(previewText).toContain('Uw vaste aanspreekpunt bij ons kantoor is Sanne Prinsë.');
    expect(previewText).toContain('Assurantiekantoor Brouwer & Zoën');
    expect(previewText).not.toContain('CONCEPT');

    // An unsaved edit can be previewed; one that drops an element is refused the same way.
    const draft = await call('POST', org.coordinator.token, `${URL}/acknowledgment/nl/preview`, {
      closing: 'Met hartelijke groet,',
    });
    expect(draft.statusCode).toBe(200);
    expect(pdfToText(draft.rawPayload)).toContain('Met hartelijke groet,');
    const badDraft = await call(
      'POST',
      org.coordinator.token,
      `${URL}/acknowledgment/nl/preview`,
      editedAcknowledgment({ dropHandler: true }),
    );
    expect(badDraft.statusCode).toBe(400);
    expect(badDraft.json().code).toBe('template_element_removed');

    const reset = await call('DELETE', org.admin.token, `${URL}/acknowledgment/nl`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ source: 'default', updatedAt: null });

    const history = await call('GET', org.auditor.token, `${URL}/history?type=acknowledgment`);
    expect(history.statusCode).toBe(200);
    expect(history.json()).toMatchObject([
      { change: 'reset', changedBy: org.admin.id, template: null },
      {
        change: 'saved',
        changedBy: org.coordinator.id,
        template: { subject: 'Wij hebben uw klacht ontvangen' },
        templateSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    expect((await call('GET', other.auditor.token, `${URL}/history`)).json()).toEqual([]);
  });

  it('restores an earlier version through the checks of a save, recorded as a new entry', async () => {
    const first = await call('PUT', org.coordinator.token, `${URL}/delay_notice/nl`, {
      closing: 'Eerste groet,',
    });
    expect(first.statusCode).toBe(200);
    await call('PUT', org.admin.token, `${URL}/delay_notice/nl`, { closing: 'Tweede groet,' });
    const history = async () =>
      (await call('GET', org.auditor.token, `${URL}/history?type=delay_notice&language=nl`)).json<
        Array<{ id: string; change: string; changedByName: string | null; template: { closing?: string } }>
      >();
    const before = await history();
    expect(before.map((c) => c.template.closing)).toEqual(['Tweede groet,', 'Eerste groet,']);
    expect(before[1]!.changedByName).toBe('Coördinator Cor');
    const earlier = before[1]!.id;

    // Reading is not changing: the auditor and a handler may not restore.
    for (const token of [org.auditor.token, org.handler.token]) {
      const refused = await call('POST', token, `${URL}/delay_notice/nl/restore`, { changeId: earlier });
      expect(refused.statusCode).toBe(403);
    }
    // Another organisation's id, or a version of another letter type, is not found.
    expect(
      (await call('POST', other.admin.token, `${URL}/delay_notice/nl/restore`, { changeId: earlier }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call('POST', org.admin.token, `${URL}/acknowledgment/nl/restore`, { changeId: earlier }))
        .statusCode,
    ).toBe(404);

    const restored = await call('POST', org.admin.token, `${URL}/delay_notice/nl/restore`, {
      changeId: earlier,
    });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ source: 'organisation', template: { closing: 'Eerste groet,' } });
    const after = await history();
    expect(after).toHaveLength(3);
    expect(after[0]).toMatchObject({
      change: 'saved',
      changedByName: 'Beheerder',
      template: { closing: 'Eerste groet,' },
    });

    // A version that no longer passes the checks (as if a release added a required element) is
    // refused with the same code as a save, and nothing is recorded.
    const brokenId = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
    await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .insertInto('letter_template_changes')
        .values({
          organisation_id: org.id,
          id: brokenId,
          letter_type: 'acknowledgment',
          language: 'nl',
          change: 'saved',
          template: JSON.stringify(editedAcknowledgment({ dropHandler: true })),
          template_sha256: 'a'.repeat(64),
          changed_by: null,
          changed_at: clock.now(),
        })
        .execute(),
    );
    const count = async () =>
      (await call('GET', org.auditor.token, `${URL}/history?type=acknowledgment&language=nl`)).json<
        unknown[]
      >().length;
    const entries = await count();
    const refused = await call('POST', org.coordinator.token, `${URL}/acknowledgment/nl/restore`, {
      changeId: brokenId,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('template_element_removed');
    expect(await count()).toBe(entries);

    // A reset entry holds no version to restore: the default is one reset away.
    await call('DELETE', org.admin.token, `${URL}/delay_notice/nl`);
    const [reset] = await history();
    expect(reset!.change).toBe('reset');
    const empty = await call('POST', org.admin.token, `${URL}/delay_notice/nl/restore`, {
      changeId: reset!.id,
    });
    expect(empty.statusCode).toBe(409);
    expect(empty.json().code).toBe('template_version_empty');
  });

  it('sets aside a stored version that no longer passes the checks, and says why', async () => {
    // As if a later release made an element required that this stored version lacks.
    const broken = editedAcknowledgment({ dropHandler: true });
    await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .insertInto('letter_templates')
        .values({
          organisation_id: org.id,
          letter_type: 'acknowledgment',
          language: 'en',
          blocks: JSON.stringify(broken),
          updated_at: clock.now(),
          updated_by: null,
        })
        .execute(),
    );
    const listed = await call('GET', org.coordinator.token, `${URL}?type=acknowledgment&language=en`);
    expect(listed.json()[0]).toMatchObject({ source: 'default' });
    expect(listed.json()[0].problems[0].code).toBe('template_element_removed');
  });
});
