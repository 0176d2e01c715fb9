import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  letterTemplates,
  type TemplateBlock,
  type TemplateDetail,
  type TemplateLanguage,
  type TemplateTexts,
} from '../../api/settings-records.ts';
import { Field } from '../../components/field.tsx';
import { Icon } from '../../components/icon.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { TemplateBlockField } from './template-block-field.tsx';
import { problemsPerBlock, TemplateProblems } from './template-problems.tsx';

const textsOf = (detail: TemplateDetail): TemplateTexts => ({
  subject: detail.template.subject,
  salutation: detail.template.salutation,
  closing: detail.template.closing,
  blocks: detail.template.blocks.map((b) => ({ ...b })),
});

/**
 * One template being edited. The draft lives here and is never replaced by a failed save or
 * preview, so nothing typed is lost; only a successful save or a reset takes the server's version.
 */
export function TemplateEditor({
  detail,
  onSaved,
  readOnly = false,
}: {
  detail: TemplateDetail;
  onSaved: (detail: TemplateDetail) => void;
  /** For readers who may not change (the auditor): every field shown, nothing to save. */
  readOnly?: boolean;
}) {
  const { t, locale } = useI18n();
  const s = t.templates;
  const [draft, setDraft] = useState<TemplateTexts>(() => textsOf(detail));
  const [busy, setBusy] = useState<'save' | 'preview' | 'reset' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const [pdfUrl, setPdfUrl] = useState<string | null>(null);
  const urlRef = useRef<string | null>(null);
  const type = detail.type;
  const language: TemplateLanguage = detail.language;
  const labels = useMemo(
    () => new Map(detail.requiredElements.map((e) => [e.name, e.label])),
    [detail.requiredElements],
  );
  const perBlock = problemsPerBlock(error);

  useEffect(
    () => () => {
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    },
    [],
  );

  const attempt = async (kind: 'save' | 'preview' | 'reset', work: () => Promise<string>) => {
    setBusy(kind);
    setError(null);
    setDone('');
    try {
      setDone(await work());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void attempt('save', async () => {
      const saved = await letterTemplates.save(type, language, draft);
      setDraft(textsOf(saved));
      onSaved(saved);
      return s.saved;
    });
  };
  const preview = () =>
    void attempt('preview', async () => {
      const { blob } = await letterTemplates.preview(type, language, draft);
      const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
      urlRef.current = url;
      setPdfUrl(url);
      return s.previewReady;
    });
  const reset = () =>
    void attempt('reset', async () => {
      const restored = await letterTemplates.reset(type, language);
      setDraft(textsOf(restored));
      onSaved(restored);
      return s.resetDone;
    });

  const setBlock = (index: number, block: TemplateBlock) =>
    setDraft({ ...draft, blocks: draft.blocks.map((b, i) => (i === index ? block : b)) });
  const removeBlock = (index: number) =>
    setDraft({ ...draft, blocks: draft.blocks.filter((_, i) => i !== index) });
  const addBlock = () => setDraft({ ...draft, blocks: [...draft.blocks, { kind: 'text', text: '' }] });
  const line = (name: 'subject' | 'salutation' | 'closing') => (
    <Field label={s[name]}>
      {(props) => (
        <input
          {...props}
          type="text"
          maxLength={500}
          value={draft[name]}
          onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
        />
      )}
    </Field>
  );

  return (
    <form className="template-editor" onSubmit={save} aria-label={s.editorLabel(detail.name)}>
      <p className="muted small">
        {detail.source === 'organisation' && detail.updatedAt
          ? s.ownVersion(formatDateTime(detail.updatedAt, locale))
          : s.defaultVersion}
      </p>
      {detail.problems.length > 0 ? (
        <div className="notice notice-warning" role="note">
          <p className="notice-title">{s.setAside}</p>
          <ul>
            {detail.problems.map((p) => (
              <li key={`${p.code}:${p.message}`}>{p.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="field-hint">
        {s.placeholders(detail.placeholders.map((p) => `{{${p.name}}}`).join(' '))}
      </p>
      <fieldset className="plain-fieldset template-fields" disabled={readOnly}>
        {line('subject')}
        {line('salutation')}
        {draft.blocks.map((block, index) => (
          <TemplateBlockField
            key={index}
            block={block}
            index={index}
            elementLabels={labels}
            problem={perBlock.get(index)}
            onChange={(next) => setBlock(index, next)}
            onRemove={readOnly ? undefined : () => removeBlock(index)}
          />
        ))}
        {readOnly ? null : (
          <div>
            <button type="button" className="button button-secondary button-small" onClick={addBlock}>
              <Icon name="plus" size={14} />
              {s.addBlock}
            </button>
          </div>
        )}
        {line('closing')}
      </fieldset>
      {error ? <TemplateProblems error={error} /> : null}
      <div className="form-actions sticky-actions">
        {readOnly ? null : (
          <button type="submit" className="button button-primary" disabled={busy !== null}>
            {busy === 'save' ? t.steps.submitting : s.save}
          </button>
        )}
        <button type="button" className="button button-secondary" disabled={busy !== null} onClick={preview}>
          <Icon name="file" size={14} />
          {busy === 'preview' ? t.letters.previewBusy : t.letters.preview}
        </button>
        {detail.source === 'organisation' && !readOnly ? (
          <button type="button" className="button button-ghost" disabled={busy !== null} onClick={reset}>
            {s.reset}
          </button>
        ) : null}
        <span className="announce announce-success" role="status">
          {done}
        </span>
        {pdfUrl ? (
          <a href={pdfUrl} target="_blank" rel="noopener" className="preview-link">
            {s.openPreview}
          </a>
        ) : null}
      </div>
    </form>
  );
}
