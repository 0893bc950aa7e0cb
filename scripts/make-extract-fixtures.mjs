// Makes the EPUB and Word fixtures of tests/unit/extract/{epub,docx}*.test.ts:
// real archives whose parts are written here by hand, zipped with fflate.
// The files are committed; run this only to regenerate them (the output is
// the same byte for byte):
//   node scripts/make-extract-fixtures.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(root, 'tests', 'fixtures');
const png = readFileSync(path.join(fixtures, 'pixel.png'));
// An SVG may carry scripts: the extractors must never embed one.
const svg = strToU8(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
);
// Fixed dates keep the archives identical from one run to the next.
const mtime = new Date('2024-01-01T00:00:00Z');

function write(folder, name, files) {
  mkdirSync(path.join(fixtures, folder), { recursive: true });
  const entries = Object.fromEntries(
    Object.entries(files).map(([file, content]) => [
      file,
      [typeof content === 'string' ? strToU8(content) : content, { mtime }],
    ]),
  );
  writeFileSync(path.join(fixtures, folder, name), zipSync(entries, { level: 9, mtime }));
}

// --- EPUB 3: a cover kept out of the reading order, a navigation document
// not in the spine, two chapters (the second in Persian, in a file whose name
// has a space), an image beside them, an SVG that must not be embedded.

const xhtml = (lang, title, body, dir = '') => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${lang}" lang="${lang}"${dir}>
<head><title>${title}</title><link rel="stylesheet" type="text/css" href="../styles/book.css"/></head>
<body>
${body}
</body>
</html>
`;

write('epub', 'two-rivers.epub', {
  // The first file, stored, as the EPUB container format requires.
  mimetype: [strToU8('application/epub+zip'), { level: 0, mtime }],
  'META-INF/container.xml': `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`,
  'OEBPS/content.opf': `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="en">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">urn:uuid:5b7f2f0e-1c1a-4d52-9a57-0d1f3c1e2a10</dc:identifier>
    <dc:title>Two Rivers</dc:title>
    <dc:creator id="author1">Layla Haddad</dc:creator>
    <dc:creator id="author2">Omid Karimi</dc:creator>
    <dc:language>en</dc:language>
    <dc:date>2023-11-02</dc:date>
    <dc:publisher>Delta Press</dc:publisher>
    <dc:description>&lt;p&gt;A short book about the &lt;em&gt;Tigris&lt;/em&gt; and the Euphrates.&lt;/p&gt;</dc:description>
    <meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="cover" href="text/cover.xhtml" media-type="application/xhtml+xml"/>
    <item id="ch1" href="text/chapter1.xhtml" media-type="application/xhtml+xml"/>
    <item id="ch2" href="text/chapter%202.xhtml" media-type="application/xhtml+xml"/>
    <item id="css" href="styles/book.css" media-type="text/css"/>
    <item id="delta" href="images/delta.png" media-type="image/png"/>
    <item id="diagram" href="images/diagram.svg" media-type="image/svg+xml"/>
  </manifest>
  <spine>
    <itemref idref="cover" linear="no"/>
    <itemref idref="ch1"/>
    <itemref idref="ch2"/>
  </spine>
</package>
`,
  'OEBPS/nav.xhtml': xhtml(
    'en',
    'Contents',
    `<nav epub:type="toc"><h1>Contents</h1><ol><li><a href="text/chapter1.xhtml">The Tigris</a></li><li><a href="text/chapter%202.xhtml">دجله و فرات</a></li></ol></nav>`,
  ),
  'OEBPS/text/cover.xhtml': xhtml('en', 'Cover', `<p>Cover page</p>`),
  'OEBPS/text/chapter1.xhtml': xhtml(
    'en',
    'The Tigris',
    `<section epub:type="chapter">
<h1>The Tigris</h1>
<p><a id="start"/>The river rises in the <em>Taurus</em> mountains and&#160;flows <strong>south-east</strong> for 1,850&#160;km.</p>
<figure><img src="../images/delta.png" alt="The delta at dawn"/><figcaption>The delta at dawn.</figcaption></figure>
<p>See the <a href="https://example.org/tigris">survey</a> and the <a href="javascript:alert(1)">map</a>.</p>
<p><img src="../images/diagram.svg" alt="Flow diagram"/></p>
<script>document.title = 'pwned'</script>
<p>Its floods <span/>shaped every city on its banks.</p>
</section>`,
  ),
  'OEBPS/text/chapter 2.xhtml': xhtml(
    'fa',
    'دجله و فرات',
    `<section epub:type="chapter">
<h1>دجله و فرات</h1>
<p>دو رود بزرگ از کوه‌های ترکیه سرچشمه می‌گیرند و در شط‌العرب به هم می‌پیوندند.</p>
<ul><li>دجله</li><li>فرات</li></ul>
</section>`,
    ' dir="rtl"',
  ),
  'OEBPS/styles/book.css': 'body { font-family: serif; }\n',
  'OEBPS/images/delta.png': png,
  'OEBPS/images/diagram.svg': svg,
});

// --- Word: the parts of a .docx a word processor writes, reduced to what
// the test needs: headings, a nested bulleted and a numbered list, a table,
// bold and italic, links (one javascript:), a PNG and an SVG, a right-to-left
// Persian paragraph, and the core properties.

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const contentTypes = (overrides) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="png" ContentType="image/png"/>
<Default Extension="svg" ContentType="image/svg+xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
${overrides}
</Types>
`;

const packageRels = (core) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>
${core ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' : ''}
</Relationships>
`;

const documentXml = (body) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}"
  xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
  xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
  xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">
<w:body>
${body}
<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>
</w:body>
</w:document>
`;

const run = (text, props = '') =>
  `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const paragraph = (content, props = '') =>
  `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${content}</w:p>`;
const styled = (style, text) => paragraph(run(text), `<w:pStyle w:val="${style}"/>`);
const listItem = (numId, level, text) =>
  paragraph(
    run(text),
    `<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>`,
  );
const cell = (text, bold = false) =>
  `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>${paragraph(run(text, bold ? '<w:b/>' : ''))}</w:tc>`;
const row = (cells, header = false) =>
  `<w:tr>${header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells.join('')}</w:tr>`;
const image = (relationship, id, description) => `<w:r><w:drawing>
<wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="${id}" name="Picture ${id}" descr="${description}"/>
<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">
<pic:pic><pic:nvPicPr><pic:cNvPr id="${id}" name="Picture ${id}"/><pic:cNvPicPr/></pic:nvPicPr>
<pic:blipFill><a:blip r:embed="${relationship}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>
<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>
</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;

const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/></w:style>
</w:styles>
`;

const level = (ilvl, format, text) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`;
const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}">
<w:abstractNum w:abstractNumId="0">${level(0, 'bullet', '•')}${level(1, 'bullet', '◦')}</w:abstractNum>
<w:abstractNum w:abstractNumId="1">${level(0, 'decimal', '%1.')}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>
`;

const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="${REL}/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="${REL}/image" Target="media/image1.png"/>
<Relationship Id="rId4" Type="${REL}/image" Target="media/image2.svg"/>
<Relationship Id="rId5" Type="${REL}/hyperlink" Target="https://example.org/delta-survey" TargetMode="External"/>
<Relationship Id="rId6" Type="${REL}/hyperlink" Target="javascript:alert(1)" TargetMode="External"/>
</Relationships>
`;

const report = documentXml(
  [
    styled('Title', 'River delta field report'),
    styled('Heading1', 'Findings'),
    paragraph(
      run('The marsh rose ') +
        run('four millimetres', '<w:b/>') +
        run(' a year, ') +
        run('faster than the sea', '<w:i/>') +
        run('. See the ') +
        `<w:hyperlink r:id="rId5">${run('survey', '<w:rStyle w:val="Hyperlink"/>')}</w:hyperlink>` +
        run(' and the ') +
        `<w:hyperlink r:id="rId6">${run('map', '<w:rStyle w:val="Hyperlink"/>')}</w:hyperlink>` +
        run('.'),
    ),
    listItem(1, 0, 'Sediment cores'),
    listItem(1, 1, 'Twelve stations'),
    listItem(1, 0, 'Water levels'),
    styled('Heading2', 'Method'),
    listItem(2, 0, 'Walk the transects'),
    listItem(2, 0, 'Read the poles'),
    `<w:tbl><w:tblPr><w:tblW w:w="6000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>
${row([cell('Station', true), cell('Rise (mm)', true)], true)}
${row([cell('North creek'), cell('4.1')])}
</w:tbl>`,
    paragraph(image('rId3', 1, 'Map of the delta')),
    paragraph(image('rId4', 2, 'Vector logo')),
    paragraph(run('مرداب هر سال چهار میلی‌متر بالا می‌آید.', '<w:rtl/>'), '<w:bidi/>'),
  ].join('\n'),
);

write('docx', 'field-report.docx', {
  '[Content_Types].xml': contentTypes(
    [
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
      '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>',
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
    ].join('\n'),
  ),
  '_rels/.rels': packageRels(true),
  'word/document.xml': report,
  'word/_rels/document.xml.rels': documentRels,
  'word/styles.xml': styles,
  'word/numbering.xml': numbering,
  'word/media/image1.png': png,
  'word/media/image2.svg': svg,
  'docProps/core.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Field report: the river delta</dc:title>
<dc:creator>Mina Rahimi</dc:creator>
<dc:language>en-GB</dc:language>
<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-05T09:30:00Z</dcterms:created>
</cp:coreProperties>
`,
});

// A Word file without core properties: its title is its first heading.
write('docx', 'untitled.docx', {
  '[Content_Types].xml': contentTypes(
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
  ),
  '_rels/.rels': packageRels(false),
  'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>
</Relationships>
`,
  'word/styles.xml': styles,
  'word/document.xml': documentXml(
    [
      paragraph(run('A note before the heading.')),
      paragraph(run('Minutes of the March meeting'), '<w:pStyle w:val="Heading1"/>'),
      paragraph(run('Present: everyone.')),
    ].join('\n'),
  ),
});
