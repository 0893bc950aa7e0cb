import { describe, expect, it } from 'vitest';
import { brokenReason, wordsInContext } from '../../src/renderer/notes/passageLink/previewContext';
import { useTempCore } from './support/tempCore';

const notebook = useTempCore();

const text = [
  'Harbour report',
  'The city council voted on Tuesday to approve a new ferry terminal on the eastern shore of the harbour.',
  'Opponents warned that construction could disturb the wetlands north of the site.',
].join('\n\n');

async function passageOn(quote: string) {
  const { core } = notebook;
  const { sourceId } = await core.importText({ text });
  const { passageId } = await core.markPassage({ sourceId, quote });
  return { sourceId, passageId };
}

describe("a passage link's preview", () => {
  it('shows the words around the passage from its own paragraph only', async () => {
    const { core } = notebook;
    const { sourceId, passageId } = await passageOn('approve a new ferry terminal');
    const context = wordsInContext(
      await core.getPassage({ passageId }),
      await core.getSource({ sourceId }),
    );
    expect(context).toEqual({
      before: 'The city council voted on Tuesday to ',
      words: 'approve a new ferry terminal',
      after: ' on the eastern shore of the harbour.',
    });
    expect(brokenReason(await core.getPassage({ passageId }))).toBeNull();
  });

  it('shows an orphan as it was marked, within its paragraph, and says it is broken', async () => {
    const { core } = notebook;
    const { sourceId, passageId } = await passageOn('construction could disturb the wetlands');
    await core.importText({
      text: text.replace(/Opponents warned.*/, 'Environmental groups will go to court.'),
      revisionOf: sourceId,
    });
    const orphan = await core.getPassage({ passageId });
    expect(orphan.status).toBe('orphaned');
    const context = wordsInContext(orphan, await core.getSource({ sourceId }));
    // Its paragraph began within the quote's context: nothing to cut there.
    expect(context).toEqual({
      before: 'Opponents warned that ',
      words: 'construction could disturb the wetlands',
      after: ' north of the site.',
    });
    expect(brokenReason(orphan)).toMatch(/^Broken link/);
  });

  it("cuts an orphan's context back to whole words inside a long paragraph", async () => {
    const { core } = notebook;
    const long = `Report\n\nAfter a long debate about tolls and timetables the opponents warned that construction could disturb the wetlands north of the site for many seasons to come.`;
    const { sourceId } = await core.importText({ text: long });
    const { passageId } = await core.markPassage({ sourceId, quote: 'construction could disturb' });
    await core.importText({ text: 'Report\n\nThe council met again.', revisionOf: sourceId });
    const context = wordsInContext(await core.getPassage({ passageId }), null);
    expect(context.before).toMatch(/^…\S.* warned that $/);
    expect(context.after).toMatch(/^ the wetlands .*\S…$/);
    expect(long).toContain(context.before.slice(1));
    expect(long).toContain(context.after.slice(0, -1));
  });

  it('says a link to a passage that no longer exists is broken', () => {
    expect(brokenReason(null)).toBe('Broken link: this passage no longer exists.');
  });
});
