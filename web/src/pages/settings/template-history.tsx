import { useState } from 'react';
import {
  letterTemplates,
  type TemplateChange,
  type TemplateDetail,
  type TemplateTexts,
} from '../../api/settings-records.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { useAsync } from '../../lib/use-async.ts';
import { TemplateProblems } from './template-problems.tsx';
import { TemplateVersionCompare } from './template-version-compare.tsx';

/**
 * A history entry holds only what the organisation changed; a part left out kept the default, and
 * a reset is the default as a whole. The comparison needs the whole text, so fill in the rest.
 */
function versionOf(change: TemplateChange, defaults: TemplateTexts): TemplateTexts {
  const own = change.template ?? {};
  return {
    subject: own.subject ?? defaults.subject,
    salutation: own.salutation ?? defaults.salutation,
    closing: own.closing ?? defaults.closing,
    blocks: own.blocks ?? defaults.blocks,
  };
}

/**
 * Who changed this template when, each version readable next to the one in use, and — for those
 * who may edit — put back. A restore is a save on the server: the same checks, a new history entry.
 */
export function TemplateHistory({
  detail,
  mayRestore,
  onRestored,
}: {
  detail: TemplateDetail;
  mayRestore: boolean;
  onRestored: (detail: TemplateDetail) => void;
}) {
  const { t, locale } = useI18n();
  const h = t.templateHistory;
  const history = useAsync(() => letterTemplates.history(detail.type, detail.language), []);
  const [openId, setOpenId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  const restore = async (change: TemplateChange) => {
    setBusy(true);
    setError(null);
    setDone('');
    try {
      const restored = await letterTemplates.restore(detail.type, detail.language, change.id);
      onRestored(restored);
      setOpenId(null);
      history.reload();
      setDone(h.restored(formatDateTime(change.changedAt, locale)));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const changes = history.data ?? [];
  const open = changes.find((c) => c.id === openId);
  return (
    <section className="template-history" aria-labelledby="template-history-title">
      <h3 id="template-history-title" className="section-title">
        {h.title}
      </h3>
      {history.error ? <ErrorNotice error={history.error} onRetry={history.reload} /> : null}
      {!history.data && !history.error ? <LoadingState /> : null}
      {history.data && changes.length === 0 ? <p className="muted small">{h.empty}</p> : null}
      {changes.length > 0 ? (
        <div className="table-wrap">
          <table className="table template-history-table">
            <caption className="visually-hidden">{h.caption(detail.name)}</caption>
            <thead>
              <tr>
                <th scope="col">{h.when}</th>
                <th scope="col">{h.who}</th>
                <th scope="col">{h.what}</th>
                <th scope="col">
                  <span className="visually-hidden">{h.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change, index) => (
                <tr key={change.id} className={change.id === openId ? 'row-selected' : undefined}>
                  <td>{formatDateTime(change.changedAt, locale)}</td>
                  <td>{change.changedByName ?? h.unknownUser}</td>
                  <td>
                    {change.change === 'reset' ? h.reset : h.saved}
                    {index === 0 ? (
                      <span className="badge badge-neutral history-current">{h.inUse}</span>
                    ) : null}
                  </td>
                  <td className="history-actions">
                    <button
                      type="button"
                      className="button button-ghost button-small"
                      aria-expanded={change.id === openId}
                      onClick={() => setOpenId(change.id === openId ? null : change.id)}
                    >
                      {change.id === openId ? h.close : h.view}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {open ? (
        <div className="template-history-version">
          <TemplateVersionCompare
            old={versionOf(open, detail.defaultTemplate)}
            current={detail.template}
            oldLabel={h.versionOf(formatDateTime(open.changedAt, locale))}
          />
          {mayRestore && open.change === 'saved' ? (
            <div className="form-actions">
              <button
                type="button"
                className="button button-secondary"
                disabled={busy}
                onClick={() => void restore(open)}
              >
                {busy ? t.steps.submitting : h.restore}
              </button>
            </div>
          ) : null}
          {mayRestore && open.change === 'reset' ? <p className="muted small">{h.resetHint}</p> : null}
        </div>
      ) : null}
      {error ? <TemplateProblems error={error} note={h.restoreRefused} /> : null}
      <p className="announce announce-success" role="status">
        {done}
      </p>
    </section>
  );
}
