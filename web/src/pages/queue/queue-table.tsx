import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ComplaintListItem } from '../../api/types.ts';
import { Icon } from '../../components/icon.tsx';
import { Link } from '../../components/link.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDate } from '../../lib/dates.ts';
import { navigate } from '../../lib/router.ts';
import { QueueDeadline } from '../../components/list-item-deadline.tsx';

const NEXT_KEYS = new Set(['j', 'ArrowDown']);
const PREVIOUS_KEYS = new Set(['k', 'ArrowUp']);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

/**
 * The queue as a table whose rows take the keyboard: j/k or the arrows move between complaints,
 * Enter opens one. Only the current row is in the tab order (roving tabindex), so Tab leaves the
 * table in one step.
 */
export interface QueueSelection {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  setAll: (ids: string[], on: boolean) => void;
}

export function QueueTable({
  items,
  handlerNames,
  selection,
}: {
  items: ComplaintListItem[];
  handlerNames: ReadonlyMap<string, string>;
  /** For the coordinator: a checkbox per row and one for the whole page (x or Space on a row too). */
  selection?: QueueSelection;
}) {
  const { t, locale } = useI18n();
  const [active, setActive] = useState(0);
  const rows = useRef<Array<HTMLTableRowElement | null>>([]);

  useEffect(() => setActive(0), [items]);

  const move = (index: number) => {
    const next = Math.max(0, Math.min(items.length - 1, index));
    setActive(next);
    rows.current[next]?.focus();
  };

  // j/k also work when focus is elsewhere on the page (not while typing), like in mail clients.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target) || event.metaKey || event.ctrlKey || event.altKey)
        return;
      if (event.target instanceof HTMLTableRowElement) return;
      if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        const focusedRow = rows.current.includes(document.activeElement as HTMLTableRowElement);
        move(focusedRow ? active + (event.key === 'j' ? 1 : -1) : active);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, index: number, item: ComplaintListItem) => {
    if (NEXT_KEYS.has(event.key)) {
      event.preventDefault();
      move(index + 1);
    } else if (PREVIOUS_KEYS.has(event.key)) {
      event.preventDefault();
      move(index - 1);
    } else if (event.key === 'Home') {
      event.preventDefault();
      move(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      move(items.length - 1);
    } else if (
      selection &&
      (event.key === 'x' || event.key === ' ') &&
      event.target === event.currentTarget
    ) {
      event.preventDefault();
      selection.toggle(item.id);
    } else if (event.key === 'Enter' && event.target === event.currentTarget) {
      event.preventDefault();
      navigate(`/complaints/${item.id}`);
    }
  };

  return (
    // Focusable so the keyboard can scroll it sideways on a narrow screen.
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t.queue.table}>
      <table className="table table-queue" aria-label={t.queue.table} aria-describedby="queue-keys">
        <thead>
          <tr>
            {selection ? (
              <th scope="col" className="col-select">
                <input
                  type="checkbox"
                  aria-label={t.bulk.selectPage}
                  checked={items.length > 0 && items.every((i) => selection.selected.has(i.id))}
                  onChange={(event) =>
                    selection.setAll(
                      items.map((i) => i.id),
                      event.target.checked,
                    )
                  }
                />
              </th>
            ) : null}
            <th scope="col">
              {t.queue.reference} · {t.queue.received.toLowerCase()}
            </th>
            <th scope="col">
              {t.queue.complainant} · {t.queue.product.toLowerCase()}
            </th>
            <th scope="col">{t.queue.status}</th>
            <th scope="col" className="col-handler">
              {t.queue.handler}
            </th>
            <th scope="col">{t.queue.nextDeadline}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <tr
              key={item.id}
              ref={(element) => {
                rows.current[index] = element;
              }}
              tabIndex={index === active ? 0 : -1}
              className={index === active ? 'row-active' : undefined}
              onFocus={() => setActive(index)}
              onKeyDown={(event) => onRowKey(event, index, item)}
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a, input')) return;
                navigate(`/complaints/${item.id}`);
              }}
              data-reference={item.reference}
            >
              {selection ? (
                <td className="col-select">
                  <input
                    type="checkbox"
                    aria-label={t.bulk.selectOne(item.reference)}
                    checked={selection.selected.has(item.id)}
                    onChange={() => selection.toggle(item.id)}
                  />
                </td>
              ) : null}
              <td className="cell-reference">
                <Link to={`/complaints/${item.id}`} tabIndex={-1}>
                  {item.reference}
                </Link>
                <span className="cell-received muted">{formatDate(item.receivedAt, locale)}</span>
              </td>
              <td className="cell-who">
                <span className="cell-strong">{item.complainantName}</span>
                <span className="cell-product muted">{item.product ?? t.app.none}</span>
              </td>
              <td>
                <span className="status-cell">
                  <StatusBadge status={item.status} />
                  {item.liabilityFlag ? (
                    <span className="liability-mark" title={t.queue.liability}>
                      <Icon name="shield" size={14} label={t.queue.liability} />
                    </span>
                  ) : null}
                </span>
              </td>
              <td className="col-handler muted">
                {item.handlerId ? (handlerNames.get(item.handlerId) ?? t.app.none) : t.queue.unassigned}
              </td>
              <td>
                <QueueDeadline item={item} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
