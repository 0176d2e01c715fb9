import { describe, expect, it } from 'vitest';
import { LETTER_LANGUAGES, LETTER_TYPE_SPECS, LETTER_TYPES } from './letter-types.ts';
import { mergeTemplate, validateTemplate, type TemplateCheck } from './merge-template.ts';
import {
  elementBlock,
  fixedBlock,
  textBlock,
  type LetterTemplateOverride,
  type TemplateBlock,
} from './template-model.ts';
import { defaultTemplate } from './templates.ts';

const ack = defaultTemplate('acknowledgment', 'nl');

function codes(check: TemplateCheck): string[] {
  return check.ok ? [] : check.problems.map((p) => p.code);
}

function messages(check: TemplateCheck): string {
  return check.ok ? '' : check.problems.map((p) => p.message).join('\n');
}

const LANGUAGE_TYPES = LETTER_LANGUAGES.flatMap((language) =>
  LETTER_TYPES.map((type) => ({ type, language })),
);

describe('the default templates', () => {
  it.each(LANGUAGE_TYPES)('$type ($language) is valid', ({ type, language }) => {
    const check = validateTemplate(defaultTemplate(type, language));
    expect(messages(check)).toBe('');
  });

  it.each(LETTER_TYPES)('%s has the same blocks in Dutch and English', (type) => {
    const shape = (language: 'nl' | 'en') =>
      defaultTemplate(type, language).blocks.map((b) => [b.kind, b.kind === 'element' ? b.elements : null]);
    expect(shape('en')).toEqual(shape('nl'));
  });

  it('addresses the complainant formally', () => {
    for (const type of LETTER_TYPES) {
      const texts = defaultTemplate(type, 'nl')
        .blocks.map((b) => b.text)
        .join(' ');
      expect(texts).not.toMatch(/\b(je|jij|jou|jouw)\b/i);
    }
  });

  it('an empty override keeps the default', () => {
    expect(mergeTemplate(ack, {})).toEqual({ ok: true, template: ack });
  });
});

const DROP_CASES = LETTER_TYPES.flatMap((type) => {
  const template = defaultTemplate(type, 'nl');
  return template.blocks.flatMap((block, index) =>
    block.kind === 'element' ? [{ type, index, elements: block.elements.join('+') }] : [],
  );
});

describe('mergeTemplate keeps every required element', () => {
  it.each(DROP_CASES)('$type: refuses an override without $elements', ({ type, index }) => {
    const template = defaultTemplate(type, 'nl');
    const check = mergeTemplate(template, { blocks: template.blocks.filter((_, i) => i !== index) });
    expect(codes(check)).toContain('template_element_removed');
    expect(messages(check)).toMatch(/Verplichte onderdelen kunnen niet worden verwijderd/);
  });

  it('refuses turning an element block into ordinary text', () => {
    const blocks = ack.blocks.map((b, i) =>
      i === 4 ? textBlock('Uw klacht wordt behandeld door {{handlerName}}.') : b,
    );
    const check = mergeTemplate(ack, { blocks });
    expect(codes(check)).toEqual(['template_element_removed']);
    expect(messages(check)).toContain('"de naam van de behandelaar" (R2 e)');
  });

  it('refuses a renamed element', () => {
    const blocks = ack.blocks.map((b, i) => (i === 4 ? elementBlock(['behandelaar'], 'Uw behandelaar.') : b));
    expect(codes(mergeTemplate(ack, { blocks }))).toEqual([
      'template_element_unknown',
      'template_element_removed',
    ]);
  });

  it('refuses an optional field posing as a required element', () => {
    const template = defaultTemplate('information_request', 'nl');
    const blocks = [...template.blocks, elementBlock(['consequence'], '{{consequence}}')];
    expect(codes(mergeTemplate(template, { blocks }))).toContain('template_element_unknown');
  });

  it('refuses elements out of order', () => {
    const [a, b, ...rest] = ack.blocks as [TemplateBlock, TemplateBlock, ...TemplateBlock[]];
    const check = mergeTemplate(ack, { blocks: [b, a, ...rest] });
    expect(codes(check)).toEqual(['template_element_out_of_order']);
    expect(messages(check)).toContain('staat niet op zijn plaats');
  });

  it('refuses an element stated twice', () => {
    const check = mergeTemplate(ack, {
      blocks: [...ack.blocks, elementBlock(['handlerName'], 'Nogmaals: {{handlerName}}.')],
    });
    expect(codes(check)).toEqual(['template_element_duplicated']);
  });

  it('refuses an element block whose text lost its field', () => {
    const blocks = ack.blocks.map((b, i) =>
      i === 4 ? elementBlock(['handlerName'], 'Een collega behandelt uw klacht.') : b,
    );
    const check = mergeTemplate(ack, { blocks });
    expect(codes(check)).toEqual(['template_element_placeholder_missing']);
    expect(messages(check)).toBe(
      'Blok 5 moet {{handlerName}} bevatten: daar komt de naam van de behandelaar te staan.',
    );
  });

  it('refuses a KiFiD block without the three-month sentence', () => {
    const decision = defaultTemplate('decision', 'nl');
    const blocks = decision.blocks.map((b) =>
      b.kind === 'element' && b.elements[0] === 'disputesBody'
        ? elementBlock(['disputesBody'], 'Zie KiFiD.')
        : b,
    );
    expect(codes(mergeTemplate(decision, { blocks }))).toEqual(['template_element_placeholder_missing']);
  });

  it('lets the elements be grouped differently, as long as their order stays', () => {
    const template = defaultTemplate('meeting_invitation', 'nl');
    const blocks = template.blocks.flatMap((b) =>
      b.kind === 'element' && b.elements.join() === 'startTime,endTime'
        ? [
            elementBlock(['startTime'], 'Van {{startTime}}', { label: 'Begin' }),
            elementBlock(['endTime'], 'tot {{endTime}} uur', { label: 'Einde' }),
          ]
        : [b],
    );
    expect(mergeTemplate(template, { blocks }).ok).toBe(true);
  });
});

describe('mergeTemplate accepts real edits', () => {
  it('rewords texts, drops and adds free text, changes subject and closing', () => {
    const override: LetterTemplateOverride = {
      subject: 'Wij hebben uw klacht ontvangen ({{reference}})',
      closing: 'Hartelijke groet,',
      blocks: [
        fixedBlock('Dank voor uw bericht.'),
        ...ack.blocks.map((b) =>
          b.kind === 'element' && b.elements[0] === 'handlerName'
            ? elementBlock(['handlerName'], '{{handlerName}} is uw vaste aanspreekpunt.', {
                heading: 'Uw behandelaar',
              })
            : b,
        ),
        textBlock('Met vriendelijke groet van {{organisationName}}.'),
      ],
    };
    const check = mergeTemplate(ack, override);
    expect(messages(check)).toBe('');
    expect(check.ok && check.template.blocks).toHaveLength(ack.blocks.length + 2);
    expect(check.ok && check.template.subject).toBe(override.subject);
  });
});

describe('placeholders', () => {
  it('refuses an unknown placeholder', () => {
    const check = mergeTemplate(ack, {
      blocks: [...ack.blocks, textBlock('Uw polis {{polisnummer}} blijft doorlopen.')],
    });
    expect(codes(check)).toEqual(['template_placeholder_unknown']);
    expect(messages(check)).toBe(
      `Blok ${ack.blocks.length + 1} noemt {{polisnummer}}, maar dat veld bestaat niet in de ontvangstbevestiging.`,
    );
  });

  it('refuses a field of another letter type', () => {
    const check = mergeTemplate(ack, { subject: 'Ons oordeel: {{judgment}}' });
    expect(codes(check)).toEqual(['template_placeholder_unknown']);
    expect(messages(check)).toContain('Het onderwerp');
  });

  it.each(['Uw klacht {{ }}', 'Uw klacht {{handlerName', 'Uw klacht handlerName}}', '{{handler-name}}'])(
    'refuses the malformed placeholder in %j',
    (text) => {
      expect(codes(mergeTemplate(ack, { blocks: [...ack.blocks, textBlock(text)] }))).toContain(
        'template_placeholder_malformed',
      );
    },
  );

  it('refuses a placeholder in fixed text', () => {
    const check = mergeTemplate(ack, {
      blocks: [...ack.blocks, fixedBlock('Uw behandelaar is {{handlerName}}.')],
    });
    expect(codes(check)).toEqual(['template_fixed_has_placeholder']);
  });

  it('refuses a list inside a sentence', () => {
    const template = defaultTemplate('information_request', 'nl');
    const check = mergeTemplate(template, {
      blocks: [...template.blocks, textBlock('Wij missen: {{missingInformation}}')],
    });
    expect(codes(check)).toEqual(['template_placeholder_not_inline']);
  });

  it('refuses an optional field where the text is always shown', () => {
    const template = defaultTemplate('meeting_invitation', 'nl');
    expect(codes(mergeTemplate(template, { subject: 'Gesprek over {{topic}}' }))).toEqual([
      'template_optional_in_required_text',
    ]);
  });

  it('accepts the common fields everywhere', () => {
    const check = mergeTemplate(ack, {
      salutation: 'Beste {{recipient.name}},',
      blocks: [...ack.blocks, textBlock('{{signer.name}}, {{signer.role}}, {{place}}, {{letterDate}}')],
    });
    expect(messages(check)).toBe('');
  });
});

describe('malformed overrides (stored JSON)', () => {
  it.each([
    [{ blocks: 'geen lijst' }, 'template_block_invalid'],
    [{ subject: 12 }, 'template_block_invalid'],
    [{ subject: '  ' }, 'template_text_empty'],
    [{ blocks: [...ack.blocks, { kind: 'html', text: '<b>x</b>' }] }, 'template_block_invalid'],
    [{ blocks: [...ack.blocks, { kind: 'element', elements: [], text: 'x' }] }, 'template_block_invalid'],
    [{ blocks: [...ack.blocks, fixedBlock('')] }, 'template_text_empty'],
    [{ blocks: [...ack.blocks, fixedBlock('x', { heading: 'a', label: 'b' })] }, 'template_block_invalid'],
  ])('refuses %j', (override, code) => {
    expect(codes(mergeTemplate(ack, override as unknown as LetterTemplateOverride))).toContain(code);
  });

  it('names the required elements of every type in its messages', () => {
    for (const type of LETTER_TYPES) {
      const template = defaultTemplate(type, 'nl');
      const check = mergeTemplate(template, { blocks: [] });
      for (const field of LETTER_TYPE_SPECS[type].required) expect(messages(check)).toContain(field.label.nl);
    }
  });
});
