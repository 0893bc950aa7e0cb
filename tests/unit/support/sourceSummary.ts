import type { SourceSummary } from '../../../src/shared/api';

let nextId = 1;

/** A library row as the core lists it: a web article with a fresh id, then `fields`. */
export function sourceSummary(fields: Partial<SourceSummary> = {}): SourceSummary {
  const id = String(nextId++);
  return {
    id,
    title: `Article ${id}`,
    kind: 'web',
    byline: null,
    siteName: null,
    url: null,
    publishedAt: null,
    lang: null,
    dir: null,
    capturedAt: '2025-01-01T00:00:00.000Z',
    passageCount: 0,
    charCount: 100,
    tags: [],
    collectionIds: [],
    deletedAt: null,
    ...fields,
  };
}
