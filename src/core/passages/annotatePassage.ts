import type { PassageView, ValidArgs } from '../../shared/api';
import { DossierError } from '../../shared/errors';
import type { WritableDB } from '../db/openDatabase';
import { indexPassage } from '../search/searchIndex';
import { getPassage } from './passageViews';

/** Sets a passage's colour and comment; its words and place never change here. */
export function annotatePassage(
  db: WritableDB,
  { passageId, color, comment }: ValidArgs<'annotatePassage'>,
): PassageView {
  const id = Number(passageId);
  return db
    .transaction((): PassageView => {
      const row = db.prepare('SELECT exact, color, comment FROM passages WHERE id = ?').get(id) as
        | { exact: string; color: string; comment: string | null }
        | undefined;
      if (!row) throw new DossierError('not_found', `No passage with id ${id}`);
      const newComment = comment === undefined ? row.comment : comment || null;
      db.prepare('UPDATE passages SET color = ?, comment = ? WHERE id = ?').run(
        color ?? row.color,
        newComment,
        id,
      );
      if (newComment !== row.comment) indexPassage(db, id, row.exact, newComment);
      return getPassage(db, id);
    })
    .immediate();
}
