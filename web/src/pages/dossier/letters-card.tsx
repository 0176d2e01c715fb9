import { useState } from 'react';
import { awaitsPosting, type Letter } from '../../api/dossier-letters.ts';
import { complaints } from '../../api/endpoints.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Icon } from '../../components/icon.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime, formatLocalDate } from '../../lib/dates.ts';
import { downloadFromApi } from '../../lib/download.ts';
import { LetterPostedForm } from './letter-posted-form.tsx';

/** Every letter of the dossier, how it went out, and for printed ones the day they were posted. */
export function LettersCard({
  complaintId,
  list,
  error,
  onRetry,
  canPost,
  names,
  onPosted,
}: {
  complaintId: string;
  list: Letter[] | undefined;
  error: unknown;
  onRetry: () => void;
  /** Coordinator or handler: may record the day of posting. */
  canPost: boolean;
  names: ReadonlyMap<string, string>;
  onPosted: (letter: Letter) => void;
}) {
  const { t, locale } = useI18n();
  const [announcement, setAnnouncement] = useState('');
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const typeName = (letter: Letter) => t.letters.typeName[letter.letterType] ?? letter.letterType;

  const status = (letter: Letter) => {
    if (letter.postedOn)
      return (
        <span className="badge badge-green">
          {t.letters.postedOn(formatLocalDate(letter.postedOn, locale, false))}
        </span>
      );
    if (letter.status === 'undeliverable')
      return <span className="badge badge-red">{t.letters.undeliverable}</span>;
    if (letter.delivery === 'post')
      return <span className="badge badge-amber">{t.letters.awaitingPost}</span>;
    return <span className="badge badge-neutral">{t.letters.sent}</span>;
  };

  return (
    <section className="card" aria-labelledby="letters-title">
      <h2 id="letters-title" className="card-title">
        {t.letters.title}
      </h2>
      <p className="announce" role="status">
        {announcement}
      </p>
      {error ? <ErrorNotice error={error} onRetry={onRetry} /> : null}
      {downloadError ? <ErrorNotice error={downloadError} /> : null}
      {!list ? (
        error ? null : (
          <LoadingState />
        )
      ) : list.length === 0 ? (
        <p className="muted small">{t.letters.empty}</p>
      ) : (
        <ul className="letter-list">
          {list.map((letter) => {
            const author = letter.issuedBy ? names.get(letter.issuedBy) : undefined;
            return (
              <li key={letter.id} className="letter-row" data-letter-type={letter.letterType}>
                <div className="letter-row-head">
                  <h3 className="letter-row-title">{typeName(letter)}</h3>
                  {status(letter)}
                </div>
                <p className="letter-row-meta muted small">
                  {t.letters.recipient} {letter.recipientName} ·{' '}
                  {letter.delivery === 'post' ? t.letters.byPost : t.letters.byEmail} ·{' '}
                  {formatDateTime(letter.issuedAt, locale)}
                  {author ? ` · ${t.dossier.by(author)}` : ''}
                  {letter.automatic ? ` · ${t.letters.automatic}` : ''}
                </p>
                <div className="letter-row-actions">
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => {
                      setDownloadError(null);
                      downloadFromApi(
                        complaints.documentPath(complaintId, letter.documentId),
                        `${letter.letterType}.pdf`,
                      ).catch(setDownloadError);
                    }}
                  >
                    <Icon name="download" size={14} />
                    {t.letters.pdf}
                    <span className="visually-hidden"> {typeName(letter)}</span>
                  </button>
                </div>
                {canPost && awaitsPosting(letter) ? (
                  <LetterPostedForm
                    complaintId={complaintId}
                    letter={letter}
                    label={`${t.letters.markPosted} ${typeName(letter)}`}
                    onPosted={(posted) => {
                      setAnnouncement(
                        t.letters.markedPosted(
                          typeName(posted),
                          formatLocalDate(posted.postedOn ?? '', locale, false),
                        ),
                      );
                      onPosted(posted);
                    }}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
