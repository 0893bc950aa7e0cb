import type { SourceSummary } from '../../shared/api';
import { plural } from '../../shared/text';
import { formatPublishedDate } from '../sourceDetails/formatMetadata';
import { sourceKindLabel } from '../sourceDetails/sourceKindLabel';
import { ListItemButton } from '../ui/ListItemButton';
import './library.css';

interface LibraryListProps {
  sources: SourceSummary[] | undefined;
  error: string | undefined;
  openSourceId: string | null;
  onOpen: (sourceId: string) => void;
}

/** The saved articles, newest first. */
export function LibraryList({ sources, error, openSourceId, onOpen }: LibraryListProps) {
  const newestFirst = [...(sources ?? [])].sort(
    (a, b) => b.capturedAt.localeCompare(a.capturedAt) || Number(b.id) - Number(a.id),
  );
  return (
    <section className="sidebar-section" aria-labelledby="library-heading">
      <div className="section-header">
        <h2 id="library-heading">Library</h2>
      </div>
      {error && <p className="panel-error">The library could not be loaded: {error}</p>}
      {sources?.length === 0 && (
        <p className="empty-state">
          No articles yet — import files (web pages, PDF, Word, EPUB, Markdown, text), a folder, a
          web address, or paste.
        </p>
      )}
      <ul className="item-list">
        {newestFirst.map((source) => (
          <ListItemButton
            key={source.id}
            testId="source-item"
            isOpen={source.id === openSourceId}
            title={source.title}
            subtitle={publication(source)}
            badge={sourceKindLabel(source.kind)}
            detail={plural(source.passageCount, 'passage')}
            tags={source.tags}
            onOpen={() => onOpen(source.id)}
          />
        ))}
      </ul>
    </section>
  );
}

/** Where and when the article was published ("BBC News · 3 May 2024"), when known. */
function publication({ siteName, publishedAt }: SourceSummary): string | undefined {
  const parts = [siteName, publishedAt && formatPublishedDate(publishedAt)].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
