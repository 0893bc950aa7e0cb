import type { SourceSummary } from '../../shared/api';
import { plural } from '../../shared/text';
import { ListItemButton } from '../ui/ListItemButton';

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
        <p className="empty-state">No articles yet — import a .txt file or paste text.</p>
      )}
      <ul className="item-list">
        {newestFirst.map((source) => (
          <ListItemButton
            key={source.id}
            testId="source-item"
            isOpen={source.id === openSourceId}
            title={source.title}
            detail={plural(source.passageCount, 'passage')}
            tags={source.tags}
            onOpen={() => onOpen(source.id)}
          />
        ))}
      </ul>
    </section>
  );
}
