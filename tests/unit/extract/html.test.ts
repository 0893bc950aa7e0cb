import { describe, expect, it } from 'vitest';

import type { Block, ImageBlock, InlineMark, TextBlock } from '../../../src/shared/documentModel';
import { DocumentBuilder } from '../../../src/core/extract/documentBuilder';
import type { ExtractedDocument } from '../../../src/core/extract/extractedDocument';
import {
  appendHtmlBlocks,
  type HtmlBlockOptions,
} from '../../../src/core/extract/html/appendHtmlBlocks';
import { extractHtml } from '../../../src/core/extract/html/extractHtml';
import { isoDate } from '../../../src/core/extract/html/pageMetadata';
import { parsePage } from '../../../src/core/extract/html/parsePage';
import { syncRefusal } from '../support/refusal';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** The blocks `appendHtmlBlocks` makes of an HTML fragment, each with its text. */
function blocksOf(html: string, options: HtmlBlockOptions = {}) {
  const builder = new DocumentBuilder();
  const numbering = appendHtmlBlocks(parsePage(html).body, builder, options);
  const { text, blocks } = builder.build();
  return {
    text,
    blocks: blocks.map((block) => ({ ...block, text: text.slice(block.start, block.end) })),
    numbering,
  };
}

function importPage(html: string, url?: string): ExtractedDocument {
  return extractHtml({ bytes: Buffer.from(html), fileName: 'page.html', ...(url ? { url } : {}) });
}

/** An article long enough for Readability to take it for one. */
const ARTICLE_BODY = Array.from(
  { length: 6 },
  (_, index) =>
    `<p>Paragraph ${index + 1} of the report: the river rose through the night, the ferries stopped at dawn, and the town council met at noon to decide what the harbour would do next about the flooding.</p>`,
).join('\n');

const textOf = (document: { text: string }, block: Block) =>
  document.text.slice(block.start, block.end);
const markedText = (text: string, mark: InlineMark) => text.slice(mark.start, mark.end);

describe('appendHtmlBlocks: structure', () => {
  it('makes headings and paragraphs, inline text of a container becoming a paragraph of its own', () => {
    const { blocks } = blocksOf(
      '<h1>Main  heading</h1><h3>Sub</h3><p>First <b>bold</b> and <em>soft</em> and <code>x()</code>.</p>' +
        '<div>Loose text<p>Inner paragraph</p>tail text</div><section><article>Deep <span>inline</span> text</article></section>',
    );
    expect(blocks.map((block) => [block.kind, block.text])).toEqual([
      ['heading', 'Main heading'],
      ['heading', 'Sub'],
      ['paragraph', 'First bold and soft and x().'],
      ['paragraph', 'Loose text'],
      ['paragraph', 'Inner paragraph'],
      ['paragraph', 'tail text'],
      ['paragraph', 'Deep inline text'],
    ]);
    expect(blocks.map((block) => (block.kind === 'heading' ? block.level : null))).toEqual([
      1,
      3,
      null,
      null,
      null,
      null,
      null,
    ]);
    const paragraph = blocks[2]!;
    expect(
      paragraph.kind === 'paragraph' &&
        paragraph.marks?.map((mark) => [
          mark.kind,
          paragraph.text.slice(mark.start - paragraph.start, mark.end - paragraph.start),
        ]),
    ).toEqual([
      ['strong', 'bold'],
      ['emphasis', 'soft'],
      ['code', 'x()'],
    ]);
  });

  it('numbers ordered items from start and value, counts reversed lists down, and nests lists by depth', () => {
    const { blocks } = blocksOf(
      '<ol start="3"><li>three</li><li value="7">seven<ul><li>dot<ol><li>deep</li></ol></li></ul></li><li>eight</li></ol>' +
        '<ol reversed><li>two</li><li>one</li></ol><ul><li><p>first line</p><p>second line</p></li></ul>',
    );
    expect(
      blocks.map((block) =>
        block.kind === 'listItem' ? [block.text, block.ordered, block.depth, block.ordinal] : null,
      ),
    ).toEqual([
      ['three', true, 1, 3],
      ['seven', true, 1, 7],
      ['dot', false, 2, undefined],
      ['deep', true, 3, 1],
      ['eight', true, 1, 8],
      ['two', true, 1, 2],
      ['one', true, 1, 1],
      ['first line\nsecond line', false, 1, undefined],
    ]);
  });

  it('gives the blocks inside block quotes their quote depth', () => {
    const { blocks } = blocksOf(
      '<blockquote><p>outer</p><blockquote><p>inner</p><ul><li>listed</li></ul></blockquote><p>outer again</p></blockquote><p>after</p>',
    );
    expect(blocks.map((block) => [block.text, block.quoteDepth])).toEqual([
      ['outer', 1],
      ['inner', 2],
      ['listed', 2],
      ['outer again', 1],
      ['after', undefined],
    ]);
  });

  it('keeps the whitespace of preformatted text and its line breaks', () => {
    const { blocks } = blocksOf(
      '<pre><code>function f() {\n    return  1;\n\n}</code></pre><p>a<br>b</p><div>one<br><br>two</div>',
    );
    expect(blocks.map((block) => [block.kind, block.text])).toEqual([
      ['preformatted', 'function f() {\n    return  1;\n\n}'],
      ['paragraph', 'a\nb'],
      ['paragraph', 'one'],
      ['paragraph', 'two'],
    ]);
    expect(blocks[0]!.kind === 'preformatted' && blocks[0]!.marks).toBeUndefined();
  });

  it('makes table cells with their table, row, column and header; a table inside a cell is its text', () => {
    const { blocks, numbering } = blocksOf(
      '<table><thead><tr><th>Name</th><th>Age</th></tr></thead><tbody>' +
        '<tr><td>Ann</td><td>31</td></tr><tr><td colspan="2">Both <table><tr><td>in</td><td>ner</td></tr></table></td><td>last</td></tr>' +
        '</tbody></table><table><tr><td>a</td><td>b</td></tr></table>',
      { firstTable: 4 },
    );
    expect(
      blocks.map((block) =>
        block.kind === 'tableCell'
          ? [block.text, block.table, block.row, block.column, block.header]
          : null,
      ),
    ).toEqual([
      ['Name', 4, 0, 0, true],
      ['Age', 4, 0, 1, true],
      ['Ann', 4, 1, 0, false],
      ['31', 4, 1, 1, false],
      ['Both\nin\nner', 4, 2, 0, false],
      ['last', 4, 2, 2, false],
      ['a', 5, 0, 0, false],
      ['b', 5, 0, 1, false],
    ]);
    expect(numbering.nextTable).toBe(6);
  });

  it('reads a table used for page layout as sections of the page', () => {
    const longText = 'Layout column text that goes on. '.repeat(40);
    const { blocks } = blocksOf(
      `<table role="presentation"><tr><td>Menu</td><td><h2>Story</h2><p>Body</p></td></tr></table>` +
        `<table><tr><td>side</td><td><p>${longText}</p></td></tr></table>`,
    );
    expect(blocks.map((block) => block.kind)).toEqual([
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
  });

  it('groups a figure: its images and caption share a figure number', () => {
    const { blocks, numbering } = blocksOf(
      `<figure><img src="${PNG}" alt="A  pixel"><img src="${PNG}" alt="Another"><figcaption>The <em>caption</em></figcaption></figure>` +
        `<p>Text</p><figure><figcaption>Second</figcaption><img src="https://example.org/b.jpg" alt="B"></figure>`,
      { firstFigure: 7 },
    );
    expect(
      blocks.map((block) => [
        block.kind,
        block.kind === 'image' || block.kind === 'caption' ? block.figure : null,
      ]),
    ).toEqual([
      ['image', 7],
      ['image', 7],
      ['caption', 7],
      ['paragraph', null],
      ['caption', 8],
      ['image', 8],
    ]);
    const first = blocks[0] as ImageBlock;
    expect(first).toMatchObject({
      src: PNG,
      alt: 'A pixel',
      start: blocks[2]!.start,
      end: blocks[2]!.start,
    });
    expect(first.remoteUrl).toBeUndefined();
    expect(blocks[2]!.text).toBe('The caption');
    expect(numbering.nextFigure).toBe(9);
  });

  it('leaves remote images as placeholders with an absolute address, and keeps only raster data URLs', () => {
    const svg = 'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+';
    const { blocks } = blocksOf(
      `<p>Before <img src="../img/photo.jpg" alt="Photo"> after</p>` +
        `<img srcset="/small.png 1x, /large.png 2x" alt="Set">` +
        `<img src="${svg}" alt="Vector">` +
        `<img src="javascript:alert(1)" alt="Script">` +
        `<img src="https://example.org/pixel.gif" width="1" height="1">` +
        `<img src="relative-without-alt.png"><p>end</p>`,
      { baseUrl: 'https://example.org/news/today/story.html' },
    );
    const images = blocks.filter(
      (block): block is ImageBlock & { text: string } => block.kind === 'image',
    );
    expect(images.map(({ src, alt, remoteUrl }) => ({ src, alt, remoteUrl }))).toEqual([
      { src: null, alt: 'Photo', remoteUrl: 'https://example.org/news/img/photo.jpg' },
      { src: null, alt: 'Set', remoteUrl: 'https://example.org/small.png' },
      { src: null, alt: 'Vector', remoteUrl: undefined },
      { src: null, alt: 'Script', remoteUrl: undefined },
      { src: null, alt: '', remoteUrl: 'https://example.org/news/today/relative-without-alt.png' },
    ]);
    // An image inside a paragraph goes before it; the paragraph stays whole.
    expect(blocks[0]!.kind).toBe('image');
    expect(blocks[1]!.text).toBe('Before after');
  });

  it('lets the caller resolve image references into embedded images, but only raster ones', () => {
    const parts: Record<string, string> = {
      'cid:photo': PNG,
      'cid:vector': 'data:image/svg+xml;base64,PHN2Zz4=',
    };
    const { blocks } = blocksOf(
      '<img src="cid:photo" alt="Part"><img src="cid:vector" alt="Vector part"><img src="https://example.org/x.png" alt="Web"><p>t</p>',
      { resolveImage: (src) => parts[src] ?? null },
    );
    expect(
      blocks
        .filter((block) => block.kind === 'image')
        .map((block) => [(block as ImageBlock).src, (block as ImageBlock).remoteUrl]),
    ).toEqual([
      [PNG, undefined],
      [null, undefined],
      [null, 'https://example.org/x.png'],
    ]);
  });

  it('skips what the page hides', () => {
    const { text } = blocksOf(
      '<p>shown</p><p hidden>hidden attribute</p><div aria-hidden="true">aria hidden</div>' +
        '<p style="color: red; display:none">display none</p><span style="visibility: hidden">invisible</span>' +
        '<dialog>closed dialog</dialog><div hidden="until-found">collapsed but real</div>',
    );
    expect(text).toBe('shown\n\ncollapsed but real');
  });
});

describe('appendHtmlBlocks: links', () => {
  it('keeps http, https and mailto links (relative ones resolved) and drops every other target, keeping the text', () => {
    const { blocks } = blocksOf(
      '<p><a href="https://example.org/a">web</a> <a href="http://example.org/b">plain</a> ' +
        '<a href="mailto:desk@example.org">mail</a> <a href="../c?q=1#top">relative</a> ' +
        '<a href="javascript:alert(1)">js</a> <a href=" JaVa&#x09;ScRiPt:alert(1)">js2</a> ' +
        '<a href="data:text/html,<script>alert(1)</script>">data</a> <a href="vbscript:msgbox(1)">vb</a> ' +
        '<a href="file:///etc/passwd">file</a> <a>no href</a></p>',
      { baseUrl: 'https://example.org/news/story' },
    );
    const paragraph = blocks[0] as TextBlock & { text: string };
    expect(paragraph.text).toBe('web plain mail relative js js2 data vb file no href');
    expect(
      paragraph.marks?.map((mark) => [
        markedText(paragraph.text, shiftBack(mark, paragraph.start)),
        mark.kind === 'link' && mark.href,
      ]),
    ).toEqual([
      ['web', 'https://example.org/a'],
      ['plain', 'http://example.org/b'],
      ['mail', 'mailto:desk@example.org'],
      ['relative', 'https://example.org/c?q=1#top'],
    ]);
  });

  it('drops relative links when there is no address to resolve them against', () => {
    const { blocks } = blocksOf('<p><a href="/about">About</a> <a href="#notes">notes</a></p>');
    expect(blocks[0]!.kind === 'paragraph' && blocks[0]!.marks).toBeUndefined();
  });
});

function shiftBack(mark: InlineMark, by: number): InlineMark {
  return { ...mark, start: mark.start - by, end: mark.end - by };
}

describe('parsePage', () => {
  it('gives pages without <html>, <head> or <body> the structure browsers give them', () => {
    const fragment = parsePage('<title>T</title><meta name="author" content="A"><p>para</p>text');
    expect(fragment.title).toBe('T');
    expect(fragment.body.innerHTML).toBe('<p>para</p>text');
    const headless = parsePage(
      '<!DOCTYPE html>\n<html lang="de">\n<title>T</title>\n<body dir="rtl">\n<p>a</p></body></html><script>late()</script>',
    );
    expect(headless.documentElement.getAttribute('lang')).toBe('de');
    expect(headless.body.getAttribute('dir')).toBe('rtl');
    expect(headless.body.textContent?.trim()).toMatch(/^a\s*late\(\)$/);
    expect(parsePage('just text').body.textContent).toBe('just text');
  });
});

describe('extractHtml', () => {
  it('imports an article: the title block first, not repeated, then the article', () => {
    const document = importPage(
      `<!DOCTYPE html><html><head><title>River report on the flood | The Daily</title></head><body>
       <nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
       <article><h1>River report on the flood</h1>${ARTICLE_BODY}</article>
       <footer>Copyright notice</footer></body></html>`,
    );
    expect(document.kind).toBe('web');
    expect(document.extractor).toBe('html-readability@1');
    expect(document.title).toBe('River report on the flood');
    expect(document.blocks[0]).toMatchObject({
      kind: 'title',
      start: 0,
      end: 'River report on the flood'.length,
    });
    expect(document.text.match(/River report/g)).toHaveLength(1);
    expect(document.blocks.filter((block) => block.kind === 'paragraph')).toHaveLength(6);
    expect(document.text).not.toMatch(/Copyright|Sport/);
  });

  it('reads the metadata of the whole page', () => {
    const document = importPage(
      `<!DOCTYPE html><html lang="en_GB" dir="ltr"><head>
       <title>Harbour closes - Coast News</title>
       <meta property="og:site_name" content="Coast News">
       <meta property="article:published_time" content="2024-02-03T10:15:00+01:00">
       <meta name="description" content="The quay closes for repairs.">
       <link rel="canonical" href="https://coast.example.org/2024/harbour">
       <base href="https://cdn.example.net/assets/">
       <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
         {"@type":"NewsArticle","headline":"Harbour closes","author":[{"@type":"Person","name":"Mira Stone"},{"name":"Jon Bell"}],"datePublished":"2024-02-03"}]}</script>
       </head><body><article><h1>Harbour closes</h1>${ARTICLE_BODY}<p><a href="more.html">More</a></p></article></body></html>`,
      'https://coast.example.org/news/item?id=1',
    );
    expect(document.metadata).toEqual({
      byline: 'Mira Stone, Jon Bell',
      siteName: 'Coast News',
      // JSON-LD's date comes first, as in Readability.
      publishedAt: '2024-02-03',
      lang: 'en-GB',
      dir: 'ltr',
      canonicalUrl: 'https://coast.example.org/2024/harbour',
      excerpt: 'The quay closes for repairs.',
    });
    // Relative links resolve against <base>, as the page's browser would.
    const link = document.blocks
      .flatMap((block) => ('marks' in block ? (block.marks ?? []) : []))
      .find((mark) => mark.kind === 'link');
    expect(link).toMatchObject({ href: 'https://cdn.example.net/assets/more.html' });
  });

  it('finds a byline, a date in <time> and a right-to-left direction in the text when the page does not say', () => {
    const paragraphs = Array.from(
      { length: 5 },
      () =>
        '<p>در روستای کوچکی در دامنهٔ البرز، معلمی بازنشسته خانهٔ قدیمی پدرش را به کتابخانه‌ای عمومی تبدیل کرده است و بچه‌ها هر روز به آنجا می‌آیند.</p>',
    ).join('');
    const document = importPage(
      `<html><head><title>کتابخانه‌ای در دل کوهستان</title><meta name="author" content="مریم احمدی">
       <link rel="canonical" href="javascript:alert(1)"></head>
       <body><article><p>Published <time datetime="2026-03-14">14 March</time></p>${paragraphs}</article></body></html>`,
    );
    expect(document.metadata).toMatchObject({
      byline: 'مریم احمدی',
      publishedAt: '2026-03-14',
      dir: 'rtl',
      canonicalUrl: null,
      lang: null,
    });
  });

  it('keeps every line of a page of lists and tables, but not its navigation, header or footer', () => {
    const document = importPage(
      `<html><head><title>Links</title></head><body><header><nav>Home · About</nav></header>
       <div><p>Ferry times.</p><ul><li>North quay 8:00</li><li>South quay 9:30</li></ul></div>
       <table><tr><th>Day</th><th>Boats</th></tr><tr><td>Monday</td><td>4</td></tr></table>
       <footer>Contact</footer></body></html>`,
    );
    expect(document.title).toBe('Links');
    expect(document.text).toBe(
      'Links\n\nFerry times.\n\nNorth quay 8:00\n\nSouth quay 9:30\n\nDay\n\nBoats\n\nMonday\n\n4',
    );
    expect(document.blocks.map((block) => block.kind)).toEqual([
      'title',
      'paragraph',
      'listItem',
      'listItem',
      'tableCell',
      'tableCell',
      'tableCell',
      'tableCell',
    ]);
  });

  it('takes the title from the file name when the page has none, and the page address as its canonical address', () => {
    const document = extractHtml({
      bytes: Buffer.from('<p>Only a line of text.</p>'),
      fileName: 'Saved notes.html',
      url: 'https://example.org/notes',
    });
    expect(document.title).toBe('Saved notes');
    expect(document.text).toBe('Saved notes\n\nOnly a line of text.');
    expect(document.metadata.canonicalUrl).toBe('https://example.org/notes');
  });

  it('resolves a relative canonical address against the page address, and links against the canonical one when that is all there is', () => {
    const fetched = importPage(
      `<html><head><link rel="canonical" href="/story"></head><body><p><a href="other">Other</a></p></body></html>`,
      'https://example.org/section/page?id=2',
    );
    expect(fetched.metadata.canonicalUrl).toBe('https://example.org/story');
    const saved = importPage(
      `<html><head><link rel="canonical" href="https://example.org/section/story"></head><body><p><a href="other">Other</a></p></body></html>`,
    );
    expect(saved.metadata.canonicalUrl).toBe('https://example.org/section/story');
    const link = saved.blocks.flatMap((block) => ('marks' in block ? (block.marks ?? []) : []))[0];
    expect(link).toMatchObject({ kind: 'link', href: 'https://example.org/section/other' });
  });

  it('drops a site name after a spaced dash from a <title>, not from a headline the page gives', () => {
    const page = (head: string) =>
      importPage(`<html><head>${head}</head><body><div>${ARTICLE_BODY}</div></body></html>`).title;
    expect(page('<title>Storm damage on the coast – Coast News</title>')).toBe(
      'Storm damage on the coast',
    );
    expect(
      page(
        '<title>Issue 85 — Weekly</title><meta property="og:title" content="Issue 85 — Weekly">',
      ),
    ).toBe('Issue 85 — Weekly');
  });
});

describe('isoDate', () => {
  it('keeps ISO dates, reads other written dates, and refuses what is no date', () => {
    expect(isoDate('2024-02-03')).toBe('2024-02-03');
    expect(isoDate('2024-02-03 10:15:00Z')).toBe('2024-02-03T10:15:00Z');
    expect(isoDate('2024/2/3')).toBe('2024-02-03');
    expect(isoDate('March 5, 2019')).toBe('2019-03-05');
    expect(isoDate('Tue, 05 Mar 2019 10:00:00 GMT')).toBe('2019-03-05T10:00:00.000Z');
    expect(isoDate('2024-13-45')).toBeNull();
    expect(isoDate('yesterday')).toBeNull();
    expect(isoDate('')).toBeNull();
  });
});

describe('hostile pages', () => {
  const ALLOWED_KINDS = new Set([
    'title',
    'paragraph',
    'preformatted',
    'heading',
    'listItem',
    'tableCell',
    'caption',
    'image',
  ]);
  const RASTER = /^data:image\/(?:png|jpeg|gif|webp|avif);base64,[A-Za-z0-9+/=]*$/;

  /** Nothing but text and the model's structure: allowed kinds, safe links, raster or no image data. */
  function expectOnlyText(document: ExtractedDocument): void {
    for (const block of document.blocks) {
      expect(ALLOWED_KINDS.has(block.kind)).toBe(true);
      if (block.kind === 'image') {
        expect(block.src === null || RASTER.test(block.src)).toBe(true);
        if (block.remoteUrl !== undefined) expect(block.remoteUrl).toMatch(/^https?:\/\//);
        continue;
      }
      for (const mark of block.marks ?? []) {
        expect(['strong', 'emphasis', 'code', 'link']).toContain(mark.kind);
        if (mark.kind === 'link') expect(mark.href).toMatch(/^(?:https?:\/\/|mailto:)/);
      }
    }
    const everything = JSON.stringify(document);
    for (const forbidden of [
      'onerror',
      'onclick',
      'onload',
      'alert(',
      'javascript:',
      'vbscript:',
      'srcdoc',
      '<script',
      '<img',
      '<iframe',
      '<svg',
      '<style',
      'pwned',
      'secret',
      '@import',
      'url(',
    ]) {
      expect(everything.toLowerCase()).not.toContain(forbidden);
    }
  }

  it('keeps only the text of a page full of script, handlers, frames, plugins, forms and styles', () => {
    const document = importPage(
      `<!DOCTYPE html><html><head><title>Harbour report</title>
       <meta http-equiv="refresh" content="0; url=https://attacker.invalid/refresh">
       <link rel="stylesheet" href="https://attacker.invalid/style.css">
       <style>@import url("https://attacker.invalid/import.css"); body { background: url(x.png) }</style>
       <script>window.pwned = 1</script></head>
       <body onload="pwned()"><article><h1>Harbour report</h1>
       <p onclick="pwned()" style="background-image: url('https://attacker.invalid/p.png')">The harbour authority said the northern quay would close for repairs after the winter storms damaged it badly.</p>
       ${ARTICLE_BODY}
       <p>Read the <a href="javascript:pwned()">report</a>, the <a href="data:text/html,<script>pwned()</script>">annex</a> and the <a href="https://example.org/harbour">harbour page</a>.</p>
       <img src="x" onerror="pwned()" alt="broken">
       <iframe srcdoc="<script>pwned()</script>"></iframe><iframe src="https://attacker.invalid/frame"></iframe>
       <object data="https://attacker.invalid/o.swf"><p>fallback pwned</p></object><embed src="https://attacker.invalid/e.swf">
       <svg><script>pwned()</script><foreignObject><p>svg pwned</p></foreignObject></svg>
       <form action="https://attacker.invalid/steal"><input name="q" value="secret"><textarea>secret</textarea><select><option>secret</option></select><button>secret</button></form>
       <template><p>template pwned</p></template>
       </article><script>pwned()</script></body></html>`,
    );
    expectOnlyText(document);
    expect(document.text).toContain('northern quay');
    expect(document.text).toContain('harbour page');
    const links = document.blocks.flatMap((block) => ('marks' in block ? (block.marks ?? []) : []));
    expect(links.filter((mark) => mark.kind === 'link')).toEqual([
      expect.objectContaining({ href: 'https://example.org/harbour' }),
    ]);
  });

  it.each([
    ['noscript', `<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>`],
    ['svg style', `<svg><style><img src=x onerror=alert(1)></style></svg>`],
    [
      'math',
      `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>`,
    ],
    ['template', `<template><img src=x onerror=alert(1)></template>`],
    ['textarea', `<textarea><img src=x onerror=alert(1)></textarea>`],
    ['comment', `<!--<img src=x onerror=alert(1)>-->`],
    ['noembed', `<noembed><img src=x onerror=alert(1)></noembed>`],
    ['iframe', `<iframe><img src=x onerror=alert(1)></iframe>`],
  ])('a mutation-XSS payload (%s) leaves nothing but text', (_, payload) => {
    const document = importPage(
      `<html><body><p>Intro paragraph.</p>${payload}<p>Closing paragraph.</p></body></html>`,
    );
    expectOnlyText(document);
    expect(document.text).toContain('Intro paragraph.');
    expect(document.text).toContain('Closing paragraph.');
  });

  it('treats elements named after object properties as unknown elements', () => {
    const { blocks } = blocksOf(
      '<constructor>one</constructor> <hasownproperty>two</hasownproperty> <x-three>three</x-three><p>four</p>',
    );
    expect(blocks.map((block) => [block.kind, block.text])).toEqual([
      ['paragraph', 'one two three'],
      ['paragraph', 'four'],
    ]);
  });

  it('keeps markup written as text visible as text', () => {
    const document = importPage('<p>Write &lt;b&gt;bold&lt;/b&gt; to embolden.</p>');
    expect(document.text).toContain('Write <b>bold</b> to embolden.');
    expect(document.blocks.some((block) => 'marks' in block && block.marks)).toBe(false);
  });

  it('reads HTML nested 100,000 elements deep without overflowing the stack', () => {
    const document = importPage('<div>'.repeat(100_000) + 'deep text');
    expect(document.text).toContain('deep text');
    const quotes = blocksOf(
      '<blockquote>'.repeat(1000) + 'quoted' + '<ul><li>'.repeat(1000) + 'item',
    );
    expect(
      quotes.blocks.map((block) => [
        block.text,
        block.quoteDepth,
        block.kind === 'listItem' ? block.depth : null,
      ]),
    ).toEqual([
      ['quoted', 32, null],
      ['item', 32, 32],
    ]);
  }, 60_000);

  it('refuses, before parsing, markup so deeply nested that parsing it would not end (20 MB of unclosed divs)', () => {
    const error = syncRefusal(() => importPage('<div>'.repeat(4_000_000)));
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/nests its elements too deeply/);
  });

  it('reads JSON-LD nested 200,000 deep or naming 300,000 authors, keeping a bounded byline', () => {
    const withJsonLd = (json: string) =>
      importPage(
        `<html><head><script type="application/ld+json">${json}</script></head><body><p>Text.</p></body></html>`,
      );
    expect(withJsonLd('['.repeat(200_000) + ']'.repeat(200_000)).metadata.byline).toBeNull();
    const authors = Array.from({ length: 300_000 }, (_, index) => ({ name: `Author ${index}` }));
    const crowded = withJsonLd(
      JSON.stringify({ '@type': 'NewsArticle', author: authors, datePublished: '2020-01-01' }),
    );
    expect(crowded.metadata.publishedAt).toBe('2020-01-01');
    expect(crowded.metadata.byline!.length).toBeLessThanOrEqual(500);
  });

  it('imports a paragraph of 1,000,000 characters on one line', () => {
    const line = 'lorem ipsum '.repeat(83_334).trim();
    const document = importPage(`<html><body><p>${line}</p></body></html>`);
    expect(textOf(document, document.blocks[1]!)).toBe(line);
    expect(line.length).toBeGreaterThanOrEqual(1_000_000);
  });
});
