import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../../src/core/extract/extractedDocument';
import { extractMarkdown } from '../../../src/core/extract/markdown/extractMarkdown';
import { DossierError } from '../../../src/shared/errors';
import { describeBlocks as described } from './convertedDocuments';

const fixtures = path.join(__dirname, '..', '..', 'fixtures', 'markdown');

function fromFixture(name: string): ExtractedDocument {
  return extractMarkdown({ bytes: readFileSync(path.join(fixtures, name)), fileName: name });
}

function fromText(markdown: string, fileName = 'notes.md'): ExtractedDocument {
  return extractMarkdown({ bytes: new TextEncoder().encode(markdown), fileName });
}

describe('extractMarkdown', () => {
  const notes = fromFixture('field-notes.md');
  const blocks = described(notes);
  const find = (text: string) => blocks.find((block) => block.text === text);

  it('reads YAML front matter as the title and metadata, and does not repeat the title', () => {
    expect(notes.kind).toBe('markdown');
    expect(notes.extractor).toBe('markdown@1');
    expect(notes.title).toBe('Field notes from the delta');
    expect(blocks[0]).toEqual({ kind: 'title', text: 'Field notes from the delta' });
    expect(blocks.filter((block) => block.text === notes.title)).toHaveLength(1);
    expect(notes.metadata).toEqual({
      byline: 'Layla Haddad, Omid Karimi',
      siteName: null,
      publishedAt: '2024-03-05',
      lang: 'en-GB',
      dir: null,
      canonicalUrl: 'https://example.org/notes/delta',
      excerpt: 'Notes from a spring season on the salt marsh.',
    });
    expect(notes.text).not.toContain('canonical_url');
  });

  it('keeps inline marks and safe links; a javascript: link is left as its text', () => {
    expect(blocks[1]).toEqual({
      kind: 'paragraph',
      text: 'The marsh rose four millimetres a year, faster than the sea; see the survey, the map and core-12.\nA second line after a hard break.',
      marks: [
        { kind: 'strong', text: 'four millimetres' },
        { kind: 'emphasis', text: 'faster' },
        { kind: 'link', href: 'https://example.org/survey', text: 'survey' },
        { kind: 'code', text: 'core-12' },
      ],
    });
    expect(JSON.stringify(notes.blocks)).not.toContain('javascript');
  });

  it('reads headings and nested lists, an ordered list keeping its start', () => {
    expect(find('Stations')).toEqual({ kind: 'heading', level: 2, text: 'Stations' });
    expect(find('Code')).toEqual({ kind: 'heading', level: 3, text: 'Code' });
    const items = blocks.filter((block) => block.kind === 'listItem');
    expect(items).toEqual([
      { kind: 'listItem', ordered: true, depth: 1, ordinal: 1, text: 'North creek' },
      { kind: 'listItem', ordered: true, depth: 1, ordinal: 2, text: 'South creek' },
      { kind: 'listItem', ordered: false, depth: 2, text: 'inner marsh' },
      { kind: 'listItem', ordered: false, depth: 2, text: 'outer marsh' },
      { kind: 'listItem', ordered: true, depth: 3, ordinal: 1, text: 'pole A' },
      { kind: 'listItem', ordered: true, depth: 1, ordinal: 3, text: 'Harbour' },
      { kind: 'listItem', ordered: true, depth: 1, ordinal: 7, text: 'seventh' },
      { kind: 'listItem', ordered: true, depth: 1, ordinal: 8, text: 'eighth' },
    ]);
  });

  it('keeps a code fence as preformatted text, indentation and all', () => {
    expect(blocks.filter((block) => block.kind === 'preformatted')).toEqual([
      {
        kind: 'preformatted',
        text: 'def rise(mm_per_year, years):\n    return mm_per_year * years',
      },
    ]);
  });

  it('reads a GFM table cell by cell', () => {
    const cells = blocks
      .filter((block) => block.kind === 'tableCell')
      .map((cell) => [cell.row, cell.column, cell.header, cell.text]);
    expect(cells).toEqual([
      [0, 0, true, 'Station'],
      [0, 1, true, 'Rise (mm)'],
      [1, 0, false, 'North'],
      [1, 1, false, '4.1'],
      [2, 0, false, 'South'],
      [2, 1, false, '3.8'],
    ]);
  });

  it('keeps block quotes with their depth', () => {
    expect(find('The long record matters more than any single measurement.')).toMatchObject({
      kind: 'paragraph',
      quoteDepth: 1,
    });
    expect(find('Quoted inside a quote.')).toMatchObject({ kind: 'paragraph', quoteDepth: 2 });
  });

  it('sanitises raw HTML: no script, no event handler, text kept', () => {
    expect(notes.text).not.toContain('alert');
    expect(notes.text.endsWith('Raw HTML paragraph.')).toBe(true);
    expect(find('Raw HTML paragraph.')).toMatchObject({ kind: 'paragraph' });
    const image = blocks.find((block) => block.kind === 'image');
    expect(image).toEqual({ kind: 'image', src: null, alt: 'broken', text: '' });
    expect(JSON.stringify(notes)).not.toMatch(/onerror|onclick|<script/);
  });

  it('keeps text that raw HTML tries to put after the end of the document', () => {
    const escaped = fromText('# Notes\n\nBefore.\n\n</body></html>\n\nAfter the end.\n');
    expect(described(escaped).map((block) => block.text)).toEqual([
      'Notes',
      'Before.',
      'After the end.',
    ]);
  });

  it('refuses raw HTML nested so deeply that parsing it would take hours, quickly', () => {
    const started = performance.now();
    let error: unknown;
    try {
      fromText(`# Deep\n\n${'<div>'.repeat(1_000_000)}text`, 'deep.md');
    } catch (caught) {
      error = caught;
    }
    expect(performance.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(DossierError);
    expect((error as DossierError).message).toMatch(
      /^deep\.md nests its elements too deeply to be read \([\d,]+ levels at one point\); it was not imported\.$/,
    );
    // Deep, but within reason (and unclosed paragraphs, which close each other), is read.
    const nested = fromText(`# Nested\n\n${'<div>'.repeat(2000)}${'<p>line'.repeat(2000)}`);
    expect(nested.blocks).toHaveLength(2001);
  });

  it('reads TOML front matter; an address that is not http(s) is dropped', () => {
    const post = fromFixture('hugo-post.md');
    expect(post.title).toBe('Notes kept in TOML');
    expect(post.text).toBe('Notes kept in TOML\n\nیادداشت‌هایی از مرداب.');
    expect(post.metadata).toMatchObject({
      byline: 'Mina Rahimi',
      publishedAt: '2023-11-02T08:00:00.000Z',
      lang: 'fa',
      canonicalUrl: null,
    });
  });

  it('takes the first h1 as the title without repeating it, else the file name', () => {
    const headed = fromText('Intro line.\n\n# Minutes of *March*\n\nPresent: everyone.\n');
    expect(headed.title).toBe('Minutes of March');
    expect(described(headed).map((block) => [block.kind, block.text])).toEqual([
      ['title', 'Minutes of March'],
      ['paragraph', 'Intro line.'],
      ['paragraph', 'Present: everyone.'],
    ]);

    const untitled = fromText('## Only a second-level heading\n\nText.\n', 'meeting notes.md');
    expect(untitled.title).toBe('meeting notes');
    expect(described(untitled)[1]).toEqual({
      kind: 'heading',
      level: 2,
      text: 'Only a second-level heading',
    });
  });

  it('leaves front matter that does not parse in the text rather than dropping it', () => {
    const broken = fromText('---\ntitle: [unclosed\n---\n\nBody.\n');
    expect(broken.text).toContain('title: [unclosed');
    expect(broken.metadata.byline).toBeNull();

    // A "billion laughs" of aliases is refused by the YAML parser, quickly.
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 10; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      laughs.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const started = performance.now();
    const bomb = fromText(`---\n${laughs.join('\n')}\n---\n\n# Title\n`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(bomb.title).toBe('Title');
    expect(bomb.text).toContain('a: &a');
    expect(bomb.text.length).toBeLessThan(2000);
  });

  it('resolves relative links against the address a file was fetched from', () => {
    const fetched = extractMarkdown({
      bytes: new TextEncoder().encode('# Readme\n\nSee [the guide](docs/guide.md).\n'),
      fileName: 'README.md',
      url: 'https://example.org/project/README.md',
    });
    expect(described(fetched)[1]).toMatchObject({
      marks: [
        { kind: 'link', href: 'https://example.org/project/docs/guide.md', text: 'the guide' },
      ],
    });
    expect(fetched.metadata.canonicalUrl).toBe('https://example.org/project/README.md');
  });
});
