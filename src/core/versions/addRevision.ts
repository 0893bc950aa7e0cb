import type { ImportedSource } from '../../shared/api';
import { DossierError } from '../../shared/errors';
import type { WritableDB } from '../db/openDatabase';
import { timestamp } from '../db/timestamp';
import { indexCurrentVersionAsOld, indexSource } from '../search/searchIndex';
import { searchKey } from '../search/searchKey';
import type { ExtractedDocument } from '../extract/extractedDocument';
import { fillMissingMetadata } from '../sources/sourceMetadata';
import { takeOutOfTrash } from '../trash/sourceTrash';
import { planReanchoring, storeAnchors } from './reanchorSource';
import {
  insertVersion,
  prepareVersion,
  type PreparedVersion,
  type VersionSource,
} from './storeVersion';

/**
 * Adds the text as the next version of a source, never rewriting the ones it
 * has, unless one of them already holds exactly this text (`duplicate`). The
 * new version becomes current, the source is searched under its text (the
 * version it replaces only with `version:all`), and
 * every passage of the source is re-anchored on it; metadata the source lacks
 * is taken from the new version (what it has, the analyst may have set). One transaction: the
 * version, its report, the passages' new anchors and the search index change
 * together or not at all. A source in the trash comes back: the analyst wants it again.
 * `prepared` is the version packed and hashed and `textKey` its text folded for
 * search, both before the write lock is taken.
 */
export function addRevision(
  db: WritableDB,
  sourceId: number,
  parsed: ExtractedDocument,
  source: VersionSource,
  prepared: PreparedVersion = prepareVersion(parsed, source.original),
  textKey: string = searchKey(parsed.text),
): ImportedSource {
  return db
    .transaction((): ImportedSource => {
      const existing = db
        .prepare(
          `SELECT s.title, max(v.version_number) AS lastNumber,
                  max(v.content_sha256 = ?) AS holdsText
           FROM sources s JOIN source_versions v ON v.source_id = s.id
           WHERE s.id = ? GROUP BY s.id`,
        )
        .get(prepared.sha256, sourceId) as
        | { title: string; lastNumber: number; holdsText: 0 | 1 }
        | undefined;
      if (!existing) throw new DossierError('not_found', `No source with id ${sourceId}`);
      takeOutOfTrash(db, sourceId);
      const { title } = existing;
      if (existing.holdsText) {
        return { status: 'duplicate', sourceId: String(sourceId), title, kind: parsed.kind };
      }

      const plan = planReanchoring(db, sourceId, parsed.text);
      const versionId = insertVersion(
        db,
        sourceId,
        existing.lastNumber + 1,
        parsed,
        source,
        timestamp(),
        plan.report,
        prepared,
      );
      indexCurrentVersionAsOld(db, sourceId);
      db.prepare('UPDATE sources SET current_version_id = ?, kind = ? WHERE id = ?').run(
        versionId,
        parsed.kind,
        sourceId,
      );
      fillMissingMetadata(db, sourceId, parsed.metadata);
      storeAnchors(db, versionId, plan.anchors);
      indexSource(db, sourceId, { title: searchKey(title), text: textKey });
      return {
        status: 'revised',
        sourceId: String(sourceId),
        kind: parsed.kind,
        title,
        versionId: String(versionId),
        report: plan.report,
      };
    })
    .immediate();
}
