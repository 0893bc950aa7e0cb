/**
 * What an export says about each passage its notes link to: the passage's
 * quote, where it was marked (version, offsets, PDF page) and the source it
 * comes from. Read in two queries per batch of notes (the passages, then
 * their sources), not one per link.
 */
import type { SourceSummary } from '../../shared/api';
import type { Block } from '../../shared/documentModel';
import { pageAt } from '../../shared/pageAt';
import type { HighlightColor } from '../../shared/passages';
import type { ReadableDB } from '../db/openDatabase';
import { idIn } from '../db/sql';
import { readSourceSummaries } from '../sources/sourceQueries';
import { readVersionContent } from '../versions/versionQueries';

/** What an export says of a source: enough to cite it (CSL-JSON) and to point at it. */
export type CitedSource = Pick<
  SourceSummary,
  'id' | 'title' | 'kind' | 'byline' | 'siteName' | 'url' | 'publishedAt' | 'capturedAt' | 'lang'
>;

export interface CitedPassage {
  id: string;
  source: CitedSource;
  exact: string;
  prefix: string;
  suffix: string;
  /** The version the passage was marked on, and its offsets there (UTF-16 code units). */
  versionNumber: number;
  start: number;
  end: number;
  /** The start's PDF page in that version; null when the version has no pages. */
  page: number | null;
  /** The start and end in that version's text, counted in Unicode code points. */
  codePointStart: number;
  codePointEnd: number;
  comment: string | null;
  color: HighlightColor;
  /** The analyst's name for the colour; null when unnamed. */
  colorLabel: string | null;
  createdAt: string;
}

interface Row {
  id: number;
  exact: string;
  prefix: string;
  suffix: string;
  start_utf16: number;
  end_utf16: number;
  comment: string | null;
  color: HighlightColor;
  color_label: string | null;
  created_at: string;
  version_id: number;
  version_number: number;
  source_id: number;
}

/**
 * The passages of `passageIds` that exist, by id (a link whose passage is gone
 * has no entry). Each version's text and blocks are read once, for the pages
 * and code point offsets of all its passages.
 */
export function readCitedPassages(
  db: ReadableDB,
  passageIds: readonly string[],
): Map<string, CitedPassage> {
  const wanted = idIn('p.id', passageIds.map(Number));
  const rows = db
    .prepare(
      `SELECT p.id, p.exact, p.prefix, p.suffix, p.start_utf16, p.end_utf16, p.comment, p.color,
              c.label AS color_label, p.created_at, v.id AS version_id, v.version_number,
              p.source_id
       FROM passages p
       JOIN source_versions v ON v.id = p.version_id
       LEFT JOIN highlight_colors c ON c.color = p.color
       WHERE ${wanted.sql} ORDER BY v.id, p.start_utf16`,
    )
    .all(...wanted.params) as Row[];
  const sources = readSourceSummaries(db, [...new Set(rows.map((row) => row.source_id))]);
  const version = versionReader(db);
  return new Map(
    rows.map((row) => {
      const { codePoints, blocks } = version(row.version_id);
      const passage: CitedPassage = {
        id: String(row.id),
        // A passage's source exists: the foreign key says so.
        source: sources.get(String(row.source_id))!,
        exact: row.exact,
        prefix: row.prefix,
        suffix: row.suffix,
        versionNumber: row.version_number,
        start: row.start_utf16,
        end: row.end_utf16,
        page: pageAt(blocks, row.start_utf16),
        codePointStart: codePoints(row.start_utf16),
        codePointEnd: codePoints(row.end_utf16),
        comment: row.comment,
        color: row.color,
        colorLabel: row.color_label,
        createdAt: row.created_at,
      };
      return [passage.id, passage];
    }),
  );
}

/** Reads a version's text and blocks, keeping only the last one (rows come grouped by version). */
function versionReader(db: ReadableDB): (versionId: number) => VersionContent {
  let last: (VersionContent & { id: number }) | null = null;
  return (versionId) => {
    if (last?.id !== versionId) {
      const { text, blocks } = readVersionContent(db, versionId);
      last = { id: versionId, codePoints: codePointCounter(text), blocks };
    }
    return last;
  };
}

interface VersionContent {
  codePoints: (utf16Offset: number) => number;
  blocks: Block[];
}

/**
 * Counts code points up to UTF-16 offsets of one text, walking from the last
 * offset asked (passages come in order), not from the start each time.
 */
function codePointCounter(text: string): (utf16Offset: number) => number {
  let offset = 0;
  let count = 0;
  // A low surrogate after a high one continues the same code point.
  const startsCodePoint = (index: number) => {
    const unit = text.charCodeAt(index);
    return unit < 0xdc00 || unit > 0xdfff;
  };
  return (target) => {
    for (; offset < target; offset++) if (startsCodePoint(offset)) count++;
    for (; offset > target; offset--) if (startsCodePoint(offset - 1)) count--;
    return count;
  };
}
