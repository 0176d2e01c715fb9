import { useState } from 'react';
import type { Invitation } from '../../api/screens.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/dates.ts';

/** The link is shown once (only its hash is stored): the administrator copies it and sends it on. */
export function InvitationLink({ name, invitation }: { name: string; invitation: Invitation }) {
  const { t, locale } = useI18n();
  const a = t.accounts;
  const [copied, setCopied] = useState(false);
  const url = `${window.location.origin}${invitation.link}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard permission: the link stays selectable in the field.
    }
  };
  return (
    <div className="invitation-link notice notice-info">
      <p className="notice-title">{a.linkTitle(name)}</p>
      <p className="small">
        {a.linkIntro} {formatDateTime(invitation.expiresAt, locale)}.
      </p>
      <div className="invitation-link-row">
        <input
          type="text"
          readOnly
          value={url}
          aria-label={a.linkTitle(name)}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {a.copy}
        </button>
      </div>
      <span className="announce" role="status">
        {copied ? a.copied : ''}
      </span>
    </div>
  );
}
