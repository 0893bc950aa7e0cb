import type { SourceDetail, ValidArgs } from '../../shared/api';
import { DossierError } from '../../shared/errors';
import type { WritableDB } from '../db/openDatabase';
import { reindexSourceTitle } from '../search/searchIndex';
import { getSource } from './sourceQueries';

type SourceEdits = Omit<ValidArgs<'editSource'>, 'sourceId'>;

/** The `sources` column each editable field is stored in. */
const columnOf: Record<keyof SourceEdits, string> = {
  title: 'title',
  byline: 'byline',
  siteName: 'site',
  url: 'url',
  publishedAt: 'published_at',
  lang: 'lang',
  dir: 'dir',
};

/**
 * Renames a source or corrects its metadata, in one transaction: the fields
 * given are written (null clears one), the others stay. Only the source's row
 * changes, never a version's text; a new title is re-indexed at once so that
 * search finds the source by it, and no longer by the old one. The search
 * filters (`site:`, `lang:`, `before:`/`after:`) read these columns directly.
 */
export function editSource(db: WritableDB, args: ValidArgs<'editSource'>): SourceDetail {
  const { sourceId: id, ...edits } = args;
  const sourceId = Number(id);
  const given = (Object.keys(columnOf) as Array<keyof SourceEdits>).filter(
    (field) => edits[field] !== undefined,
  );
  return db
    .transaction(() => {
      const row = db.prepare('SELECT title FROM sources WHERE id = ?').get(sourceId) as
        | { title: string }
        | undefined;
      if (!row) throw new DossierError('not_found', `No source with id ${sourceId}`);
      if (edits.url) refuseAddressOfAnother(db, sourceId, edits.url);
      if (given.length > 0) {
        const assignments = given.map((field) => `${columnOf[field]} = ?`).join(', ');
        db.prepare(`UPDATE sources SET ${assignments} WHERE id = ?`).run(
          ...given.map((field) => edits[field] ?? null),
          sourceId,
        );
      }
      if (edits.title !== undefined && edits.title !== row.title) {
        reindexSourceTitle(db, sourceId);
      }
      return getSource(db, sourceId);
    })
    .immediate();
}

/**
 * A page imported again from its address becomes a new version of the source
 * that has it: two sources with one address would send it to the wrong one.
 */
function refuseAddressOfAnother(db: WritableDB, sourceId: number, url: string): void {
  const other = db
    .prepare('SELECT id, title FROM sources WHERE url = ? AND id != ? ORDER BY id LIMIT 1')
    .get(url, sourceId) as { id: number; title: string } | undefined;
  if (other) {
    throw new DossierError(
      'conflict',
      `Source #${other.id} (“${other.title}”) already has the address ${url}; a page imported again from it becomes a new version of that source.`,
    );
  }
}
