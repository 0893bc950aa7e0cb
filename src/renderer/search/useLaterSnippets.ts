import { useEffect, useRef, useState, type RefObject } from 'react';
import type { SearchHit, SearchSnippet } from '../../shared/api';
import { api } from '../api/client';
import type { SearchState } from './useSearch';

/** Rows this far below the panel's bottom edge get their snippets before they scroll in. */
const AHEAD = '0px 0px 600px 0px';

/** The attribute a row waiting for its snippet carries: its hit's index in the results. */
export const LATER_SNIPPET_ATTRIBUTE = 'data-later-snippet';

/**
 * The snippets of the hits a search returned without one, cut once their row
 * comes near the visible part of `panel` (the element that scrolls): each
 * batch of rows scrolled to is one `cutSnippets` call. By hit index; empty for
 * another result.
 */
export function useLaterSnippets(
  result: SearchState | undefined,
  panel: RefObject<HTMLElement | null>,
): ReadonlyMap<number, SearchSnippet> {
  const [cut, setCut] = useState<{ for: SearchState; snippets: Map<number, SearchSnippet> }>();
  const snippets = cut && cut.for === result ? cut.snippets : noSnippets;
  const asked = useRef<{ for?: SearchState; indexes: Set<number> }>({ indexes: new Set() });

  useEffect(() => {
    const root = panel.current;
    if (!result || !root) return;
    if (asked.current.for !== result) asked.current = { for: result, indexes: new Set() };
    const waiting = root.querySelectorAll<HTMLElement>(`[${LATER_SNIPPET_ATTRIBUTE}]`);
    if (waiting.length === 0) return;

    const observer = new IntersectionObserver(
      (entries) => {
        const indexes = entries
          .filter((entry) => entry.isIntersecting)
          .map((entry) => Number(entry.target.getAttribute(LATER_SNIPPET_ATTRIBUTE)))
          .filter((index) => !asked.current.indexes.has(index));
        if (indexes.length === 0) return;
        for (const index of indexes) asked.current.indexes.add(index);
        api
          .cutSnippets({
            query: result.query,
            hits: indexes.map((i) => snippetRequest(result.hits[i]!)),
          })
          .then(
            (answered) =>
              setCut((now) => {
                const merged = new Map(now?.for === result ? now.snippets : undefined);
                indexes.forEach((index, n) => merged.set(index, answered[n]!));
                return { for: result, snippets: merged };
              }),
            // The row keeps its title and stays usable; its snippet is only missing.
            () => undefined,
          );
      },
      { root, rootMargin: AHEAD },
    );
    waiting.forEach((element) => observer.observe(element));
    return () => observer.disconnect();
  }, [result, snippets, panel]);

  return snippets;
}

const noSnippets: ReadonlyMap<number, SearchSnippet> = new Map();

function snippetRequest(hit: SearchHit) {
  return {
    kind: hit.kind,
    id: hit.id,
    ...(hit.kind === 'source' && hit.versionNumber !== undefined
      ? { versionNumber: hit.versionNumber }
      : {}),
  };
}
