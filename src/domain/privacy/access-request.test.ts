import { describe, expect, it } from 'vitest';
import {
  exportPath,
  normaliseSubject,
  reviewOfItemKind,
  reviewOfLetter,
  subjectDigest,
} from './access-request.ts';

describe('the right of access', () => {
  it.each([
    ['email', '  Jan.DE.Vries@Example.NL ', 'jan.de.vries@example.nl'],
    ['name', '  Jan   de\tVRIES ', 'jan de vries'],
    ['name', 'Ëlla van Dijk-Noël', 'ëlla van dijk-noël'],
  ] as const)('normalises a %s: %j', (kind, value, expected) => {
    expect(normaliseSubject(kind, value)).toBe(expected);
    expect(subjectDigest(kind, value)).toBe(subjectDigest(kind, expected));
  });

  it('marks what may be about someone else, and nothing the complainant sent or received', () => {
    expect(reviewOfItemKind('statement')?.reason).toBe('employee_statement');
    expect(reviewOfItemKind('note')?.reason).toBe('internal_note');
    expect(reviewOfItemKind('insurer_correspondence')?.reason).toBe('third_party_correspondence');
    for (const kind of ['message_in', 'message_out', 'attachment', 'letter', 'meeting', 'decision']) {
      expect(reviewOfItemKind(kind)).toBeNull();
    }
    expect(reviewOfLetter('employee', 'hearing_request')?.reason).toBe('third_party_correspondence');
    expect(reviewOfLetter('employee', 'hearing_statement')?.reason).toBe('employee_statement');
    expect(reviewOfLetter('insurer', 'insurer_notification')?.reason).toBe('third_party_correspondence');
    expect(reviewOfLetter('complainant', 'decision')).toBeNull();
    expect(reviewOfLetter('customer', 'cancellation_confirmation')).toBeNull();
  });

  it('puts flagged files apart and never lets a file name leave its folder', () => {
    const id = '01a20e18-3226-7000-8901-e3284e98a4db';
    expect(exportPath('KL-2026-0001', id, 'brief.pdf', false)).toBe(
      'vrij-te-geven/KL-2026-0001/e3284e98a4db-brief.pdf',
    );
    expect(exportPath('KL-2026-0001', id, '../../etc/passwd', true)).toBe(
      'ter-beoordeling/KL-2026-0001/e3284e98a4db-passwd',
    );
  });
});
