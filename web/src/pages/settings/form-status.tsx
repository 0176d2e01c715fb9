import { ErrorNotice } from '../../components/error-notice.tsx';
import type { Submission } from '../../lib/use-submit.ts';

/** The error of the last attempt, or its success, announced politely. */
export function FormStatus({ submission }: { submission: Submission }) {
  return (
    <>
      {submission.error ? <ErrorNotice error={submission.error} /> : null}
      <span className="announce announce-success" role="status">
        {submission.done}
      </span>
    </>
  );
}
