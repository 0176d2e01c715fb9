import { ClockDue } from '../../components/clock-due.tsx';
import { Link } from '../../components/link.tsx';
import type { DeadlineEntry } from './load-overview.ts';

export function DeadlineList({ entries, empty }: { entries: DeadlineEntry[]; empty: string }) {
  if (entries.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="deadline-list">
      {entries.slice(0, 10).map(({ complaint, clock }) => (
        <li key={complaint.id}>
          <Link to={`/complaints/${complaint.id}`} className="deadline-ref">
            {complaint.reference}
          </Link>
          <span className="deadline-name">{complaint.complainantName}</span>
          <ClockDue clock={clock} />
        </li>
      ))}
    </ul>
  );
}
