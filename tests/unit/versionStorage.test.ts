/**
 * Version texts and blocks as stored (src/core/versions/versionStorage.ts):
 * they come back exactly, a small original stands for most of its text, and
 * `dossier check` finds a stored text that no longer matches its hash.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/shared/documentModel';
import {
  MAX_DICTIONARY_BYTES,
  packBlocks,
  packText,
  unpackBlocks,
  unpackText,
} from '../../src/core/versions/versionStorage';
import { codePointCount } from '../../src/core/versions/storeVersion';
import { hasSampleArticle, sampleArticleFile, useTempCore } from './support/tempCore';

const texts = [
  '',
  'One line.',
  'Notes 📎 with 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 outside the BMP',
  'الخدمات العامة تعمل\n\nخدمات عامة',
  '人工智能的发展\n\n日本語のテキスト、カタカナ。',
];

describe('stored version texts', () => {
  it('come back exactly, alone or against an original', () => {
    for (const text of texts) {
      const length = codePointCount(text);
      const alone = packText(text, null);
      expect(alone.encoding).toBe('deflate');
      expect(unpackText(alone, length, () => Buffer.alloc(0))).toBe(text);
      const original = Buffer.from(`\ufeff${text}\r\n`);
      const against = packText(text, original);
      expect(against.encoding).toBe('deflate-original');
      if (text !== '') expect(against.data.length).toBeGreaterThan(0);
      expect(unpackText(against, length, () => original)).toBe(text);
    }
  });

  it('cost nothing beside an original they are the start of', () => {
    for (const text of texts) {
      const length = codePointCount(text);
      // What follows the text in its file (even bytes that are not UTF-8) is not part of it.
      for (const tail of [
        Buffer.from('\n'),
        Buffer.from('\n\n📎 more'),
        Buffer.from([0x80, 0xff]),
      ]) {
        const original = Buffer.concat([Buffer.from(text), tail]);
        const packed = packText(text, original);
        expect(packed).toEqual({ data: Buffer.alloc(0), encoding: 'deflate-original' });
        expect(unpackText(packed, length, () => original)).toBe(text);
      }
    }
    // However large the file: the text is read from it, never stored a second time.
    const long = 'The harbour master’s log. '.repeat(20_000);
    expect(packText(long, Buffer.from(`${long}\n`)).data.length).toBe(0);
  });

  it('use an original as dictionary only when it fits in deflate’s window', () => {
    const text = 'The harbour master’s log. '.repeat(2_000);
    expect(packText(text, Buffer.from(text).subarray(0, MAX_DICTIONARY_BYTES)).encoding).toBe(
      'deflate-original',
    );
    expect(packText(text, Buffer.from(`\ufeff${text}`)).encoding).toBe('deflate');
  });

  it('keep blocks with their marks, images and fields', () => {
    const blocks: Block[] = [
      { kind: 'title', start: 0, end: 12 },
      { kind: 'heading', level: 2, start: 14, end: 20, quoteDepth: 1 },
      {
        kind: 'paragraph',
        start: 22,
        end: 90,
        page: 3,
        marks: [
          { kind: 'strong', start: 22, end: 30 },
          { kind: 'link', start: 40, end: 52, href: 'https://example.org/a' },
        ],
      },
      {
        kind: 'image',
        start: 92,
        end: 92,
        src: null,
        alt: 'Quay',
        remoteUrl: 'https://x.test/q.png',
      },
      { kind: 'listItem', ordered: true, depth: 2, ordinal: 3, start: 92, end: 99 },
      { kind: 'tableCell', table: 1, row: 0, column: 1, header: true, start: 101, end: 104 },
    ];
    const text = 'x'.repeat(110);
    expect(unpackBlocks(packBlocks(blocks, text), text)).toEqual(blocks);
    expect(unpackBlocks(packBlocks([], ''), '')).toEqual([]);
  });

  it('store nothing for the blocks a plain text implies, and keep any others', () => {
    const text = 'Ferry times\n\nThe first leaves at six.\nThe last at ten.\n\nFares';
    const implied: Block[] = [
      { kind: 'title', start: 0, end: 11 },
      { kind: 'paragraph', start: 13, end: 54 },
      { kind: 'paragraph', start: 56, end: 61 },
    ];
    expect(packBlocks(implied, text)).toHaveLength(0);
    expect(unpackBlocks(Buffer.alloc(0), text)).toEqual(implied);
    const heading: Block[] = [
      implied[0]!,
      { kind: 'heading', level: 2, start: 13, end: 54 },
      implied[2]!,
    ];
    const marked: Block[] = [
      implied[0]!,
      { kind: 'paragraph', start: 13, end: 54, marks: [{ kind: 'strong', start: 13, end: 16 }] },
      implied[2]!,
    ];
    for (const blocks of [heading, marked, implied.slice(0, 2)]) {
      expect(packBlocks(blocks, text).length).toBeGreaterThan(0);
      expect(unpackBlocks(packBlocks(blocks, text), text)).toEqual(blocks);
    }
  });
});

describe('a notebook of compressed texts', () => {
  const notebook = useTempCore();

  it.skipIf(!hasSampleArticle)(
    'stores the sample article in a fraction of its size and reads it back whole',
    async () => {
      const bytes = fs.readFileSync(sampleArticleFile);
      const { sourceId } = await notebook.core.importFile({
        fileName: 'article.txt',
        contentBase64: bytes.toString('base64'),
      });
      const source = notebook.core.getSource({ sourceId });
      expect(source.text.length).toBeGreaterThan(1_000);
      expect(source.charCount).toBe([...source.text].length);
      const db = new Database(notebook.core.databaseFile, { readonly: true });
      try {
        const stored = db
          .prepare('SELECT length(text_data) + length(blocks_data) FROM source_versions')
          .pluck()
          .get() as number;
        // The original (kept as evidence) holds the text: the text itself costs little beside it.
        expect(stored).toBeLessThan(Buffer.byteLength(source.text) / 10);
      } finally {
        db.close();
      }
    },
  );

  it('is checked text by text against each hash, and a damaged text is named', async () => {
    const first = await notebook.core.importText({
      text: 'Ferry times\n\nThe first leaves at six.',
    });
    const second = await notebook.core.importText({ text: 'Tides\n\nHigh water at noon.' });
    expect(await notebook.core.checkNotebook({})).toMatchObject({ ok: true, problems: [] });

    const db = new Database(notebook.core.databaseFile);
    try {
      const swapped = packText('Ferry times\n\nThe first leaves at ten.', null);
      db.prepare(
        'UPDATE source_versions SET text_data = ?, text_encoding = ? WHERE source_id = ?',
      ).run(swapped.data, swapped.encoding, Number(first.sourceId));
      db.prepare("UPDATE source_versions SET text_data = x'00ff00ff' WHERE source_id = ?").run(
        Number(second.sourceId),
      );
    } finally {
      db.close();
    }
    const report = await notebook.core.checkNotebook({});
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(
            `^source ${first.sourceId}: version row \\d+: the text does not match its SHA-256`,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^source ${second.sourceId}: version row \\d+: its stored text or blocks cannot be decompressed`,
          ),
        ),
      ]),
    );
    expect(() => notebook.core.getSource({ sourceId: second.sourceId })).toThrow(
      expect.objectContaining({ code: 'damaged' }),
    );
  });
});
