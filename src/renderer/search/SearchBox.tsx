import { useRef, type Ref } from 'react';

interface SearchBoxProps {
  ref: Ref<HTMLInputElement>;
  query: string;
  onQueryChange: (query: string) => void;
  onFocus: () => void;
  /** ArrowDown: the keys go to the results. */
  onEnterResults: () => void;
}

/**
 * The one search box; ArrowDown moves into the results, Escape clears it and
 * gives focus back to where it came from.
 */
export function SearchBox({ ref, query, onQueryChange, onFocus, onEnterResults }: SearchBoxProps) {
  const returnFocusTo = useRef<HTMLElement | null>(null);
  return (
    <input
      ref={ref}
      type="search"
      className="search-input"
      data-testid="search-input"
      placeholder="Search everything  ( / )"
      aria-label="Search articles, passages and notes"
      title="Search: words, “phrases”, prefix*, -exclude, OR, type:note. Focus with / or Ctrl+K."
      dir="auto"
      value={query}
      onChange={(event) => onQueryChange(event.target.value)}
      onFocus={(event) => {
        const previous = event.relatedTarget;
        returnFocusTo.current = previous instanceof HTMLElement ? previous : null;
        onFocus();
      }}
      onKeyDown={(event) => {
        if (event.key === 'ArrowDown') {
          event.preventDefault();
          onEnterResults();
          return;
        }
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onQueryChange('');
        const target = returnFocusTo.current;
        if (target?.isConnected) target.focus();
        else event.currentTarget.blur();
      }}
    />
  );
}
