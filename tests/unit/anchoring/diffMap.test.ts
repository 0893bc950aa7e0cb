import { describe, expect, it } from 'vitest';
import { DiffMap } from '../../../src/core/anchoring/diffMap';
import { commonRuns } from '../../../src/core/anchoring/textDiff';

function mapOf(oldText: string, newText: string): DiffMap {
  return new DiffMap(commonRuns(oldText, newText));
}

/** Where old `part` lands in the new text, through the diff. */
function mapped(oldText: string, newText: string, part: string): string {
  const map = mapOf(oldText, newText);
  const start = oldText.indexOf(part);
  return newText.slice(map.mapOld(start, 'start'), map.mapOld(start + part.length, 'end'));
}

describe('the diff of two versions', () => {
  const oldText =
    'The storm hit the coast on Monday. Ferries stopped.\n\nThe port reopened on Friday.';

  it('maps offsets exactly through unchanged text', () => {
    const newText = `Breaking news.\n\n${oldText}\n\nMore later.`;
    expect(mapped(oldText, newText, 'Ferries stopped.')).toBe('Ferries stopped.');
    expect(mapOf(oldText, newText).insertedRegions()).toEqual([
      [0, 16],
      [16 + oldText.length, newText.length],
    ]);
  });

  it('keeps text inserted at a passage’s edge out of it, and an edited edge word in it', () => {
    const inserted = oldText.replace('Ferries stopped.', 'Ferries stopped. Trains too.');
    expect(mapped(oldText, inserted, 'Ferries stopped.')).toBe('Ferries stopped.');
    const edited = oldText.replace('Ferries stopped.', 'Boats stopped.');
    expect(mapped(oldText, edited, 'Ferries stopped.')).toBe('Boats stopped.');
    const inside = oldText.replace('on Monday', 'on Sunday');
    expect(mapped(oldText, inside, 'The storm hit the coast on Monday.')).toBe(
      'The storm hit the coast on Sunday.',
    );
  });

  it('maps a deleted passage to an empty range', () => {
    const newText = oldText.replace(' Ferries stopped.', '');
    const map = mapOf(oldText, newText);
    const start = oldText.indexOf('Ferries');
    expect(map.mapOld(start, 'start')).toBe(map.mapOld(start + 'Ferries stopped.'.length, 'end'));
  });

  it('does not count whitespace, quote marks, dashes or case as edits', () => {
    const before = 'He said "no" - twice.\n\nThen he left.';
    const after = 'He said “no” — twice.\n\n\nthen  he left.';
    expect(mapOf(before, after).insertedRegions()).toEqual([]);
    expect(mapped(before, after, 'Then he left.')).toBe('then  he left.');
  });

  it('reads a moved paragraph as deleted in one place and inserted in another', () => {
    const paragraphs = [
      'First paragraph here.',
      'Second one, a bit longer.',
      'Third and last one.',
    ];
    const before = paragraphs.join('\n\n');
    const after = [paragraphs[1], paragraphs[2], paragraphs[0]].join('\n\n');
    const map = mapOf(before, after);
    const regions = map.insertedRegions().map(([start, end]) => after.slice(start, end).trim());
    expect(regions).toEqual(['First paragraph here.']);
  });

  it('tells new text, the passage’s own old text and old text from elsewhere apart', () => {
    const before = 'Team Alpha won on Sunday.\n\nTeam Beta won on Saturday.\n\nThe end.';
    const after = 'Team Beta won on Saturday.\n\nTeam Gamma joined the league.\n\nThe end.';
    const map = mapOf(before, after);
    const alpha = [0, 'Team Alpha won on Sunday.'.length];
    const beta = after.indexOf('Team Beta');
    const betaSide = map.provenance(beta, beta + 26, alpha[0]!, alpha[1]!);
    expect(betaSide).toEqual({ inserted: 0, own: 0, foreign: 26 });
    const gamma = after.indexOf('Team Gamma');
    const gammaSide = map.provenance(gamma, gamma + 29, alpha[0]!, alpha[1]!);
    expect(gammaSide.inserted).toBe(29);
    const betaOwn = map.provenance(
      beta,
      beta + 26,
      before.indexOf('Team Beta'),
      before.indexOf('Team Beta') + 26,
    );
    expect(betaOwn).toEqual({ inserted: 0, own: 26, foreign: 0 });
  });

  it('does not pair two different sentences through the words they share', () => {
    const before = 'Intro.\n\nThe council approved the new budget for the schools. Outro.';
    const after = 'Intro.\n\nA storm damaged the roof of the town hall overnight. Outro.';
    const map = mapOf(before, after);
    const start = after.indexOf('A storm');
    const end = after.indexOf(' Outro');
    // Only the full stop the two sentences end with is common.
    expect(map.provenance(start, end, 0, 0).foreign).toBe(1);
  });

  it('gives up pairing texts with nothing in common, quickly', () => {
    const words = (seed: number) =>
      Array.from({ length: 20_000 }, (_, i) => `w${(i * 7919 + seed) % 10007}`).join(' ');
    const map = mapOf(words(1), words(2));
    expect(map.insertedRegions().length).toBeGreaterThan(0);
  });
});
