import { useSyncExternalStore } from 'react';

/** The app lives under /app/ (the server's static route); paths inside it are kept without it. */
export const BASE = '/app';
const NAVIGATED = 'klachtwijzer:navigated';

function subscribe(callback: () => void): () => void {
  window.addEventListener('popstate', callback);
  window.addEventListener(NAVIGATED, callback);
  return () => {
    window.removeEventListener('popstate', callback);
    window.removeEventListener(NAVIGATED, callback);
  };
}

function currentLocation(): string {
  return `${window.location.pathname}${window.location.search}`;
}

export function appHref(to: string): string {
  return `${BASE}${to.startsWith('/') ? to : `/${to}`}`;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const href = appHref(to);
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATED));
  window.scrollTo(0, 0);
}

export interface Route {
  /** The path inside the app, always starting with "/". */
  path: string;
  segments: string[];
  query: URLSearchParams;
}

export function useRoute(): Route {
  const location = useSyncExternalStore(subscribe, currentLocation);
  const [pathname = '', search = ''] = location.split('?');
  const inside = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const path = inside === '' ? '/' : inside;
  return {
    path,
    segments: path.split('/').filter((s) => s !== ''),
    query: new URLSearchParams(search),
  };
}

/** Changes the query string of the current page without a new history entry. */
export function replaceQuery(params: URLSearchParams): void {
  const text = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${text ? `?${text}` : ''}`);
  window.dispatchEvent(new Event(NAVIGATED));
}
