import { useState } from 'react';
import type { SourceDetail } from '../../shared/api';
import { safeLinkHref } from '../reader/safeLinkHref';
import { formatPublishedDate, languageName } from './formatMetadata';
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
>;

/**
 * Under the article's title: who wrote it, where and when it was published,
 * its address and language (each only when known), the evidence of where
 * the shown version came from, folded away, and a way to correct the details.
 */
export function SourceMetadata({ source }: { source: MetadataSource }) {
  const href = source.url ? safeLinkHref(source.url) : null;
  const [editing, setEditing] = useState(false);
  return (
    <div className="source-metadata" data-testid="source-metadata">
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
      </p>
      <EditSourceDialog source={source} open={editing} onClose={() => setEditing(false)} />
    </div>
  );
}
