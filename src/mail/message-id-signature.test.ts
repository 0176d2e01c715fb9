import { describe, expect, it } from 'vitest';
import { createSignedMessageId, verifySignedMessageId } from './message-id-signature.ts';

const KEY = 'test-key-of-at-least-sixteen-bytes';
const OTHER_KEY = Buffer.from('another-key-entirely-0123456789');
const IDS = {
  organisationId: '019a0000-0000-7000-8000-000000000001',
  complaintId: '019a0000-0000-7000-8000-0000000000c1',
  letterId: '019a0000-0000-7000-8000-0000000000f1',
};

/** Changes one character of the part of the id matched by `part` to another valid one. */
function alter(id: string, part: RegExp): string {
  return id.replace(part, (text) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1));
}

describe('signed Message-IDs', () => {
  it('round-trips the dossier it names', () => {
    const id = createSignedMessageId(IDS, KEY, 'kantoor.nl', 'nonce1');
    expect(id).toMatch(/^<kw\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}@kantoor\.nl>$/);
    expect(verifySignedMessageId(id, KEY)).toEqual(IDS);
    expect(verifySignedMessageId(id.slice(1, -1), KEY)).toEqual(IDS);
    expect(verifySignedMessageId(`  ${id.replace('kantoor.nl', 'KANTOOR.NL')} `, KEY)).toEqual(IDS);
  });

  it('works without a letter id and gives a new id for every mail', () => {
    const ids = { organisationId: IDS.organisationId, complaintId: IDS.complaintId };
    const first = createSignedMessageId(ids, KEY, 'kantoor.nl');
    const second = createSignedMessageId(ids, KEY, 'kantoor.nl');
    expect(first).not.toBe(second);
    expect(verifySignedMessageId(first, KEY)).toEqual({ ...ids, letterId: null });
  });

  it('is the same id for the same nonce, so the outbox can rebuild it', () => {
    expect(createSignedMessageId(IDS, KEY, 'kantoor.nl', 'n')).toBe(
      createSignedMessageId(IDS, KEY, 'kantoor.nl', 'n'),
    );
  });

  it.each([
    ['another key', (id: string) => id, OTHER_KEY],
    ['an altered payload', (id: string) => alter(id, /(?<=^<kw\.)[A-Za-z0-9_-]/), KEY],
    ['an altered MAC', (id: string) => alter(id, /(?<=\.)[A-Za-z0-9_-]{22}(?=@)/), KEY],
    [
      'a payload naming another dossier with the old MAC',
      (id: string) => {
        const other = createSignedMessageId(
          { ...IDS, complaintId: 'someone-else' },
          KEY,
          'kantoor.nl',
          'nonce1',
        );
        return id.replace(/^<kw\.[^.]+/, other.match(/^<kw\.[^.]+/)![0]);
      },
      KEY,
    ],
    ['a shortened MAC', (id: string) => id.replace(/.(?=@)/, ''), KEY],
    ['not one of ours', () => '<CAF1234@mail.example.nl>', KEY],
    ['empty', () => '', KEY],
    ['garbage', () => '<kw..@>', KEY],
  ])('rejects %s', (_name, change, key) => {
    const id = createSignedMessageId(IDS, KEY, 'kantoor.nl', 'nonce1');
    expect(verifySignedMessageId(change(id), key)).toBeNull();
  });

  it('accepts ids of the previous key while keys are rotated', () => {
    const old = createSignedMessageId(IDS, OTHER_KEY, 'kantoor.nl');
    expect(verifySignedMessageId(old, [KEY, OTHER_KEY])).toEqual(IDS);
    expect(verifySignedMessageId(old, [KEY])).toBeNull();
  });

  it('refuses ids, domains and keys it cannot use safely', () => {
    expect(() => createSignedMessageId({ ...IDS, complaintId: 'a|b' }, KEY, 'kantoor.nl')).toThrow(
      /not usable/,
    );
    expect(() => createSignedMessageId({ ...IDS, complaintId: '' }, KEY, 'kantoor.nl')).toThrow(/not usable/);
    expect(() => createSignedMessageId(IDS, KEY, 'kantoor.nl>\r\nBcc: x@y.nl')).toThrow(/not a mail domain/);
    expect(() => createSignedMessageId(IDS, 'short', 'kantoor.nl')).toThrow(/at least 16 bytes/);
  });
});
