import type { SourceDetail } from '../../shared/api';
import { safeLinkHref } from '../reader/safeLinkHref';
import { formatPublishedDate, languageName } from './formatMetadata';
import { SourceEvidence } from './SourceEvidence';
import './sourceDetails.css';

type MetadataSource = Pick<
  SourceDetail,
  | 'id'
  | 'versionNumber'
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
 * its address and language (each only when known), and the evidence of where
 * the shown version came from, folded away.
 */
export function SourceMetadata({ source }: { source: MetadataSource }) {
  const href = source.url ? safeLinkHref(source.url) : null;
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
    </div>
  );
}
