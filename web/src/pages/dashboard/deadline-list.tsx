import type { ComplaintListItem } from '../../api/types.ts';
import { Link } from '../../components/link.tsx';
import { QueueDeadline } from '../../components/list-item-deadline.tsx';

export function DeadlineList({ entries, empty }: { entries: ComplaintListItem[]; empty: string }) {
  if (entries.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="deadline-list">
      {entries.slice(0, 10).map((complaint) => (
        <li key={complaint.id}>
          <Link to={`/complaints/${complaint.id}`} className="deadline-ref">
            {complaint.reference}
          </Link>
          <span className="deadline-name">{complaint.complainantName}</span>
          <QueueDeadline item={complaint} />
        </li>
      ))}
    </ul>
  );
}
