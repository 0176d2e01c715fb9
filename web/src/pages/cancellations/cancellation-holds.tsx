import { useMemo } from 'react';
import { holdsOf } from '../../api/legal-holds.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { LegalHoldsCard } from '../../components/legal-holds-card.tsx';
import { Link } from '../../components/link.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useOrganisation } from '../../session/organisation-context.tsx';

/**
 * The legal holds of one cancellation request, for the coordinator (places and lifts) and the
 * auditor (reads). A request without a complaint has its own retention term and so its own holds; a
 * linked one is kept as long as its complaint's dossier, so a new hold goes there (the server
 * refuses one here with 409). A hold from before the link is still listed and can still be lifted.
 */
export function CancellationHolds({
  cancellationId,
  complaint,
  canChange,
}: {
  cancellationId: string;
  complaint: { id: string; reference: string } | null;
  canChange: boolean;
}) {
  const { t } = useI18n();
  const { users } = useOrganisation();
  const names = useMemo(() => new Map(users.map((u) => [u.id, u.displayName])), [users]);
  const owner = useMemo(() => ({ kind: 'cancellations' as const, id: cancellationId }), [cancellationId]);
  const holds = useAsync(() => holdsOf(owner).list(), [owner]);

  if (!holds.data) {
    return holds.error ? <ErrorNotice error={holds.error} onRetry={holds.reload} /> : null;
  }
  return (
    <LegalHoldsCard
      owner={owner}
      holds={holds.data}
      canChange={canChange}
      canPlace={complaint === null}
      intro={t.holds.cancellationIntro}
      none={t.holds.cancellationNone}
      notice={
        complaint ? (
          <div className="notice notice-info small">
            <p>{t.holds.followsComplaint(complaint.reference)}</p>
            <p>
              <Link to={`/complaints/${complaint.id}`}>{t.holds.toComplaintHolds(complaint.reference)}</Link>
            </p>
          </div>
        ) : undefined
      }
      names={names}
      onChanged={holds.reload}
    />
  );
}
