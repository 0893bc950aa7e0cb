/**
 * A notebook at schema 7, the last to keep version texts as strings: a pasted
 * source, one from a small file and one from a file longer than deflate's window.
 */
import { deflateRawSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import type { Block } from '../../../src/shared/documentModel';
import { contentHash } from '../../../src/core/versions/storeVersion';
import { migrateToVersion } from './migrateToVersion';

export const schema7Texts = {
  pasted: 'Notes from the field 📎\n\nالخدمات العامة تعمل. Die Fähre fuhr um 6 Uhr.',
  fromFile: 'Harbour news\n\nThe ferry left at dawn, as it has every day since 1921.',
  long: `Annual report\n\n${Array.from({ length: 900 }, (_, i) => `Paragraph ${i}: tonnage and berths, revised.`).join('\n\n')}`,
};

/** The blocks the sources are stored with: a title, then paragraphs with a bold start. */
export function schema7Blocks(text: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  for (const paragraph of text.split('\n\n')) {
    const end = start + paragraph.length;
    blocks.push(
      blocks.length === 0
        ? { kind: 'title', start, end }
        : { kind: 'paragraph', start, end, marks: [{ kind: 'strong', start, end: start + 3 }] },
    );
    start = end + 2;
  }
  return blocks;
}

/** Brings `db` to schema 7 and fills it: sources 1, 2, 3 with versions 10, 20, 30. */
export function fillSchema7(db: Database.Database): void {
  migrateToVersion(db, 7);
  const insertOriginal = db.prepare(
    `INSERT INTO originals (id, sha256, byte_count, media_type, compression, data)
     VALUES (?, ?, ?, 'text/plain', 'deflate', ?)`,
  );
  const insertSource = db.prepare(
    'INSERT INTO sources (id, title, captured_at, current_version_id) VALUES (?, ?, ?, ?)',
  );
  const insertVersion = db.prepare(
    `INSERT INTO source_versions (id, source_id, version_number, text, blocks_json,
       content_sha256, extractor, created_at, original_id)
     VALUES (?, ?, 1, ?, ?, ?, 'plain-text@1', 't1', ?)`,
  );
  const { pasted, fromFile, long } = schema7Texts;
  const sources: Array<[number, string, string | null]> = [
    [1, pasted, null],
    [2, fromFile, `${fromFile}\r\n`],
    [3, long, `${long}\n`],
  ];
  db.transaction(() => {
    for (const [id, text, original] of sources) {
      if (original !== null) {
        const bytes = Buffer.from(original);
        insertOriginal.run(id, contentHash(original), bytes.length, deflateRawSync(bytes));
      }
      insertSource.run(id, `Source ${id}`, '2024-03-01T00:00:00.000Z', id * 10);
      insertVersion.run(
        id * 10,
        id,
        text,
        JSON.stringify(schema7Blocks(text)),
        contentHash(text),
        original === null ? null : id,
      );
    }
  })();
}
