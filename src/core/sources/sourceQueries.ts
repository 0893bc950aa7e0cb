import type { PassageCount, SourceDetail, SourceSummary } from '../../shared/api';
import type { Block, SourceKind } from '../../shared/documentModel';
import { originalOfVersion } from '../originals/originals';
import { DossierError } from '../../shared/errors';
import type { ReadableDB } from '../db/openDatabase';
import { idIn } from '../db/sql';
import { listPassageViews, listPassageViewsOnVersion } from '../passages/passageViews';
import { listVersions, readVersion } from '../versions/versionQueries';
import { parseTagNames, taggedSources, tagNamesJsonSql } from '../tags/taggedKinds';
import { collectionIdsJsonSql, parseCollectionIds } from '../collections/collections';

interface SourceRow {
  id: number;
  title: string;
  kind: SourceKind;
  byline: string | null;
  site: string | null;
  url: string | null;
  published_at: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  captured_at: string;
  passage_count: number;
  char_count: number;
  /** JSON array of tag names. */
  tag_names: string;
  /** JSON array of collection ids. */
  collection_ids: string;
  deleted_at: string | null;
}

// char_count: characters (code points) of the current version, as stored with it.
const SELECT_SOURCE_SUMMARY = `
  SELECT s.id, s.title, s.kind, s.byline, s.site, s.url, s.published_at, s.lang, s.dir,
         s.excerpt, s.captured_at, s.deleted_at, v.text_length AS char_count,
         (SELECT count(*) FROM passages p WHERE p.source_id = s.id) AS passage_count,
         ${tagNamesJsonSql(taggedSources, 's.id')} AS tag_names,
         ${collectionIdsJsonSql('collection_sources', 'source_id', 's.id')} AS collection_ids
  FROM sources s JOIN source_versions v ON v.id = s.current_version_id`;

/** Every source outside the trash (or the `newest` of them), newest first. */
export function listSources(db: ReadableDB, newest?: number): SourceSummary[] {
  const rows = db
    .prepare(
      `${SELECT_SOURCE_SUMMARY} WHERE s.deleted_at IS NULL ORDER BY s.captured_at DESC, s.id DESC
       LIMIT ?`,
    )
    .all(newest ?? -1) as SourceRow[];
  return rows.map(toSourceSummary);
}

/** The summaries of those of `sourceIds` that exist outside the trash. */
export function listSummariesOf(db: ReadableDB, sourceIds: readonly number[]): SourceSummary[] {
  return [...readSourceSummaries(db, sourceIds).values()].filter(
    (summary) => summary.deletedAt === null,
  );
}

/** The passages of each source that has any: one pass over the passages' source index. */
export function listPassageCounts(db: ReadableDB): PassageCount[] {
  const rows = db
    .prepare('SELECT source_id, count(*) AS count FROM passages GROUP BY source_id')
    .raw()
    .all() as Array<[number, number]>;
  return rows.map(([sourceId, count]) => ({ sourceId: String(sourceId), passageCount: count }));
}

/** The sources of `sourceIds` that exist, in the trash or not, by id: one query for them all. */
export function readSourceSummaries(
  db: ReadableDB,
  sourceIds: readonly number[],
): Map<string, SourceSummary> {
  const wanted = idIn('s.id', sourceIds);
  const rows = db
    .prepare(`${SELECT_SOURCE_SUMMARY} WHERE ${wanted.sql}`)
    .all(...wanted.params) as SourceRow[];
  return new Map(rows.map((row) => [String(row.id), toSourceSummary(row)]));
}

/**
 * A source with the text of its current version and every passage, or with an
 * older version's text and the passages marked on that version.
 */
export function getSource(db: ReadableDB, sourceId: number, versionNumber?: number): SourceDetail {
  const row = db.prepare(`${SELECT_SOURCE_SUMMARY} WHERE s.id = ?`).get(sourceId) as
    | SourceRow
    | undefined;
  if (!row) throw new DossierError('not_found', `No source with id ${sourceId}`);
  const versions = listVersions(db, sourceId);
  const version = readVersion(db, sourceId, versionNumber);
  const isCurrent = version.number === versions.at(-1)?.number;
  return {
    ...toSourceSummary(row),
    versionId: String(version.id),
    versionNumber: version.number,
    versions,
    text: version.text,
    blocks: version.blocks,
    excerpt: row.excerpt,
    original: originalOfVersion(db, version.id),
    passages: isCurrent
      ? listPassageViews(db, sourceId)
      : listPassageViewsOnVersion(db, version.id),
  };
}

export interface CurrentVersion {
  id: number;
  text: string;
  blocks: Block[];
}

export function readCurrentVersion(db: ReadableDB, sourceId: number): CurrentVersion {
  const { id, text, blocks } = readVersion(db, sourceId);
  return { id, text, blocks };
}

function toSourceSummary(row: SourceRow): SourceSummary {
  return {
    id: String(row.id),
    title: row.title,
    kind: row.kind,
    byline: row.byline,
    siteName: row.site,
    url: row.url,
    publishedAt: row.published_at,
    lang: row.lang,
    dir: row.dir,
    capturedAt: row.captured_at,
    passageCount: row.passage_count,
    charCount: row.char_count,
    tags: parseTagNames(row.tag_names),
    collectionIds: parseCollectionIds(row.collection_ids),
    deletedAt: row.deleted_at,
  };
}
