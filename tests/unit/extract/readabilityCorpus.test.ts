/**
 * Every page of Mozilla Readability's test corpus is imported as a web page
 * and its text compared with Readability's expected article, word for word
 * (F1 over the multiset of lower-case words), and its title with the expected
 * title. No page is special-cased: the figures hold for pages never seen.
 */
import fs from 'node:fs';
import path from 'node:path';

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';

import { extractHtml } from '../../../src/core/extract/html/extractHtml';
import { corpusDir, corpusPageNames, hasCorpus } from '../support/corpusPages';

const MIN_F1 = 0.95;
const MIN_SHARE = 0.95;

/** Elements that do not break a line: everything else is a block boundary. */
const INLINE = new Set(
  'a abbr b bdi bdo big cite code data del dfn em font i ins kbd mark q s samp small span strike strong sub sup time tt u var wbr'.split(
    ' ',
  ),
);

/** The text of an HTML fragment as a reader sees it: block boundaries become spaces. */
function visibleText(html: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  // Nodes still to read, and the boundary written when an element's content ends.
  const pending: (Node | string)[] = [document.body];
  while (pending.length > 0) {
    const item = pending.pop()!;
    if (typeof item === 'string') parts.push(item);
    else if (item.nodeType === 3) parts.push(item.textContent ?? '');
    else if (item.nodeType === 1 && !/^(?:script|style)$/i.test(item.nodeName)) {
      const boundary = INLINE.has(item.nodeName.toLowerCase()) ? '' : ' ';
      parts.push(boundary);
      pending.push(boundary);
      for (let child = item.lastChild; child; child = child.previousSibling) pending.push(child);
    }
  }
  return parts.join('');
}

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

function wordF1(actual: string, expected: string): number {
  const got = wordCounts(actual);
  const want = wordCounts(expected);
  const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
  let common = 0;
  for (const [word, count] of got) common += Math.min(count, want.get(word) ?? 0);
  if (total(got) === 0 && total(want) === 0) return 1;
  if (common === 0) return 0;
  const precision = common / total(got);
  const recall = common / total(want);
  return (2 * precision * recall) / (precision + recall);
}

const normalise = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

interface PageResult {
  name: string;
  f1: number;
  titleRight: boolean;
  title: string;
  expectedTitle: string;
}

describe.skipIf(!hasCorpus)('Readability corpus (skipped: ../shared absent)', () => {
  it(`imports ≥ ${MIN_SHARE * 100}% of pages at word F1 ≥ ${MIN_F1} with the right title`, () => {
    const results: PageResult[] = corpusPageNames().map((name) => {
      const dir = path.join(corpusDir, name);
      const expected = JSON.parse(
        fs.readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8'),
      ) as { title: string | null };
      const document = extractHtml({
        bytes: fs.readFileSync(path.join(dir, 'source.html')),
        fileName: 'source.html',
      });
      // The expected article has no title block of its own: the title is compared on its own below.
      const titleBlock = document.blocks[0]!;
      const body = document.text.slice(titleBlock.end);
      const f1 = wordF1(
        body,
        visibleText(fs.readFileSync(path.join(dir, 'expected.html'), 'utf8')),
      );
      return {
        name,
        f1,
        titleRight: normalise(document.title) === normalise(expected.title),
        title: document.title,
        expectedTitle: normalise(expected.title),
      };
    });

    const goodText = results.filter((result) => result.f1 >= MIN_F1).length;
    const goodTitles = results.filter((result) => result.titleRight).length;
    const worst = [...results]
      .sort((a, b) => a.f1 - b.f1)
      .filter((result, index) => index < 8 || !result.titleRight);
    console.log(
      [
        `Readability corpus: ${goodText}/${results.length} pages at F1 ≥ ${MIN_F1}, ${goodTitles}/${results.length} titles right`,
        'page                              F1     title',
        ...worst.map(
          (result) =>
            `${result.name.padEnd(32)}  ${result.f1.toFixed(3)}  ${
              result.titleRight
                ? 'ok'
                : `${JSON.stringify(result.title)} ≠ ${JSON.stringify(result.expectedTitle)}`
            }`,
        ),
      ].join('\n'),
    );

    expect(results.length).toBeGreaterThan(0);
    expect(goodText / results.length).toBeGreaterThanOrEqual(MIN_SHARE);
    expect(goodTitles / results.length).toBeGreaterThanOrEqual(MIN_SHARE);
  });
});
