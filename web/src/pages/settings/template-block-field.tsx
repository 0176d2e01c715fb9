import type { TemplateBlock } from '../../api/settings-records.ts';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

/**
 * One block of a letter template. A fixed block (the signature lines, the KiFiD block) is shown as
 * it is; text and element blocks are edited. An element block states required elements: its text
 * may change, but saving without it is refused by the server, which names the element.
 */
export function TemplateBlockField({
  block,
  index,
  elementLabels,
  problem,
  onChange,
  onRemove,
}: {
  block: TemplateBlock;
  index: number;
  elementLabels: ReadonlyMap<string, string>;
  problem: string | undefined;
  onChange: (block: TemplateBlock) => void;
  /** Absent for a reader who may not change the template: no remove button then. */
  onRemove: (() => void) | undefined;
}) {
  const { t } = useI18n();
  const s = t.templates;
  const title = s.block(index + 1, block.heading || block.label || s.kind[block.kind]);
  const elements = (block.elements ?? []).map((name) => elementLabels.get(name) ?? name);
  return (
    <div className={`template-block template-block-${block.kind}`} data-block={index}>
      <p className="template-block-meta">
        {title}
        {elements.length > 0 ? ` · ${s.states(elements.join(', '))}` : ''}
      </p>
      {block.kind === 'fixed' ? (
        <p className="prose small">{block.text}</p>
      ) : (
        <>
          {block.heading !== undefined ? (
            <Field label={s.heading(index + 1)}>
              {(props) => (
                <input
                  {...props}
                  type="text"
                  maxLength={200}
                  value={block.heading ?? ''}
                  onChange={(e) => onChange({ ...block, heading: e.target.value })}
                />
              )}
            </Field>
          ) : null}
          <Field label={s.text(index + 1)} {...(problem ? { error: problem } : {})}>
            {(props) => (
              <textarea
                {...props}
                rows={Math.min(8, Math.max(2, Math.ceil(block.text.length / 80)))}
                maxLength={5000}
                value={block.text}
                onChange={(e) => onChange({ ...block, text: e.target.value })}
              />
            )}
          </Field>
          {onRemove ? (
            <button type="button" className="button button-ghost button-small" onClick={onRemove}>
              {s.removeBlock(index + 1)}
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}
