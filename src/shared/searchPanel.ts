/**
 * What the search panel asks for: the best `limit` results, and snippets cut at
 * once for the best `snippets` of each kind — about a screenful of each group.
 * The others are cut as they are scrolled to (`cutSnippets`). The scale bench
 * asks the same, so it measures the search the analyst waits for.
 */
export const SEARCH_PANEL_REQUEST = { limit: 60, snippets: 10 } as const;

/** The most results one search returns: past them, the panel asks for a narrower query. */
export const MOST_SEARCH_RESULTS = 500;
