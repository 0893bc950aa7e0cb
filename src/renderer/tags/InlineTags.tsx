import { isolate } from '../ui/bidi';

interface InlineTagsProps {
  tags: readonly string[];
  /** Makes each tag a button (the library filters by it). */
  onTagClick?: (tag: string) => void;
}

/** An item's tags in a list's detail line, each isolated so a Persian tag cannot reorder an English one. */
export function InlineTags({ tags, onTagClick }: InlineTagsProps) {
  if (tags.length === 0) return null;
  return (
    <span className="inline-tags" data-testid="inline-tags">
      {tags.map((tag) =>
        onTagClick ? (
          // Out of the tab order: a list's rows are walked with the arrow keys, one stop per list.
          <button
            key={tag}
            type="button"
            tabIndex={-1}
            dir="auto"
            className="inline-tag inline-tag-button"
            title={`Show only items tagged ${isolate(tag)}`}
            onClick={() => onTagClick(tag)}
          >
            {tag}
          </button>
        ) : (
          <bdi key={tag} className="inline-tag">
            {tag}
          </bdi>
        ),
      )}
    </span>
  );
}
