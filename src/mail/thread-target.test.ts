import { describe, expect, it } from 'vitest';
import { createSignedMessageId } from './message-id-signature.ts';
import {
  subjectReferences,
  threadTarget,
  type ReferencedDossier,
  type ThreadLookup,
} from './thread-target.ts';

const KEY = 'test-key-of-at-least-sixteen-bytes';
const ORG = 'org-a';
const A: ReferencedDossier = {
  organisationId: ORG,
  complaintId: 'complaint-a',
  addresses: ['jan@example.nl'],
};
const B: ReferencedDossier = {
  organisationId: ORG,
  complaintId: 'complaint-b',
  addresses: ['els@example.nl'],
};
const DOSSIERS = new Map([
  ['KL-2026-0001', A],
  ['KL-2026-0002', B],
]);
const LOOKUP: ThreadLookup = {
  organisationId: ORG,
  dossierByReference: (reference) => DOSSIERS.get(reference) ?? null,
};

const letterA = createSignedMessageId(
  { organisationId: ORG, complaintId: 'complaint-a', letterId: 'l1' },
  KEY,
  'kantoor.nl',
);
const letterB = createSignedMessageId(
  { organisationId: ORG, complaintId: 'complaint-b', letterId: 'l2' },
  KEY,
  'kantoor.nl',
);
const otherOrganisation = createSignedMessageId(
  { organisationId: 'org-b', complaintId: 'c' },
  KEY,
  'kantoor.nl',
);
const forgedB = letterB.replace(/[A-Za-z0-9_-]{22}(?=@)/, 'A'.repeat(22));

function message(fields: { from?: string; subject?: string; inReplyTo?: string[]; references?: string[] }) {
  return {
    from: { address: fields.from ?? 'jan@example.nl', name: '' },
    subject: fields.subject ?? 'Re: uw brief',
    inReplyTo: fields.inReplyTo ?? [],
    references: fields.references ?? [],
  };
}

describe('threadTarget', () => {
  it('threads a reply to our signed Message-ID, whoever sends it', () => {
    expect(threadTarget(message({ inReplyTo: [letterA] }), KEY, LOOKUP)).toEqual({
      organisationId: ORG,
      complaintId: 'complaint-a',
      letterId: 'l1',
      via: 'signed_message_id',
    });
    expect(
      threadTarget(message({ from: 'other@example.nl', references: ['<x@y>', letterA] }), KEY, LOOKUP),
    ).toMatchObject({
      complaintId: 'complaint-a',
    });
  });

  it('threads on the reference tag only when the sender is already on that dossier', () => {
    expect(threadTarget(message({ subject: 'Re: Uw klacht [KL-2026-0001]' }), KEY, LOOKUP)).toEqual({
      organisationId: ORG,
      complaintId: 'complaint-a',
      letterId: null,
      via: 'reference_tag',
    });
    expect(
      threadTarget(message({ from: 'JAN@Example.NL', subject: '[kl-2026-0001] vraag' }), KEY, LOOKUP),
    ).toMatchObject({
      complaintId: 'complaint-a',
    });
    expect(
      threadTarget(message({ from: 'stranger@example.nl', subject: '[KL-2026-0001]' }), KEY, LOOKUP),
    ).toBeNull();
  });

  it.each([
    ['a forged In-Reply-To pointing at another dossier', { inReplyTo: [forgedB] }],
    [
      'a forged id next to a subject tag of that other dossier',
      { inReplyTo: [forgedB], subject: '[KL-2026-0002]' },
    ],
    ['an id of another organisation', { inReplyTo: [otherOrganisation] }],
    ['ids of two dossiers', { inReplyTo: [letterA], references: [letterB] }],
    ['tags of two dossiers', { subject: '[KL-2026-0001] en [KL-2026-0002]' }],
    ['an unknown tag', { subject: '[KL-2026-0999]' }],
    ['a bare reference number without brackets', { subject: 'Re: KL-2026-0001' }],
    ['nothing at all', {}],
  ])('sends %s to triage', (_name, fields) => {
    expect(threadTarget(message(fields), KEY, LOOKUP)).toBeNull();
  });

  it('lets a valid signed id win over a tag', () => {
    expect(
      threadTarget(message({ inReplyTo: [letterA], subject: '[KL-2026-0002]' }), KEY, LOOKUP),
    ).toMatchObject({
      complaintId: 'complaint-a',
    });
  });
});

describe('subjectReferences', () => {
  it.each([
    ['Re: [KL-2026-0042] Uw klacht', ['KL-2026-0042']],
    ['[kl-2026-12345] en [KL-2026-12345]', ['KL-2026-12345']],
    ['[KL-2026-0000] [KL-26-0001] KL-2026-0001', []],
  ])('%j', (subject, expected) => {
    expect(subjectReferences(subject)).toEqual(expected);
  });
});
