import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractDocx } from '../../../src/core/extract/docx/extractDocx';
import { describeBlocks } from './convertedDocuments';
import { deflatedZeros, writeRawZip } from './zipBombs';
import { refusal } from '../support/refusal';

const fixtures = path.join(__dirname, '..', '..', 'fixtures');
/** Made by scripts/make-extract-fixtures.mjs. */
const fieldReport = readFileSync(path.join(fixtures, 'docx', 'field-report.docx'));
const untitled = readFileSync(path.join(fixtures, 'docx', 'untitled.docx'));
const pixel = readFileSync(path.join(fixtures, 'pixel.png'));

describe('extractDocx', () => {
  it('reads headings, lists, a table, marks, links and images, with the core properties', async () => {
    const report = await extractDocx({ bytes: fieldReport, fileName: 'field-report.docx' });
    expect(report.kind).toBe('docx');
    expect(report.extractor).toBe('docx-mammoth@1');
    expect(report.title).toBe('Field report: the river delta');
    expect(report.metadata).toEqual({
      byline: 'Mina Rahimi',
      siteName: null,
      publishedAt: '2024-03-05T09:30:00Z',
      lang: 'en-GB',
      dir: null,
      canonicalUrl: null,
      excerpt: null,
    });
    const cell = (row: number, column: number, text: string, header = false) => ({
      kind: 'tableCell',
      table: 1,
      row,
      column,
      header,
      text,
      ...(header ? { marks: [{ kind: 'strong', text }] } : {}),
    });
    expect(describeBlocks(report)).toEqual([
      { kind: 'title', text: 'Field report: the river delta' },
      // The paragraph styled Title differs from the core title, so it is kept.
      { kind: 'heading', level: 1, text: 'River delta field report' },
      { kind: 'heading', level: 1, text: 'Findings' },
      {
        kind: 'paragraph',
        text: 'The marsh rose four millimetres a year, faster than the sea. See the survey and the map.',
        marks: [
          { kind: 'strong', text: 'four millimetres' },
          { kind: 'emphasis', text: 'faster than the sea' },
          { kind: 'link', href: 'https://example.org/delta-survey', text: 'survey' },
        ],
      },
      { kind: 'listItem', ordered: false, depth: 1, text: 'Sediment cores' },
      { kind: 'listItem', ordered: false, depth: 2, text: 'Twelve stations' },
      { kind: 'listItem', ordered: false, depth: 1, text: 'Water levels' },
      { kind: 'heading', level: 2, text: 'Method' },
      { kind: 'listItem', ordered: true, depth: 1, ordinal: 1, text: 'Walk the transects' },
      { kind: 'listItem', ordered: true, depth: 1, ordinal: 2, text: 'Read the poles' },
      cell(0, 0, 'Station', true),
      cell(0, 1, 'Rise (mm)', true),
      cell(1, 0, 'North creek'),
      cell(1, 1, '4.1'),
      {
        kind: 'image',
        src: `data:image/png;base64,${pixel.toString('base64')}`,
        alt: 'Map of the delta',
        text: '',
      },
      // An SVG is never embedded: a placeholder with its description.
      { kind: 'image', src: null, alt: 'Vector logo', text: '' },
      { kind: 'paragraph', text: 'مرداب هر سال چهار میلی‌متر بالا می‌آید.' },
    ]);
    expect(JSON.stringify(report)).not.toContain('javascript');
  });

  it('takes the first heading as the title when the core properties name none', async () => {
    const minutes = await extractDocx({ bytes: untitled, fileName: 'untitled.docx' });
    expect(minutes.title).toBe('Minutes of the March meeting');
    expect(describeBlocks(minutes)).toEqual([
      { kind: 'title', text: 'Minutes of the March meeting' },
      { kind: 'paragraph', text: 'A note before the heading.' },
      { kind: 'paragraph', text: 'Present: everyone.' },
    ]);
  });

  it('says so when a zip is not a Word document', async () => {
    const error = await refusal(
      extractDocx({
        bytes: readFileSync(path.join(fixtures, 'epub', 'two-rivers.epub')),
        fileName: 'book.docx',
      }),
    );
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(
      /^book\.docx could not be read as a Word document \(.+\)\. Open it/,
    );
  });

  it('refuses a zip bomb dressed as a Word file before mammoth opens it', async () => {
    // The real document's parts, stored, beside a part that lies about its size.
    const parts = Object.entries(unzipSync(new Uint8Array(untitled))).map(([name, data]) => ({
      name,
      packed: data,
      method: 0 as const,
      declaredSize: data.length,
    }));
    const bytes = writeRawZip([
      ...parts,
      { name: 'word/media/filler.bin', packed: deflatedZeros(1024), method: 8, declaredSize: 5000 },
    ]);
    const started = performance.now();
    const error = await refusal(extractDocx({ bytes, fileName: 'bomb.docx' }));
    expect(performance.now() - started).toBeLessThan(1500);
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe(
      'bomb.docx looks like a zip bomb (word/media/filler.bin unpacks to more than the 5,000 bytes its directory declares); it was not imported.',
    );
  });

  it('says what is wrong with a file that is no zip at all', async () => {
    const error = await refusal(extractDocx({ bytes: strToU8('plain text'), fileName: 'a.docx' }));
    expect(error.message).toContain('a.docx is not a readable zip archive');
  });

  it('stops when the import is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await refusal(
      extractDocx({ bytes: fieldReport, fileName: 'field-report.docx' }, controller.signal),
    );
    expect(error.code).toBe('cancelled');
  });
});
