/**
 * The three kinds of results and the SQL that finds and filters each: its FTS5
 * table, its rows, and what `tag:`, `site:`, `lang:`, `before:` and `after:` look at.
 * Sources are searched in their current versions, and with `version:all` in their
 * older ones too (`older`).
 */
import type { SearchHitKind } from '../../shared/api';
import type { SqlCondition } from '../db/sql';
import type { QueryFilter } from './parseQuery';

export interface SearchTarget {
  kind: SearchHitKind;
  fts: string;
  /**
   * Relevance, higher is better: negated bm25, a title word counting five body
   * words (bm25's weights follow the columns: body, then title, see migration
   * 010). It ranks rows of this kind only (see search.ts).
   */
  relevance: string;
  /** The rows searched; `s` is the source (of a passage), `n` the note. */
  from: string;
  /** Rows that may be shown at all: not in the trash (a passage's source neither). */
  visible: string;
  /** The id of the hit. */
  id: string;
  /** The FTS rowid of the row: `id`, or for an older version of a source the version's id. */
  ftsRowid: string;
  sourceId: string;
  title: string;
  /** The date `before:`/`after:` compare: a source's publication (else capture) date, a passage's creation, a note's last edit. */
  date: string;
  /** The version of the source whose text a source hit shows (NULL for other kinds). */
  versionId: string;
  /** That version's number for an older version of a source, else NULL. */
  versionNumber: string;
  /** The same kind of rows in the older versions of sources, searched with `version:all`. */
  older?: SearchTarget;
}

/**
 * A source in its older versions. A hit is the source (the filters look at it as
 * at the current one); its text and number are the version's. Its bm25 is from
 * another table than sources_fts's, but of the same kind of texts weighed the same
 * way, so the two rank together as the source hits.
 */
const olderVersionTarget: SearchTarget = {
  kind: 'source',
  fts: 'old_versions_fts',
  relevance: '-bm25(old_versions_fts, 1.0, 5.0)',
  from: 'source_versions v JOIN sources s ON s.id = v.source_id',
  visible: 'v.id IS NOT s.current_version_id AND s.deleted_at IS NULL',
  id: 's.id',
  ftsRowid: 'v.id',
  sourceId: 's.id',
  title: 's.title',
  date: 'COALESCE(s.published_at, s.captured_at)',
  versionId: 'v.id',
  versionNumber: 'v.version_number',
};

const sourceTarget: SearchTarget = {
  kind: 'source',
  fts: 'sources_fts',
  relevance: '-bm25(sources_fts, 1.0, 5.0)',
  from: 'sources s',
  visible: 's.deleted_at IS NULL',
  id: 's.id',
  ftsRowid: 's.id',
  sourceId: 's.id',
  title: 's.title',
  date: 'COALESCE(s.published_at, s.captured_at)',
  versionId: 's.current_version_id',
  versionNumber: 'NULL',
  older: olderVersionTarget,
};

const passageTarget: SearchTarget = {
  kind: 'passage',
  fts: 'passages_fts',
  relevance: '-bm25(passages_fts)',
  from: 'passages p JOIN sources s ON s.id = p.source_id',
  visible: 's.deleted_at IS NULL',
  id: 'p.id',
  ftsRowid: 'p.id',
  sourceId: 'p.source_id',
  title: 's.title',
  date: 'p.created_at',
  versionId: 'NULL',
  versionNumber: 'NULL',
};

const noteTarget: SearchTarget = {
  kind: 'note',
  fts: 'notes_fts',
  relevance: '-bm25(notes_fts, 1.0, 5.0)',
  from: 'notes n',
  visible: 'n.deleted_at IS NULL',
  id: 'n.id',
  ftsRowid: 'n.id',
  sourceId: 'NULL',
  title: 'n.title',
  date: 'n.updated_at',
  versionId: 'NULL',
  versionNumber: 'NULL',
};

/** The kinds the `type:` filters allow (all when there are none). */
export function targetsFor(filters: readonly QueryFilter[]): SearchTarget[] {
  const typeFilters = filters.filter((filter) => filter.key === 'type');
  const wanted = typeFilters.filter((filter) => !filter.negated).map((filter) => filter.kind);
  const unwanted = typeFilters.filter((filter) => filter.negated).map((filter) => filter.kind);
  return [sourceTarget, passageTarget, noteTarget].filter(
    (target) =>
      (wanted.length === 0 || wanted.includes(target.kind)) && !unwanted.includes(target.kind),
  );
}

/** The filters other than `type:` (which `targetsFor` applies) and `version:` (search.ts's). */
export type RowFilter = Exclude<QueryFilter, { key: 'type' | 'version' }>;

export function isRowFilter(filter: QueryFilter): filter is RowFilter {
  return filter.key !== 'type' && filter.key !== 'version';
}

/**
 * A filter as an SQL condition on the target's rows. Where a filter does not apply
 * (notes have no site or language) it matches nothing, and its negation everything.
 */
export function filterCondition(target: SearchTarget, filter: RowFilter): SqlCondition {
  const condition = positiveCondition(target, filter);
  // COALESCE: a missing site or language is "not that one", never unknown.
  const sql = `COALESCE((${condition.sql}), 0)`;
  return { sql: filter.negated ? `NOT ${sql}` : sql, params: condition.params };
}

function positiveCondition(target: SearchTarget, filter: RowFilter): SqlCondition {
  const ofSource = target.kind !== 'note';
  switch (filter.key) {
    case 'tag':
      return {
        sql: ofSource
          ? `EXISTS (SELECT 1 FROM source_tags st JOIN tags t ON t.id = st.tag_id
                     WHERE st.source_id = s.id AND t.name = ?)`
          : `EXISTS (SELECT 1 FROM note_tags nt JOIN tags t ON t.id = nt.tag_id
                     WHERE nt.note_id = n.id AND t.name = ?)`,
        params: [filter.value],
      };
    case 'site': {
      // The site's name, or the host of its address or a subdomain of it.
      const host = escapeLike(filter.value);
      return ofSource
        ? {
            sql: `s.site = ? COLLATE NOCASE OR s.url || '/' LIKE ? ESCAPE '\\'
                  OR s.url || '/' LIKE ? ESCAPE '\\'`,
            params: [filter.value, `%://${host}/%`, `%://%.${host}/%`],
          }
        : { sql: '0', params: [] };
    }
    case 'lang':
      // lang:en also finds en-GB.
      return ofSource
        ? {
            sql: `s.lang = ? COLLATE NOCASE OR s.lang LIKE ? ESCAPE '\\'`,
            params: [filter.value, `${escapeLike(filter.value)}-%`],
          }
        : { sql: '0', params: [] };
    case 'before':
    case 'after':
      // ISO dates compare as text; cut to the filter's precision, before:2024-03 means
      // before March 2024 and after:2024-03 after the end of March.
      return {
        sql: `substr(${target.date}, 1, ?) ${filter.key === 'before' ? '<' : '>'} ?`,
        params: [filter.date.length, filter.date],
      };
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
