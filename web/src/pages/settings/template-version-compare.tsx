import { useState } from 'react';
import type { TemplateBlock, TemplateTexts } from '../../api/settings-records.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

interface Row {
  key: string;
  label: string;
  old: string | null;
  current: string | null;
}

const blockText = (block: TemplateBlock | undefined): string | null =>
  block === undefined ? null : [block.heading, block.text].filter((part) => part).join('\n\n');

/**
 * An earlier version beside the one in use, part by part (subject, salutation, each block in
 * order, closing). A part that differs is marked in words as well as colour, so the difference does
 * not rest on colour alone; a block only one side has reads as added or removed. The parts that
 * are the same are folded away until asked for: the difference is what the reader came for.
 */
export function TemplateVersionCompare({
  old,
  current,
  oldLabel,
}: {
  old: TemplateTexts;
  current: TemplateTexts;
  oldLabel: string;
}) {
  const { t } = useI18n();
  const h = t.templateHistory;
  const s = t.templates;
  const blocks = Math.max(old.blocks.length, current.blocks.length);
  const rows: Row[] = [
    { key: 'subject', label: s.subject, old: old.subject, current: current.subject },
    { key: 'salutation', label: s.salutation, old: old.salutation, current: current.salutation },
    ...Array.from({ length: blocks }, (_, i) => {
      const either = old.blocks[i] ?? current.blocks[i];
      return {
        key: `block-${i}`,
        label: s.block(i + 1, either?.heading || either?.label || (either ? s.kind[either.kind] : '')),
        old: blockText(old.blocks[i]),
        current: blockText(current.blocks[i]),
      };
    }),
    { key: 'closing', label: s.closing, old: old.closing, current: current.closing },
  ];
  const [showAll, setShowAll] = useState(false);
  const changed = rows.filter((row) => row.old !== row.current).length;
  const shown = showAll ? rows : rows.filter((row) => row.old !== row.current);
  return (
    <div className="version-compare">
      <div className="version-compare-summary">
        <p className="muted small" role="note">
          {changed === 0 ? h.same : h.differences(changed)}
        </p>
        {changed < rows.length ? (
          <button
            type="button"
            className="button button-ghost button-small"
            aria-pressed={showAll}
            onClick={() => setShowAll(!showAll)}
          >
            {h.showUnchanged(rows.length - changed)}
          </button>
        ) : null}
      </div>
      {shown.length === 0 ? null : (
        <div className="version-compare-head" aria-hidden="true">
          <span>{oldLabel}</span>
          <span>{h.current}</span>
        </div>
      )}
      {shown.length === 0 ? null : (
        <dl className="version-compare-rows">
          {shown.map((row) => {
            const differs = row.old !== row.current;
            return (
              <div key={row.key} className={`version-row${differs ? ' version-row-changed' : ''}`}>
                <dt>
                  {row.label}
                  {differs ? <span className="version-mark">{h.changed}</span> : null}
                </dt>
                <dd className="version-old">
                  <span className="visually-hidden">{`${oldLabel}: `}</span>
                  {row.old ?? <em className="muted">{h.absent}</em>}
                </dd>
                <dd className="version-current">
                  <span className="visually-hidden">{`${h.current}: `}</span>
                  {row.current ?? <em className="muted">{h.absent}</em>}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </div>
  );
}
