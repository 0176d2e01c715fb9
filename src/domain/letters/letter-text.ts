import { LETTER_LABELS } from './letter-labels.ts';
import type { LetterPart, RenderableLetter } from './renderable-letter.ts';

function partText(part: LetterPart): string {
  switch (part.kind) {
    case 'heading':
      return part.text;
    case 'paragraph':
      return part.text;
    case 'list':
      return part.items.map((item) => `- ${item.replace(/\n/g, '\n  ')}`).join('\n');
    case 'details':
      return part.rows.map((row) => `${row.label}: ${row.value.replace(/\n/g, '\n  ')}`).join('\n');
    case 'box':
      return part.lines.map((line) => `  ${line}`).join('\n');
    default:
      return '';
  }
}

/**
 * The letter as the text of an e-mail, from the same composed parts as the PDF: reference and
 * subject on top (the mail client shows no letterhead), then the letter from the salutation on. A
 * heading stays attached to the paragraph it introduces.
 */
export function letterToText(letter: RenderableLetter): string {
  const labels = LETTER_LABELS[letter.language];
  const references = [
    `${labels.reference}: ${letter.reference}`,
    ...(letter.yourReference === null ? [] : [`${labels.yourReference}: ${letter.yourReference}`]),
  ];
  const chunks: string[] = [
    `${references.join('\n')}\n${labels.subject}: ${letter.subject}`,
    letter.salutation,
  ];
  let heading: string | null = null;
  for (const part of letter.body) {
    if (part.kind === 'heading') {
      heading = part.text;
      continue;
    }
    const text = partText(part);
    chunks.push(heading === null ? text : `${heading}\n${text}`);
    heading = null;
  }
  if (heading !== null) chunks.push(heading);
  const signer = [letter.signer.name, letter.signer.role, letter.signer.organisationName].filter(
    (line): line is string => line !== null && line !== '',
  );
  chunks.push(`${letter.closing}\n\n${signer.join('\n')}`);
  if (letter.countersign !== null) {
    const { heading: title, statement, rows } = letter.countersign;
    chunks.push(
      [
        title,
        statement,
        ...rows.map((row) => `${row.label}: ${row.value === '' ? '____________________' : row.value}`),
      ].join('\n'),
    );
  }
  return `${chunks.join('\n\n')}\n`;
}
