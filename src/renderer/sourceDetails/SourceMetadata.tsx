import { useState } from 'react';
import type { SourceDetail } from '../../shared/api';
import { safeLinkHref } from '../reader/safeLinkHref';
import { useTrashActions } from '../trash/useTrashActions';
import { AsyncButton } from '../ui/AsyncButton';
import { formatMoment, formatPublishedDate, languageName } from './formatMetadata';
import { EditSourceDialog } from './EditSourceDialog';
import { SourceEvidence } from './SourceEvidence';
import './sourceDetails.css';

type MetadataSource = Pick<
  SourceDetail,
  | 'id'
  | 'versionNumber'
  | 'title'
  | 'dir'
  | 'kind'
  | 'byline'
  | 'siteName'
  | 'publishedAt'
  | 'url'
  | 'lang'
  | 'capturedAt'
  | 'original'
  | 'deletedAt'
>;

/**
 * Under the article's title: who wrote it, where and when it was published,
 * its address and language (each only when known), the evidence of where
 * the shown version came from, folded away, and a way to correct the details.
 */
export function SourceMetadata({ source }: { source: MetadataSource }) {
  const href = source.url ? safeLinkHref(source.url) : null;
  const [editing, setEditing] = useState(false);
  const trash = useTrashActions();
  return (
    <div className="source-metadata" data-testid="source-metadata">
      {source.deletedAt && (
        <p className="source-in-trash" role="status" data-testid="source-in-trash">
          This article is in the trash (since {formatMoment(source.deletedAt)}): it is not in the
          library or in search; its passages stay for the notes that cite them.
          <AsyncButton
            className="button button-small"
            data-testid="restore-source-button"
            onClick={() => trash.restore('source', source.id, source.title)}
          >
            Restore
          </AsyncButton>
        </p>
      )}
      <p className="source-metadata-line">
        {source.byline && (
          <span className="source-byline" data-testid="source-byline" dir="auto">
            {source.byline}
          </span>
        )}
        {source.siteName && (
          <span className="source-site" data-testid="source-site" dir="auto">
            {source.siteName}
          </span>
        )}
        {source.publishedAt && (
          <time
            className="source-published"
            data-testid="source-published"
            dateTime={source.publishedAt}
          >
            {formatPublishedDate(source.publishedAt)}
          </time>
        )}
        {source.lang && (
          <span className="source-lang" data-testid="source-lang">
            {languageName(source.lang)}
          </span>
        )}
      </p>
      {href && (
        <p className="source-metadata-line">
          <a
            className="source-url"
            data-testid="source-url"
            href={href}
            target="_blank"
            rel="noopener noreferrer"
            title={href}
            dir="ltr"
          >
            {href}
          </a>
        </p>
      )}
      <SourceEvidence source={source} />
      <p className="source-actions">
        <button
          type="button"
          className="button button-small"
          data-testid="edit-source-button"
          onClick={() => setEditing(true)}
        >
          Edit details…
        </button>
        {!source.deletedAt && (
          <AsyncButton
            className="button button-small"
            data-testid="trash-source-button"
            title="Move this article to the trash (Notebook → Trash… brings it back)"
            onClick={() => trash.moveToTrash('source', source.id, source.title)}
          >
            Move to trash
          </AsyncButton>
        )}
      </p>
      <EditSourceDialog source={source} open={editing} onClose={() => setEditing(false)} />
    </div>
  );
}
