import { useState } from 'react';
import { mayAct } from '../../api/auth.ts';
import { letterTemplates, type TemplateLanguage, type TemplateSummary } from '../../api/settings-records.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useSession } from '../../session/session-context.tsx';
import { TemplateEditor } from './template-editor.tsx';
import { TemplateHistory } from './template-history.tsx';

const keyOf = (s: Pick<TemplateSummary, 'type' | 'language'>) => `${s.type}/${s.language}`;

/** Letter templates per type and language: the default or the organisation's own version. */
export function LetterTemplatesSettings() {
  const { t } = useI18n();
  const s = t.templates;
  const list = useAsync(() => letterTemplates.list(), []);
  const [selected, setSelected] = useState('acknowledgment/nl');
  const [type, language] = selected.split('/') as [string, TemplateLanguage];
  const detail = useAsync(() => letterTemplates.get(type, language), [selected]);
  const { session } = useSession();
  // The server decides; this only keeps buttons away from those it would refuse (the auditor).
  const mayEdit = mayAct(session, 'admin', 'coordinator');
  // A restore replaces what the editor holds, so the editor starts afresh from the restored version.
  const [restores, setRestores] = useState(0);
  const [saves, setSaves] = useState(0);

  if (list.error) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  if (!list.data) return <LoadingState />;
  return (
    <section className="card" aria-labelledby="templates-title">
      <h2 id="templates-title" className="card-title">
        {s.title}
      </h2>
      <p className="muted small">{s.intro}</p>
      {mayEdit ? null : <p className="notice notice-info">{t.templateHistory.readOnly}</p>}
      <Field label={s.choose}>
        {(props) => (
          <select {...props} value={selected} onChange={(e) => setSelected(e.target.value)}>
            {list.data!.map((summary) => (
              <option key={keyOf(summary)} value={keyOf(summary)}>
                {`${summary.name} (${summary.language.toUpperCase()})${summary.source === 'organisation' ? ` · ${s.own}` : ''}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      {detail.error ? <ErrorNotice error={detail.error} onRetry={detail.reload} /> : null}
      {detail.data && keyOf(detail.data) === selected ? (
        <>
          <TemplateEditor
            key={`editor:${selected}#${restores}`}
            detail={detail.data}
            readOnly={!mayEdit}
            onSaved={(saved) => {
              detail.setData(saved);
              setSaves((n) => n + 1);
              list.reload();
            }}
          />
          <TemplateHistory
            key={`history:${selected}#${saves}`}
            detail={detail.data}
            mayRestore={mayEdit}
            onRestored={(restored) => {
              detail.setData(restored);
              setRestores((n) => n + 1);
              list.reload();
            }}
          />
        </>
      ) : detail.error ? null : (
        <LoadingState />
      )}
    </section>
  );
}
