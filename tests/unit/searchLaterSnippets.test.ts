/**
 * The search panel asks for snippets of the first screen of each group only;
 * the others are cut when scrolled to, and must be what one search cutting
 * every snippet gives.
 */
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../src/shared/api';
import { useTempCore } from './support/tempCore';

const notebook = useTempCore();

async function addHarbourLibrary(): Promise<void> {
  const { core } = notebook;
  for (let day = 1; day <= 12; day++) {
    const { sourceId } = await core.importText({
      title: `Log of day ${day}`,
      text: `Weather first. `.repeat(day) + `\n\nOn day ${day} the harbour pilot boarded at dawn.`,
    });
    if (day <= 4) core.markPassage({ sourceId: sourceId!, quote: `the harbour pilot boarded` });
  }
  core.createNote({ title: 'Pilots', text: 'Every harbour pilot we met boarded at dawn.' });
}

const request = (hit: SearchHit) => ({
  kind: hit.kind,
  id: hit.id,
  ...(hit.kind === 'source' && hit.versionNumber !== undefined
    ? { versionNumber: hit.versionNumber }
    : {}),
});

describe('snippets cut later', () => {
  it('are cut at once for the best hits of each kind only', async () => {
    await addHarbourLibrary();
    const hits = notebook.core.search({ query: 'harbour pilot', limit: 60, snippets: 2 });

    const byKind = (kind: SearchHit['kind']) => hits.filter((hit) => hit.kind === kind);
    expect(byKind('source')).toHaveLength(12);
    expect(byKind('passage')).toHaveLength(4);
    expect(byKind('note')).toHaveLength(1);
    for (const kind of ['source', 'passage', 'note'] as const) {
      const cut = byKind(kind).map((hit) => hit.snippet !== null);
      expect(cut).toEqual(cut.map((_, rank) => rank < 2));
    }
    for (const hit of hits.filter((hit) => hit.snippet === null)) {
      expect(hit.highlights).toEqual([]);
    }
  });

  it('are the snippets a search cutting every one gives, in the order asked', async () => {
    await addHarbourLibrary();
    const everyOne = notebook.core.search({ query: 'harbour pilot', limit: 60 });
    const firstOnly = notebook.core.search({ query: 'harbour pilot', limit: 60, snippets: 1 });
    expect(firstOnly.map((hit) => hit.id)).toEqual(everyOne.map((hit) => hit.id));

    const later = firstOnly.filter((hit) => hit.snippet === null).reverse();
    const cut = notebook.core.cutSnippets({ query: 'harbour pilot', hits: later.map(request) });
    expect(later.length).toBeGreaterThan(10);
    expect(cut).toEqual(
      later.map((hit) => {
        const full = everyOne.find((other) => other.kind === hit.kind && other.id === hit.id)!;
        return { snippet: full.snippet, highlights: full.highlights };
      }),
    );
    expect(cut.every(({ highlights }) => highlights.length > 0)).toBe(true);
  });

  it('cut a hit found in an older version from that version', async () => {
    const { core } = notebook;
    const { sourceId } = await core.importText({
      text: 'Ferry report\n\nThe ferry left at dawn with forty passengers.',
    });
    await core.importText({
      revisionOf: sourceId,
      text: 'Ferry report\n\nThe ferry left at noon with forty passengers.',
    });
    const [hit] = core.search({ query: 'dawn version:all', limit: 10, snippets: 0 });
    expect(hit).toMatchObject({ kind: 'source', versionNumber: 1, snippet: null });

    const [cut] = core.cutSnippets({ query: 'dawn version:all', hits: [request(hit!)] });
    expect(cut!.snippet).toContain('left at dawn');
    // The same source asked without a version: its current one.
    const [older, current] = core.cutSnippets({
      query: 'forty',
      hits: [request(hit!), { kind: 'source', id: sourceId! }],
    });
    expect(older!.snippet).toContain('left at dawn');
    expect(current!.snippet).toContain('left at noon');
  });

  it('give a hit gone meanwhile an empty snippet, and the others theirs', async () => {
    await addHarbourLibrary();
    const [kept] = notebook.core.search({ query: 'harbour', limit: 60, snippets: 0 });
    const cut = notebook.core.cutSnippets({
      query: 'harbour',
      hits: [{ kind: 'source', id: '999999' }, request(kept!)],
    });
    expect(cut[0]).toEqual({ snippet: '', highlights: [] });
    expect(cut[1]!.highlights.length).toBeGreaterThan(0);
  });
});
