import type { MarkedPassage, ValidArgs } from '../../shared/api';
import type { WritableDB } from '../db/openDatabase';
import { timestamp } from '../db/timestamp';
import { indexPassage } from '../search/searchIndex';
import { readCurrentVersion } from '../sources/sourceQueries';
import { describeQuote } from './describeQuote';
import { findQuote, passageRange } from './locateRange';
import { defaultHighlightColor } from '../../shared/passages';

/**
 * Marks a passage of a source's current version, by offsets or by quote, with
 * a colour and a comment when given. Marking a range that is already a passage
 * returns that passage, unchanged.
 */
export function markPassage(db: WritableDB, args: ValidArgs<'markPassage'>): MarkedPassage {
  const sourceId = Number(args.sourceId);
  return db
    .transaction((): MarkedPassage => {
      const version = readCurrentVersion(db, sourceId);
      const [start, end] =
        'quote' in args
          ? passageRange(version.text, ...findQuote(version.text, args.quote, args.occurrence))
          : passageRange(version.text, args.start, args.end);

      const existing = db
        .prepare(
          `SELECT id FROM passages WHERE source_id = ? AND anchor_version_id = ?
             AND anchor_start_utf16 = ? AND anchor_end_utf16 = ?`,
        )
        .pluck()
        .get(sourceId, version.id, start, end) as number | undefined;
      if (existing !== undefined)
        return { passageId: String(existing), start, end, created: false };

      const quote = describeQuote(version.text, start, end);
      const comment = args.comment || null;
      const passageId = Number(
        db
          .prepare(
            `INSERT INTO passages (source_id, version_id, exact, prefix, suffix, start_utf16, end_utf16,
               anchor_version_id, anchor_start_utf16, anchor_end_utf16, status, created_at,
               color, comment)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'exact', ?, ?, ?)`,
          )
          .run(
            sourceId,
            version.id,
            quote.exact,
            quote.prefix,
            quote.suffix,
            start,
            end,
            version.id,
            start,
            end,
            timestamp(),
            args.color ?? defaultHighlightColor,
            comment,
          ).lastInsertRowid,
      );
      indexPassage(db, passageId, quote.exact, comment);
      return { passageId: String(passageId), start, end, created: true };
    })
    .immediate();
}
