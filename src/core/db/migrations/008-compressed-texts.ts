import type { Block } from '../../../shared/documentModel';
import { DossierError } from '../../../shared/errors';
import { storedOriginalBytes } from '../../originals/originals';
import { codePointCount } from '../../versions/storeVersion';
import { packBlocks, packText, unpackText } from '../../versions/versionStorage';
import type { Migration } from './migration';

/**
 * Versions keep their text and blocks compressed (src/core/versions/versionStorage.ts):
 * `text_data` (UTF-8, raw deflate, against the original file when it is small,
 * as `text_encoding` says), `blocks_data`, and `text_length`, the text's length
 * in characters, which lists show without reading any text. `content_sha256`
 * stays the hash of the text, which `dossier check` verifies ever after; here each
 * packed text is decoded again before the old one is dropped, and a text that
 * would not come back the same stops the upgrade with the notebook unchanged.
 *
 * Existing versions are converted in batches of ids, so a notebook of long
 * articles is never read into memory at once. The old columns are dropped, and
 * the space they held is given back by a VACUUM once the upgrade is done.
 */
export const migration008CompressedTexts: Migration = {
  version: 8,
  name: 'compressed-texts',
  vacuumAfter: true,
  up(db) {
    db.exec(`
      ALTER TABLE source_versions ADD COLUMN text_data BLOB NOT NULL DEFAULT x'';
      ALTER TABLE source_versions ADD COLUMN text_encoding TEXT NOT NULL DEFAULT 'deflate'
        CHECK (text_encoding IN ('deflate', 'deflate-original'));
      ALTER TABLE source_versions ADD COLUMN blocks_data BLOB NOT NULL DEFAULT x'';
      ALTER TABLE source_versions ADD COLUMN text_length INTEGER NOT NULL DEFAULT 0;
    `);
    const batch = db
      .prepare(
        `SELECT v.id, v.text, v.blocks_json, o.compression, o.data
         FROM source_versions v LEFT JOIN originals o ON o.id = v.original_id
         WHERE v.id > ? ORDER BY v.id LIMIT 200`,
      )
      .raw();
    const update = db.prepare(
      `UPDATE source_versions
       SET text_data = ?, text_encoding = ?, blocks_data = ?, text_length = length(text)
       WHERE id = ?`,
    );
    for (let afterId = 0; ; ) {
      const rows = batch.all(afterId) as Array<
        [number, string, string, string | null, Buffer | null]
      >;
      for (const [id, text, blocksJson, compression, data] of rows) {
        const original = compression && data ? storedOriginalBytes({ compression, data }) : null;
        const packed = packText(text, original);
        const length = codePointCount(text);
        if (unpackText(packed, length, () => original ?? Buffer.alloc(0)) !== text) {
          throw new DossierError(
            'internal',
            `The text of version row ${id} did not survive compression; nothing was changed.`,
          );
        }
        update.run(
          packed.data,
          packed.encoding,
          packBlocks(JSON.parse(blocksJson) as Block[], text),
          id,
        );
      }
      const last = rows[rows.length - 1];
      if (!last) break;
      afterId = last[0];
    }
    db.exec(`
      ALTER TABLE source_versions DROP COLUMN text;
      ALTER TABLE source_versions DROP COLUMN blocks_json;
    `);
  },
};
