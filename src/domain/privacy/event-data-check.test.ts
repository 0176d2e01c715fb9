import { describe, expect, it } from 'vitest';
import { suspectEventValues } from './event-data-check.ts';

describe('event data holds no free text', () => {
  it('passes ids, digests, dates, codes, references and media types', () => {
    expect(
      suspectEventValues({
        complainantId: '01a20e18-3226-7000-8901-e3284e98a4db',
        descriptionSha256: 'a'.repeat(64),
        dueDate: '2026-12-23',
        receivedAt: '2026-11-23T09:00:00.000Z',
        channel: 'web_form',
        reference: 'KL-2026-0042',
        mediaType: 'application/pdf',
        caseNumber: 'GC 2026-0123',
        refusals: [{ code: 'hearing_missing', employeeId: '01a20e18-3226-7000-8901-e3284e98a4dc' }],
        count: 3,
        flag: true,
        none: null,
      }),
    ).toEqual([]);
  });

  it('names every string that could be a person or their words', () => {
    expect(
      suspectEventValues({
        name: 'Jan de Vries',
        nested: { email: 'jan@example.nl', phones: ['06-12345678'] },
        reason: 'Klant is boos.',
      }),
    ).toEqual([
      { path: 'name', value: 'Jan de Vries' },
      { path: 'nested.email', value: 'jan@example.nl' },
      { path: 'nested.phones[0]', value: '06-12345678' },
      { path: 'reason', value: 'Klant is boos.' },
    ]);
  });
});
