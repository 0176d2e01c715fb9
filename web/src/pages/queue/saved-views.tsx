import { useId, useRef, useState, type FormEvent } from 'react';
import { savedViews } from '../../api/endpoints.ts';
import type { SavedView } from '../../api/types.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { apiFilters, filtersFromApi, sameFilters, type QueueFilterValues } from './queue-query.ts';

/**
 * The user's saved views: choosing one applies its filters; the current filters can be saved under
 * a name; the chosen view can be deleted. What the server refuses (a name already used) is shown in
 * its Dutch words and the typed name stays.
 */
export function SavedViews({
  current,
  onApply,
}: {
  current: QueueFilterValues;
  onApply: (values: QueueFilterValues) => void;
}) {
  const { t } = useI18n();
  const w = t.workQueue;
  const selectId = useId();
  const nameId = useId();
  const views = useAsync(() => savedViews.list(), []);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const saveButton = useRef<HTMLButtonElement>(null);

  const list = views.data ?? [];
  const active: SavedView | undefined = list.find((v) => sameFilters(filtersFromApi(v.filters), current));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await savedViews.create({ name: name.trim(), filters: apiFilters(current) });
      views.setData((previous) =>
        [...(previous ?? []), created].toSorted((a, b) => a.name.localeCompare(b.name)),
      );
      setAnnouncement(w.viewSaved(created.name));
      setName('');
      setNaming(false);
      saveButton.current?.focus();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (view: SavedView) => {
    setError(null);
    try {
      await savedViews.remove(view.id);
      views.setData((previous) => (previous ?? []).filter((v) => v.id !== view.id));
      setAnnouncement(w.viewDeleted(view.name));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div className="saved-views">
      <div className="saved-views-row">
        <div className="field field-inline">
          <label htmlFor={selectId} className="field-label">
            {w.savedViews}
          </label>
          <select
            id={selectId}
            value={active?.id ?? ''}
            disabled={list.length === 0}
            onChange={(e) => {
              const view = list.find((v) => v.id === e.target.value);
              if (view) onApply(filtersFromApi(view.filters));
            }}
          >
            <option value="">{list.length === 0 ? w.noViews : w.chooseView}</option>
            {list.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </div>
        {active ? (
          <button type="button" className="button button-ghost" onClick={() => void remove(active)}>
            {w.deleteView(active.name)}
          </button>
        ) : null}
        {!naming ? (
          <button
            ref={saveButton}
            type="button"
            className="button button-secondary"
            onClick={() => {
              setNaming(true);
              setError(null);
            }}
          >
            {w.saveView}
          </button>
        ) : null}
        <span className="announce" role="status">
          {announcement}
        </span>
      </div>
      {naming ? (
        <form className="saved-view-form" onSubmit={(event) => void save(event)} aria-label={w.saveView}>
          <div className="field field-inline">
            <label htmlFor={nameId} className="field-label">
              {w.viewName}
            </label>
            <input
              id={nameId}
              type="text"
              value={name}
              maxLength={80}
              required
              autoFocus
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setNaming(false);
              }}
            />
          </div>
          <button type="submit" className="button button-primary" disabled={busy || name.trim() === ''}>
            {w.save}
          </button>
          <button type="button" className="button button-ghost" onClick={() => setNaming(false)}>
            {t.workQueue.cancel}
          </button>
        </form>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {views.error ? <ErrorNotice error={views.error} onRetry={views.reload} /> : null}
    </div>
  );
}
