/**
 * A first guess at what an arrival is, so the coordinator confirms rather than types. It only
 * proposes: staff decide, and every decision is on record. The rule is deliberately plain — words a
 * Dutch customer uses — so the coordinator can see why it proposed what it did.
 */
export type ProposedKind = 'complaint' | 'question' | 'claim' | 'cancellation' | 'other';

export interface KindProposal {
  kind: ProposedKind | null;
  /** Dutch, shown next to the proposal: which words made it. */
  reason: string;
}

interface Rule {
  kind: ProposedKind;
  label: string;
  patterns: readonly RegExp[];
}

// Order matters: a cancellation "because I am dissatisfied" is first of all a cancellation (R10),
// which staff may link to a complaint.
const RULES: readonly Rule[] = [
  {
    kind: 'cancellation',
    label: 'opzegging',
    patterns: [
      /\bopzeg(gen|ging|t)\b/,
      /\bzeg\b[^.]{0,60}\bop\b/,
      /\bbe[eë]indig(en|ing)\b/,
      /\bstopzetten\b/,
      /\bcancel(led|lation)?\b/,
    ],
  },
  {
    kind: 'complaint',
    label: 'klacht',
    patterns: [
      /\bklacht(en)?\b/,
      /\bontevreden\b/,
      /\bniet tevreden\b/,
      /\bteleurgesteld\b/,
      /\bslecht (geholpen|behandeld)\b/,
      /\bonacceptabel\b/,
      /\bcomplaint\b/,
    ],
  },
  {
    kind: 'claim',
    label: 'schademelding of claim',
    patterns: [
      /\bschade ?(melding|melden|claim)\b/,
      /\baansprakelijk (stellen|gesteld)\b/,
      /\bschadevergoeding\b/,
      /\bclaim\b/,
    ],
  },
  {
    kind: 'question',
    label: 'vraag',
    patterns: [
      /\bvraag\b/,
      /\bgraag (weten|informatie)\b/,
      /\bkunt u (mij )?(vertellen|laten weten)\b/,
      /\?\s*$/m,
    ],
  },
];

function normalise(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
}

export function proposeIntakeKind(subject: string | null, body: string | null): KindProposal {
  const text = normalise(`${subject ?? ''}\n${body ?? ''}`);
  for (const rule of RULES) {
    const hit = rule.patterns.map((pattern) => pattern.exec(text)).find((match) => match !== null);
    if (hit) return { kind: rule.kind, reason: `Herkend als ${rule.label} aan "${hit[0].trim()}".` };
  }
  return { kind: null, reason: 'Geen herkenbare woorden; beoordeel het bericht zelf.' };
}
