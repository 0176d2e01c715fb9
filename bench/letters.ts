import { composeLetter } from '../src/domain/letters/compose-letter.ts';
import { longLetter, ORGANISATION } from '../src/domain/letters/letter-fixtures.ts';
import { defaultTemplate } from '../src/domain/letters/templates.ts';
import { renderLetterPdf } from '../src/letters/render/render-letter-pdf.ts';
import { LETTERHEAD_WITH_LOGO } from '../src/letters/render/render-fixtures.ts';
import { summarise, type Latency } from './lib/stats.ts';

export interface LetterResult {
  latency: Latency;
  pages: string;
  bytes: number;
}

/**
 * The two-page decision letter of the render tests (long text, logo, KiFiD block), rendered in
 * one warm process one after another: the time a step waits for its PDF.
 */
export async function benchLetters(iterations: number): Promise<LetterResult> {
  const letter = composeLetter({
    type: 'decision',
    content: longLetter('decision') as never,
    template: defaultTemplate('decision', 'nl'),
    organisation: ORGANISATION,
  });
  const render = () => renderLetterPdf(letter, LETTERHEAD_WITH_LOGO, { language: 'nl' });
  let pdf = await render();
  for (let i = 0; i < 5; i++) pdf = await render();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    pdf = await render();
    samples.push(performance.now() - start);
  }
  const pages = /\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1] ?? '?';
  return { latency: summarise(samples), pages, bytes: pdf.length };
}
