import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

/**
 * Full-text search over complaints and their messages. The search runs on Enter (not per key), so
 * each search is one server call; "/" anywhere on the page puts the cursor here, as in mail clients.
 */
export function QueueSearch({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useI18n();
  const w = t.workQueue;
  const id = useId();
  const [text, setText] = useState(value);
  const input = useRef<HTMLInputElement>(null);

  // A saved view or the back button changes the search from outside.
  useEffect(() => setText(value), [value]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.defaultPrevented || isTyping(event.target)) return;
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      event.preventDefault();
      input.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };

  return (
    <form role="search" className="queue-search" onSubmit={submit}>
      <label htmlFor={id} className="field-label">
        {w.searchLabel}
      </label>
      <div className="queue-search-row">
        <span className="queue-search-box">
          <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
            <circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
            <path
              d="m20 20-3.5-3.5"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
            />
          </svg>
          <input
            ref={input}
            id={id}
            type="search"
            value={text}
            maxLength={200}
            placeholder={w.searchPlaceholder}
            aria-describedby={`${id}-hint`}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && text !== '') {
                e.preventDefault();
                setText('');
                onSearch('');
              }
            }}
          />
        </span>
        <button type="submit" className="button button-primary">
          {w.search}
        </button>
        {value ? (
          <button
            type="button"
            className="button button-ghost"
            onClick={() => {
              setText('');
              onSearch('');
            }}
          >
            {w.clearSearch}
          </button>
        ) : null}
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {w.searchHint}
      </p>
    </form>
  );
}
