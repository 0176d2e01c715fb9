import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { appHref, navigate } from '../lib/router.ts';

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string; children: ReactNode };

/** A real link (it opens in a new tab too) that navigates inside the app without reloading. */
export function Link({ to, children, onClick, ...rest }: Props) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={appHref(to)} onClick={handle} {...rest}>
      {children}
    </a>
  );
}
