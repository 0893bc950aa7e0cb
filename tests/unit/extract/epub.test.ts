import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractEpub } from '../../../src/core/extract/epub/extractEpub';
import { describeBlocks } from './convertedDocuments';
import { deflatedZeros, writeRawZip } from './zipBombs';
import { refusal } from '../support/refusal';

const fixtures = path.join(__dirname, '..', '..', 'fixtures');
/** Made by scripts/make-extract-fixtures.mjs. */
const twoRivers = readFileSync(path.join(fixtures, 'epub', 'two-rivers.epub'));
const pixel = readFileSync(path.join(fixtures, 'pixel.png'));

const CONTAINER = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`;

describe('extractEpub', () => {
  it('reads the package metadata and every linear chapter in spine order', async () => {
    const book = await extractEpub({ bytes: twoRivers, fileName: 'two-rivers.epub' });
    expect(book.kind).toBe('epub');
    expect(book.extractor).toBe('epub@1');
    expect(book.title).toBe('Two Rivers');
    expect(book.metadata).toEqual({
      byline: 'Layla Haddad, Omid Karimi',
      siteName: 'Delta Press',
      publishedAt: '2023-11-02',
      lang: 'en',
      dir: null,
      canonicalUrl: null,
      excerpt: 'A short book about the Tigris and the Euphrates.',
    });
    expect(describeBlocks(book)).toEqual([
      { kind: 'title', text: 'Two Rivers' },
      { kind: 'heading', level: 1, text: 'The Tigris' },
      {
        kind: 'paragraph',
        // `<a id="start"/>` is an empty anchor, not a link around the paragraph; &#160; stays a no-break space.
        text: 'The river rises in the Taurus mountains and\u00a0flows south-east for 1,850\u00a0km.',
        marks: [
          { kind: 'emphasis', text: 'Taurus' },
          { kind: 'strong', text: 'south-east' },
        ],
      },
      {
        kind: 'image',
        src: `data:image/png;base64,${pixel.toString('base64')}`,
        alt: 'The delta at dawn',
        figure: 1,
        text: '',
      },
      { kind: 'caption', figure: 1, text: 'The delta at dawn.' },
      {
        kind: 'paragraph',
        text: 'See the survey and the map.',
        marks: [{ kind: 'link', href: 'https://example.org/tigris', text: 'survey' }],
      },
      // An SVG is never embedded: a placeholder with its description.
      { kind: 'image', src: null, alt: 'Flow diagram', text: '' },
      { kind: 'paragraph', text: 'Its floods shaped every city on its banks.' },
      // The second chapter's file name has a space (percent-encoded in the package).
      { kind: 'heading', level: 1, text: 'دجله و فرات' },
      {
        kind: 'paragraph',
        text: 'دو رود بزرگ از کوه‌های ترکیه سرچشمه می‌گیرند و در شط‌العرب به هم می‌پیوندند.',
      },
      { kind: 'listItem', ordered: false, depth: 1, text: 'دجله' },
      { kind: 'listItem', ordered: false, depth: 1, text: 'فرات' },
    ]);
    // The cover (linear="no") and the navigation document (not in the spine) are left out.
    expect(book.text).not.toContain('Cover page');
    expect(book.text).not.toContain('Contents');
    expect(JSON.stringify(book)).not.toMatch(/javascript|pwned|<script/);
  });

  it('reads an EPUB 2 book: prefixed names, HTML entities, a title from its first heading', async () => {
    const bytes = zipSync({
      mimetype: [strToU8('application/epub+zip'), { level: 0 }],
      'META-INF/container.xml': strToU8(CONTAINER),
      'content.opf': strToU8(`<?xml version="1.0"?>
<opf:package xmlns:opf="http://www.idpf.org/2007/opf" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
<opf:metadata>
  <dc:creator opf:role="aut">Sara Nouri</dc:creator>
  <dc:date opf:event="modification">2020-01-01</dc:date>
  <dc:date opf:event="publication">2011-06-30</dc:date>
  <dc:language>ar</dc:language>
</opf:metadata>
<opf:manifest>
  <opf:item id="toc" href="toc.xhtml" media-type="application/xhtml+xml"/>
  <opf:item id="one" href="Text/One.xhtml" media-type="application/xhtml+xml"/>
  <opf:item id="pic" href="Images/Map.PNG" media-type="image/png"/>
</opf:manifest>
<opf:spine toc="ncx" page-progression-direction="rtl"><opf:itemref idref="one"/><opf:itemref idref="toc" linear="no"/></opf:spine>
</opf:package>`),
      'toc.xhtml': strToU8('<html><body><p>Table of contents</p></body></html>'),
      // Written on a case-insensitive disk: the file names differ in case from the package's.
      'text/one.xhtml': strToU8(`<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title><style>p { color: red }</style></head>
<body><h1>Al&nbsp;Nahr &amp; al&#8209;Bahr</h1>
<p>Caf&eacute; &lt;by&gt; the&nbsp;river&hellip; &unknownentity;</p>
<p><img src="../images/map.png" alt="Map"/><![CDATA[ A <raw> section. ]]></p>
</body></html>`),
      'images/map.png': pixel,
    });
    const book = await extractEpub({ bytes, fileName: 'river.epub' });
    // A title is one clean line: its no-break space is a space.
    expect(book.title).toBe('Al Nahr & al\u2011Bahr');
    expect(book.metadata).toMatchObject({
      byline: 'Sara Nouri',
      publishedAt: '2011-06-30',
      lang: 'ar',
      dir: 'rtl',
    });
    expect(describeBlocks(book)).toEqual([
      { kind: 'title', text: 'Al Nahr & al\u2011Bahr' },
      { kind: 'paragraph', text: 'Café <by> the\u00a0river… &unknownentity;' },
      {
        kind: 'image',
        src: `data:image/png;base64,${pixel.toString('base64')}`,
        alt: 'Map',
        text: '',
      },
      { kind: 'paragraph', text: 'A <raw> section.' },
    ]);
  });

  it('says so when a zip is not an EPUB book', async () => {
    const bytes = zipSync({ 'word/document.xml': strToU8('<w:document/>') });
    const error = await refusal(extractEpub({ bytes, fileName: 'report.epub' }));
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe(
      'report.epub is not an EPUB book: it has no META-INF/container.xml. It may be another kind of zip archive.',
    );
  });

  it('refuses a zip bomb dressed as an EPUB, quickly', async () => {
    const opf = `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">
<metadata/><manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="c"/></spine></package>`;
    const stored = (name: string, text: string) => ({
      name,
      packed: strToU8(text),
      method: 0 as const,
      declaredSize: strToU8(text).length,
    });
    const bytes = writeRawZip([
      stored('mimetype', 'application/epub+zip'),
      stored('META-INF/container.xml', CONTAINER),
      stored('content.opf', opf),
      // 1 GiB of zeros that the directory says is 10 kB.
      { name: 'c.xhtml', packed: deflatedZeros(1024), method: 8, declaredSize: 10_000 },
    ]);
    const started = performance.now();
    const error = await refusal(extractEpub({ bytes, fileName: 'bomb.epub' }));
    expect(performance.now() - started).toBeLessThan(1500);
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/^bomb\.epub looks like a zip bomb/);
  });

  it('refuses chapters nested too deeply to parse, counting all chapters together', async () => {
    const chapter = `<html><body>${'<div>'.repeat(80_000)}deep${'</div>'.repeat(80_000)}</body></html>`;
    const manifest = [1, 2]
      .map((n) => `<item id="c${n}" href="c${n}.xhtml" media-type="application/xhtml+xml"/>`)
      .join('');
    const bytes = zipSync({
      'META-INF/container.xml': strToU8(CONTAINER),
      'content.opf': strToU8(
        `<package><metadata/><manifest>${manifest}</manifest><spine><itemref idref="c1"/><itemref idref="c2"/></spine></package>`,
      ),
      'c1.xhtml': strToU8(chapter),
      'c2.xhtml': strToU8(chapter),
    });
    const error = await refusal(extractEpub({ bytes, fileName: 'deep.epub' }));
    expect(error.message).toMatch(/^deep\.epub nests its elements too deeply to be read/);
    // In XML a paragraph stays open until it is closed: a million unclosed ones nest a million deep.
    const unclosed = zipSync({
      'META-INF/container.xml': strToU8(CONTAINER),
      'content.opf': strToU8(
        '<package><metadata/><manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/></spine></package>',
      ),
      'c.xhtml': strToU8(`<html><body>${'<p>x'.repeat(1_000_000)}</body></html>`),
    });
    const started = performance.now();
    expect((await refusal(extractEpub({ bytes: unclosed, fileName: 'p.epub' }))).message).toContain(
      'nests its elements too deeply',
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('stops when the import is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await refusal(
      extractEpub({ bytes: twoRivers, fileName: 'two-rivers.epub' }, controller.signal),
    );
    expect(error.code).toBe('cancelled');
  });
});
