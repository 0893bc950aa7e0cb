import { describe, expect, it } from 'vitest';
import { DossierError } from '../../../src/shared/errors';
import {
  normalizePresentationForms,
  restoreNonJoiners,
} from '../../../src/core/extract/pdf/arabicShaping';
import { pdfDocument } from '../../../src/core/extract/pdf/extractPdf';
import { hyphenEvidence, joinLines } from '../../../src/core/extract/pdf/lineJoining';
import type { PdfPageText, PdfTextItem } from '../../../src/core/extract/pdf/pdfContent';
import { layoutPdf } from '../../../src/core/extract/pdf/pdfLayout';
import { logicalOrder } from '../../../src/core/extract/pdf/pdfLineText';
import {
  languageTag,
  meaningfulTitle,
  pdfDateToIso,
} from '../../../src/core/extract/pdf/pdfMetadata';

// Synthetic pages, laid out as pdf.js reports them (y down from the top, baseline).

interface ItemSpec {
  x: number;
  y: number;
  size?: number;
  /** Defaults to half the font size per character. */
  width?: number;
  /** Degrees the text is turned, clockwise on the page. */
  angle?: number;
}

function item(str: string, { x, y, size = 10, width, angle = 0 }: ItemSpec): PdfTextItem {
  const cos = Math.cos((angle * Math.PI) / 180);
  const sin = Math.sin((angle * Math.PI) / 180);
  return {
    str,
    transform: [size * cos, size * sin, size * sin, -size * cos, x, y],
    width: width ?? [...str].length * size * 0.5,
    dir: 'ltr',
    fontName: 'f1',
  };
}

/** One item per line, each `pitch` below the last. */
function column(
  texts: readonly string[],
  { x = 50, y = 100, size = 10, pitch = 12 }: Partial<ItemSpec> & { pitch?: number } = {},
): PdfTextItem[] {
  return texts.map((text, index) => item(text, { x, y: y + index * pitch, size }));
}

function page(number: number, items: PdfTextItem[]): PdfPageText {
  return { number, width: 600, height: 800, items };
}

const noInfo = { pageCount: 1, title: null, author: null, creationDate: null, lang: null };

function texts(pages: PdfPageText[]): string[] {
  return layoutPdf(pages).map((draft) => draft.text);
}

describe('lines', () => {
  it('joins items on one baseline in page order, with a space only where there is a gap', () => {
    const items = [
      item('lm of silt', { x: 67, y: 100 }),
      item('A thin', { x: 20, y: 100 }),
      // "fi" drawn as a ligature of its own, flush against its neighbours.
      item('ﬁ', { x: 57, y: 100, width: 10 }),
      item('2', { x: 118, y: 96.5, size: 6 }),
      item('and more', { x: 124, y: 100 }),
    ];
    expect(texts([page(1, items)])).toEqual(['A thin film of silt2 and more']);
  });

  it('leaves out diagonal watermarks and reads a page turned sideways', () => {
    const turned = [
      item('Sideways text reads', { x: 500, y: 100, angle: 90 }),
      item('like any other page.', { x: 488, y: 100, angle: 90 }),
      item('DRAFT', { x: 200, y: 400, size: 60, angle: -45 }),
    ];
    expect(texts([page(1, turned)])).toEqual(['Sideways text reads like any other page.']);
  });
});

describe('paragraphs and headings', () => {
  it('breaks paragraphs at a wider gap and at an indented first line', () => {
    const items = [
      ...column(['First paragraph, line one,', 'and line two.'], { y: 100 }),
      ...column(['Second paragraph after a gap,', 'ending here.'], { y: 100 + 12 + 20 }),
      item('Third paragraph, indented,', { x: 65, y: 100 + 12 + 20 + 24 }),
      item('and its second line.', { x: 50, y: 100 + 12 + 20 + 36 }),
    ];
    expect(texts([page(1, items)])).toEqual([
      'First paragraph, line one, and line two.',
      'Second paragraph after a gap, ending here.',
      'Third paragraph, indented, and its second line.',
    ]);
  });

  it('tells headings by their larger type and goes on across pages when a line fills the column', () => {
    const body = (y: number) => column(['x'.repeat(60), 'y'.repeat(60), 'z'.repeat(60)], { y });
    const drafts = layoutPdf([
      page(1, [item('A Heading', { x: 50, y: 80, size: 16 }), ...body(100)]),
      page(2, [...column(['goes on here.'], { y: 100 }), ...column(['New one.'], { y: 130 })]),
    ]);
    expect(drafts.map(({ heading, page, text }) => ({ heading, page, text }))).toEqual([
      { heading: true, page: 1, text: 'A Heading' },
      {
        heading: false,
        page: 1,
        text: `${'x'.repeat(60)} ${'y'.repeat(60)} ${'z'.repeat(60)} goes on here.`,
      },
      { heading: false, page: 2, text: 'New one.' },
    ]);
  });
});

describe('bulleted lists', () => {
  it('makes list items of bulleted lines, their wrapped lines hanging under them', () => {
    const items = [
      ...column(['The main features are:'], { x: 50, y: 100 }),
      item('•', { x: 55, y: 112, width: 5 }),
      item('Speed, which matters most of all', { x: 65, y: 112 }),
      item('when the file is large.', { x: 65, y: 124 }),
      item('•', { x: 55, y: 136, width: 5 }),
      item('Safety.', { x: 65, y: 136 }),
      ...column(['A paragraph after the list.', 'It has two lines.'], { x: 50, y: 148 }),
    ];
    const drafts = layoutPdf([page(1, items)]);
    expect(drafts.map(({ listItem, text }) => ({ listItem, text }))).toEqual([
      { listItem: false, text: 'The main features are:' },
      { listItem: true, text: 'Speed, which matters most of all when the file is large.' },
      { listItem: true, text: 'Safety.' },
      { listItem: false, text: 'A paragraph after the list. It has two lines.' },
    ]);
    const document = pdfDocument({ info: noInfo, pages: [page(1, items)] }, 'list.pdf');
    expect(document.blocks[2]).toMatchObject({ kind: 'listItem', ordered: false, depth: 1 });
  });
});

describe('hyphenation', () => {
  const evidence = hyphenEvidence([
    'a long-term view of the measurement',
    'as in well-known cases',
  ]);

  it('joins a word broken at a line end when the document writes it whole', () => {
    expect(joinLines(['the meas-', 'urement was taken'], evidence)).toBe(
      'the measurement was taken',
    );
  });

  it('keeps the hyphen of a compound the document writes with one, or when unsure', () => {
    expect(joinLines(['a long-', 'term view'], evidence)).toBe('a long-term view');
    expect(joinLines(['a self-', 'contained unit'], evidence)).toBe('a self-contained unit');
    expect(joinLines(['the Anglo-', 'Dutch survey'], evidence)).toBe('the Anglo-Dutch survey');
    expect(joinLines(['COVID-', '19 cases'], evidence)).toBe('COVID-19 cases');
  });

  it('always drops a soft hyphen, and a break hyphen the document never uses inside a line', () => {
    expect(joinLines(['a frag\u00ad', 'ment'], evidence)).toBe('a fragment');
    const browser = hyphenEvidence(['obser\u2010', 'vation and long-', 'term']);
    expect(browser.breakHyphen).toBe('\u2010');
    expect(joinLines(['obser\u2010', 'vation'], browser)).toBe('observation');
    expect(joinLines(['a long-', 'term'], browser)).toBe('a long-term');
  });

  it('mends an unexplained break when the typesetter hyphenates words, unless both halves are words', () => {
    const tex = hyphenEvidence([
      'the library for the manipulation of structures and their management in',
      'a simple man-',
      'agement of struc-',
      'tures by the',
      'sets of words',
    ]);
    expect(tex.hyphenatesWords).toBe(true);
    expect(joinLines(['for DER manip-', 'ulation'], tex)).toBe('for DER manipulation');
    expect(joinLines(['these sets-', 'of words'], tex)).toBe('these sets-of words');
    expect(evidence.hyphenatesWords).toBe(false);
    expect(joinLines(['for DER manip-', 'ulation'], evidence)).toBe('for DER manip-ulation');
  });

  it('joins lines of Chinese or Japanese without a space, and closes up dashes', () => {
    expect(joinLines(['潮汐の記録は', '泥の中に残る'], evidence)).toBe('潮汐の記録は泥の中に残る');
    expect(joinLines(['from 1990–', '1995'], evidence)).toBe('from 1990–1995');
  });
});

describe('running headers and footers', () => {
  const pageWith = (number: number, body: string[]) =>
    page(number, [
      item('Coastal Field Journal — Volume 12', { x: 150, y: 30, size: 8 }),
      ...column(body, { y: 100 }),
      item('Continued below', { x: 50, y: 400 }),
      ...column(['closing words of the page'], { y: 412 }),
      item(`Page ${number} of 3`, { x: 280, y: 770, size: 9 }),
    ]);

  it('drops lines repeated at the same place at the top or bottom of most pages', () => {
    const all = texts([pageWith(1, ['One.']), pageWith(2, ['Two.']), pageWith(3, ['Three.'])]).join(
      '\n',
    );
    expect(all).not.toContain('Coastal Field Journal');
    expect(all).not.toMatch(/Page \d/);
    // Repeated too, but amid the text.
    expect(all.match(/Continued below/g)).toHaveLength(3);
  });

  it("drops a chapter's running head set apart from the text, even on two pages only", () => {
    const chapterPage = (number: number, head: string, body: string) =>
      page(number, [
        item(head, { x: 50, y: 40 }),
        ...column([body, 'and more text below it.', 'The end of the page.'], { y: 100 }),
      ]);
    const all = texts([
      chapterPage(1, 'Chapter 1: Salt 1', 'First chapter begins.'),
      chapterPage(2, 'Chapter 1: Salt 2', 'First chapter goes on.'),
      chapterPage(3, 'Chapter 2: Mud 3', 'Second chapter begins.'),
      chapterPage(4, 'Chapter 2: Mud 4', 'Second chapter goes on.'),
      chapterPage(5, 'Chapter 3: Sand 5', 'The last chapter, one page long.'),
    ]).join('\n');
    expect(all.match(/Chapter \d:/g)).toEqual(['Chapter 3:']);
  });

  it('keeps chapter headings, larger than the text, at the same place on several pages', () => {
    const opening = (number: number) =>
      page(number, [
        item(`Chapter ${number}`, { x: 50, y: 60, size: 18 }),
        ...column([`Chapter ${number} begins here.`, 'It goes on.'], { y: 120 }),
      ]);
    expect(texts([1, 2, 3, 4].map(opening)).filter((text) => /^Chapter \d$/.test(text))).toEqual([
      'Chapter 1',
      'Chapter 2',
      'Chapter 3',
      'Chapter 4',
    ]);
  });

  it('drops a page number alone at the foot of a single page', () => {
    const single = page(1, [
      ...column(['Just one page of text.'], { y: 100 }),
      item('1', { x: 300, y: 770 }),
    ]);
    expect(texts([single])).toEqual(['Just one page of text.']);
  });
});

describe('columns', () => {
  const left = ['Left one starts the paper', 'and goes on down the', 'left column.'];
  const right = ['Right one follows after', 'the left column is', 'finished.'];

  it('reads the left column before the right one, under a full-width title', () => {
    const items = [
      item('A Paper Across Both Columns Of The Page And More', {
        x: 50,
        y: 60,
        size: 10,
        width: 500,
      }),
      ...column([...left, 'Second left paragraph', 'ends here.'], { x: 50, y: 100 }),
      ...column([...right, 'Second right paragraph', 'ends here too.'], { x: 320, y: 101 }),
    ];
    const read = texts([page(1, items)]);
    expect(read[0]).toBe('A Paper Across Both Columns Of The Page And More');
    expect(read.indexOf(read.find((text) => text.startsWith('Left one'))!)).toBeLessThan(
      read.indexOf(read.find((text) => text.startsWith('Right one'))!),
    );
    expect(read.join(' ')).toMatch(/Second left paragraph ends here\. Right one/);
  });

  it('reads the right column first in right-to-left text', () => {
    const line = (text: string, x: number, y: number, width = 200) =>
      item(text, { x: x + 200 - width, y, width });
    const items = [
      line('ראשון', 320, 100),
      line('שני', 320, 112),
      line('סוף.', 320, 124, 80),
      line('רביעי', 50, 100),
      line('חמישי', 50, 112),
      line('שישי', 50, 124),
    ];
    expect(texts([page(1, items)])).toEqual(['ראשון שני סוף.', 'רביעי חמישי שישי']);
  });

  it('does not split a single column whose lines are of uneven length', () => {
    const ragged = column(
      [
        'A short line',
        'A much longer line that runs across',
        'Short',
        'Medium length line here',
        'End',
        'Another long line of text to finish',
      ],
      { x: 50, y: 100 },
    );
    expect(texts([page(1, ragged)])).toHaveLength(1);
  });
});

describe('right-to-left lines', () => {
  it('reads items from the right, keeping embedded left-to-right words and numbers in their order', () => {
    // Logical: שלום לכם Dossier 2024 תודה — an LTR run inside a Hebrew line.
    const items = [
      item('תודה', { x: 50, y: 100, width: 20 }),
      item('Dossier', { x: 75, y: 100, width: 35 }),
      item('2024', { x: 115, y: 100, width: 20 }),
      item('לכם', { x: 140, y: 100, width: 15 }),
      // One word drawn letter by letter, leftmost letter first.
      item('ם', { x: 160, y: 100, width: 5 }),
      item('ו', { x: 165, y: 100, width: 5 }),
      item('ל', { x: 170, y: 100, width: 5 }),
      item('ש', { x: 175, y: 100, width: 5 }),
    ];
    expect(texts([page(1, items)])).toEqual(['שלום לכם Dossier 2024 תודה']);
  });

  it('keeps a Persian word in an English line in its own order', () => {
    const items = [
      item('The word', { x: 50, y: 100, width: 40 }),
      item('ﺏ', { x: 95, y: 100, width: 5 }),
      item('ﺎ', { x: 100, y: 100, width: 5 }),
      item('ﺘ', { x: 105, y: 100, width: 5 }),
      item('ﮐ', { x: 110, y: 100, width: 5 }),
      item('means book.', { x: 120, y: 100, width: 50 }),
    ];
    expect(texts([page(1, items)])).toEqual(['The word کتاب means book.']);
  });

  it('puts a vowel sign drawn on its own back after its letter', () => {
    // نامهٔ (ه with hamza above) drawn right to left, the hamza a zero-width item of its own.
    const items = [
      item('ﻪ', { x: 50, y: 100, width: 7 }),
      item(' \u0654', { x: 51, y: 97.8, width: 0 }),
      item('ﻣ', { x: 57, y: 100, width: 7 }),
      item('ﺎ', { x: 64, y: 100, width: 4 }),
      item('ﻧ', { x: 68, y: 100, width: 4 }),
    ];
    expect(texts([page(1, items)])).toEqual(['نامه\u0654']);
  });

  it('orders runs of the other direction back', () => {
    const token = (text: string, direction: 'L' | 'R' | 'N') => ({ text, direction });
    const visual = [
      token('C', 'R'),
      token(' ', 'N'),
      token('x', 'L'),
      token(' ', 'N'),
      token('y', 'L'),
      token(' ', 'N'),
      token('B', 'R'),
      token('A', 'R'),
    ];
    expect(
      logicalOrder(visual, true)
        .map((t) => t.text)
        .join(''),
    ).toBe('AB x y C');
  });
});

describe('Arabic shapes', () => {
  it('restores the zero-width non-joiners the shapes show, then plain letters', () => {
    // کتابخانه‌ها as shaped glyphs: final ه then initial ه.
    const shaped = 'ﮐﺘﺎﺑﺨﺎﻧﻪﻫﺎ';
    expect(normalizePresentationForms(restoreNonJoiners(shaped))).toBe('کتابخانه\u200cها');
    // A plain letter among shapes stands for its isolated glyph: نرم‌افزار.
    expect(normalizePresentationForms(restoreNonJoiners('ﻧﺮمﺍﻓﺰﺍﺭ'))).toBe('نرم\u200cافزار');
  });

  it('leaves text alone when it says nothing about joining', () => {
    expect(restoreNonJoiners('میخواهم')).toBe('میخواهم');
    // Only isolated shapes: a font that maps every glyph to its isolated form.
    expect(restoreNonJoiners('ﻙﺕﺏ')).toBe('ﻙﺕﺏ');
  });
});

describe('the document', () => {
  const info = noInfo;

  it('takes the title from the file name when the first page has no larger line', () => {
    const content = { info, pages: [page(1, column(['Only body text here.']))] };
    const document = pdfDocument(content, 'notes/field report.pdf');
    expect(document.title).toBe('field report');
    expect(document.blocks.map((block) => [block.kind, block.page])).toEqual([
      ['title', 1],
      ['paragraph', 1],
    ]);
  });

  it('puts a meaningful /Title first even when no line matches it', () => {
    const content = {
      info: { ...info, title: 'Annual Report' },
      pages: [page(1, column(['Body text.']))],
    };
    expect(pdfDocument(content, 'a.pdf').text).toBe('Annual Report\n\nBody text.');
  });

  it('refuses a PDF whose pages hold no text, or only characters no font explains', () => {
    const empty = { info, pages: [page(1, [])] };
    expect(() => pdfDocument(empty, 'scan.pdf')).toThrow(DossierError);
    expect(() => pdfDocument(empty, 'scan.pdf')).toThrow(/scan\.pdf has no text layer/);
    const privateUse = { info, pages: [page(1, column(['\ue001\ue002\ue003 \ue004\ue005']))] };
    expect(() => pdfDocument(privateUse, 'odd.pdf')).toThrow(/fonts do not say which letters/);
  });
});

describe('what the PDF says about itself', () => {
  it('believes a /Title only when it names the document', () => {
    expect(meaningfulTitle('Reading the Salt Marsh')).toBe('Reading the Salt Marsh');
    expect(meaningfulTitle('Microsoft Word - Field notes 2024')).toBe('Field notes 2024');
    for (const title of [
      'Microsoft Word - scripted.docx',
      'paper.html',
      'about:blank',
      'Untitled',
      'C:\\work\\draft',
      '  ',
      null,
    ]) {
      expect(meaningfulTitle(title)).toBeNull();
    }
  });

  it('reads PDF dates as ISO 8601', () => {
    expect(pdfDateToIso("D:20240315093000+01'00'")).toBe('2024-03-15T09:30:00+01:00');
    expect(pdfDateToIso('D:20230102030405Z')).toBe('2023-01-02T03:04:05Z');
    expect(pdfDateToIso('D:20230102')).toBe('2023-01-02');
    expect(pdfDateToIso('D:2023')).toBe('2023');
    expect(pdfDateToIso('yesterday')).toBeNull();
    expect(languageTag('en-GB')).toBe('en-GB');
    expect(languageTag('English')).toBeNull();
  });
});
