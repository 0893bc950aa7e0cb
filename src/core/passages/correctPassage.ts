/**
 * The analyst's corrections after a new version: re-attaching a passage to words
 * of the current text, and confirming or rejecting a fuzzy attachment.
 */
import type { AnchorStatus, PassageView, ValidArgs } from '../../shared/api';
import { DossierError } from '../../shared/errors';
import type { WritableDB } from '../db/openDatabase';
import { timestamp } from '../db/timestamp';
import { indexPassage } from '../search/searchIndex';
import { readCurrentVersion } from '../sources/sourceQueries';
import { describeQuote } from './describeQuote';
import { passageRange } from './locateRange';
import { getPassage } from './passageViews';

/**
 * Attaches a passage to a range of its source's current version (tidied like a
 * new selection: whole graphemes, no surrounding whitespace). The analyst chose
 * these words, so the passage becomes exact there with score 1, and its quote
 * (exact, prefix, suffix) is re-described on the current text: the passage now
 * stands on them, is searched under them, and later versions re-anchor them. The
 * words it was first marked on stay in `original_exact` (notes written before may
 * quote them). Its id does not change, so every note's link keeps working.
 */
export function reattachPassage(
  db: WritableDB,
  { passageId, start, end }: ValidArgs<'reattachPassage'>,
): PassageView {
  const id = Number(passageId);
  return db
    .transaction((): PassageView => {
      const row = db
        .prepare('SELECT source_id, exact, original_exact, comment FROM passages WHERE id = ?')
        .get(id) as
        | {
            source_id: number;
            exact: string;
            original_exact: string | null;
            comment: string | null;
          }
        | undefined;
      if (!row) throw new DossierError('not_found', `No passage with id ${id}`);
      const version = readCurrentVersion(db, row.source_id);
      const [from, to] = passageRange(version.text, start, end);
      const quote = describeQuote(version.text, from, to);
      const firstWords = row.original_exact ?? row.exact;
      db.prepare(
        `UPDATE passages SET
           version_id = ?, exact = ?, prefix = ?, suffix = ?, start_utf16 = ?, end_utf16 = ?,
           anchor_version_id = ?, anchor_start_utf16 = ?, anchor_end_utf16 = ?,
           status = 'exact', anchor_score = 1, confirmed_at = NULL,
           suggestion_start_utf16 = NULL, suggestion_end_utf16 = NULL, suggestion_score = NULL,
           original_exact = ?
         WHERE id = ?`,
      ).run(
        version.id,
        quote.exact,
        quote.prefix,
        quote.suffix,
        from,
        to,
        version.id,
        from,
        to,
        firstWords === quote.exact ? null : firstWords,
        id,
      );
      indexPassage(db, id, quote.exact, row.comment);
      return getPassage(db, id);
    })
    .immediate();
}

/**
 * Confirms a fuzzy attachment (it stays fuzzy, with its score, and is shown as
 * confirmed until a new version re-anchors it) or rejects it: the passage becomes
 * an orphan whose suggestion is the place it was attached to, so it can still be
 * accepted later. Only a fuzzy passage can be reviewed (`conflict` otherwise).
 */
export function reviewPassage(
  db: WritableDB,
  { passageId, decision }: ValidArgs<'reviewPassage'>,
): PassageView {
  const id = Number(passageId);
  return db
    .transaction((): PassageView => {
      const status = db.prepare('SELECT status FROM passages WHERE id = ?').pluck().get(id) as
        | AnchorStatus
        | undefined;
      if (status === undefined) throw new DossierError('not_found', `No passage with id ${id}`);
      if (status !== 'fuzzy') {
        throw new DossierError(
          'conflict',
          `Passage ${id} is ${status === 'orphaned' ? 'an orphan' : status}, not a fuzzy attachment: only a fuzzy attachment can be confirmed or rejected.`,
        );
      }
      if (decision === 'confirm') {
        db.prepare('UPDATE passages SET confirmed_at = coalesce(confirmed_at, ?) WHERE id = ?').run(
          timestamp(),
          id,
        );
      } else {
        db.prepare(
          `UPDATE passages SET status = 'orphaned', confirmed_at = NULL,
             suggestion_start_utf16 = anchor_start_utf16, suggestion_end_utf16 = anchor_end_utf16,
             suggestion_score = anchor_score, anchor_start_utf16 = NULL, anchor_end_utf16 = NULL
           WHERE id = ?`,
        ).run(id);
      }
      return getPassage(db, id);
    })
    .immediate();
}
