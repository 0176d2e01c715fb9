import { useState } from 'react';
import { complaints } from '../../api/endpoints.ts';
import type { DossierItem, DossierItemKind } from '../../api/types.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Icon, type IconName } from '../../components/icon.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatBytes, formatDateTime } from '../../lib/dates.ts';
import { downloadFromApi } from '../../lib/download.ts';

const KIND_ICON: Record<DossierItemKind, IconName> = {
  message_in: 'mail',
  message_out: 'mail',
  note: 'note',
  attachment: 'paperclip',
  letter: 'file',
  statement: 'file',
  insurer_correspondence: 'shield',
  meeting: 'user',
  decision: 'check',
};

/** Everything in the dossier, newest first, with its files to download. */
export function Timeline({
  complaintId,
  items,
  names,
}: {
  complaintId: string;
  items: DossierItem[];
  names: ReadonlyMap<string, string>;
}) {
  const { t, locale } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const newestFirst = items.toReversed();
  if (items.length === 0) return <p className="muted">{t.dossier.timelineEmpty}</p>;
  return (
    <>
      {error ? <ErrorNotice error={error} /> : null}
      <ol className="timeline">
        {newestFirst.map((item) => {
          const kind = item.kind as DossierItemKind;
          const author = item.authorId ? names.get(item.authorId) : undefined;
          return (
            <li key={item.id} className={`timeline-item timeline-${item.kind}`}>
              <span className="timeline-icon" aria-hidden="true">
                <Icon name={KIND_ICON[kind] ?? 'file'} size={14} />
              </span>
              <div className="timeline-body">
                <p className="timeline-meta">
                  <span className="timeline-kind">{t.dossier.itemKind[kind] ?? item.kind}</span>
                  <span>{formatDateTime(item.createdAt, locale)}</span>
                  {author ? <span>{t.dossier.by(author)}</span> : null}
                </p>
                <h3 className="timeline-title">{item.title}</h3>
                {item.body ? <p className="prose">{item.body}</p> : null}
                {item.documents.length > 0 ? (
                  <ul className="documents" aria-label={t.dossier.documents}>
                    {item.documents.map((doc) => (
                      <li key={doc.id}>
                        <button
                          type="button"
                          className="document"
                          title={t.dossier.download(doc.fileName)}
                          onClick={() => {
                            setError(null);
                            downloadFromApi(complaints.documentPath(complaintId, doc.id), doc.fileName).catch(
                              setError,
                            );
                          }}
                        >
                          <Icon name="download" size={14} />
                          <span className="document-name">{doc.fileName}</span>
                          <span className="muted">{formatBytes(doc.sizeBytes, locale)}</span>
                          <span className="visually-hidden">{t.dossier.downloadHidden}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}
