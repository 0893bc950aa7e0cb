/**
 * Re-anchoring a source's passages on a new version: which text each passage is
 * matched from, calling the engine (src/core/anchoring/reanchor.ts), checking
 * what it answers, and storing the new anchors.
 */
import type { AnchorStatus, RevisedPassage, RevisionReport } from '../../shared/api';
import { DossierError } from '../../shared/errors';
import { reanchorPassages, type AnchoredPassage, type Reanchored } from '../anchoring/reanchor';
import type { ReadableDB, WritableDB } from '../db/openDatabase';
import { quoteWithContext } from '../passages/describeQuote';
import { readVersionTexts } from './versionQueries';

/** Where a passage ends up on the new version. */
export interface NewAnchor {
  passageId: number;
  status: AnchorStatus;
  score: number;
  /** Offsets into the new version's text; null for an orphan. */
  start: number | null;
  end: number | null;
  /** For an orphan: the candidate it was not attached to, on the new version. */
  suggestion: { start: number; end: number; score: number } | null;
}

export interface ReanchorPlan {
  /** Every passage of the source, in the reading order it had before. */
  anchors: NewAnchor[];
  report: RevisionReport;
}

interface PassageAnchorRow {
  id: number;
  version_id: number;
  start_utf16: number;
  end_utf16: number;
  exact: string;
  prefix: string;
  suffix: string;
  anchor_version_id: number | null;
  anchor_start_utf16: number | null;
  anchor_end_utf16: number | null;
  status: AnchorStatus;
  confirmed_at: string | null;
}

/** The passages matched from one version's text. */
interface Group {
  passageIds: number[];
  passages: AnchoredPassage[];
}

const statuses: readonly AnchorStatus[] = ['exact', 'moved', 'fuzzy', 'orphaned'];

/**
 * Works out where every passage of the source lands on `newText`; writes nothing.
 *
 * A passage is matched from the version it is attached to now, at its anchor,
 * with its selector described there: its words there are its words (exact,
 * moved, or fuzzy words the analyst confirmed). The others are matched from the
 * version they were marked on, with the quote they were marked with: an orphan
 * has no anchor (and words that come back in a later version find it again),
 * and an unconfirmed fuzzy attachment is a guess that must not become the
 * passage's words: judged against the words the analyst marked, it stays fuzzy
 * (and in the report) until it is confirmed, re-attached or rejected, instead of
 * turning exact when the next version leaves the guessed words unchanged.
 */
export function planReanchoring(db: ReadableDB, sourceId: number, newText: string): ReanchorPlan {
  const rows = db
    .prepare(
      `SELECT id, version_id, start_utf16, end_utf16, exact, prefix, suffix,
              anchor_version_id, anchor_start_utf16, anchor_end_utf16, status, confirmed_at
       FROM passages WHERE source_id = ?
       ORDER BY coalesce(anchor_start_utf16, start_utf16), id`,
    )
    .all(sourceId) as PassageAnchorRow[];
  const texts = readVersionTexts(db, [...new Set(rows.map(matchedFromVersion))]);

  const groups = new Map<number, Group>();
  for (const row of rows) {
    const versionId = matchedFromVersion(row);
    const group = groups.get(versionId) ?? { passageIds: [], passages: [] };
    groups.set(versionId, group);
    group.passageIds.push(row.id);
    group.passages.push(selectorOn(row, texts.get(versionId) ?? ''));
  }

  const matched = new Map<number, { before: AnchoredPassage; after: Reanchored }>();
  for (const [versionId, group] of groups) {
    const results = reanchorPassages(texts.get(versionId) ?? '', newText, group.passages);
    if (results.length !== group.passages.length) {
      throw new DossierError(
        'internal',
        `Re-anchoring answered for ${results.length} of ${group.passages.length} passages.`,
      );
    }
    group.passageIds.forEach((passageId, index) => {
      matched.set(passageId, { before: group.passages[index]!, after: results[index]! });
    });
  }

  const anchors: NewAnchor[] = [];
  const report: RevisionReport = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0, passages: [] };
  for (const row of rows) {
    const { before, after } = matched.get(row.id)!;
    const anchor = checkedAnchor(row.id, after, newText);
    anchors.push(anchor);
    report[anchor.status]++;
    if (anchor.status === 'exact') continue;
    const revised: RevisedPassage = {
      id: String(row.id),
      status: anchor.status,
      score: anchor.score,
      oldText: before.exact,
    };
    if (anchor.start !== null && anchor.end !== null) {
      revised.newText = newText.slice(anchor.start, anchor.end);
    }
    report.passages.push(revised);
  }
  return { anchors, report };
}

/** Writes the new anchors, all on version `versionId`; a confirmation belongs to the old one. */
export function storeAnchors(
  db: WritableDB,
  versionId: number,
  anchors: readonly NewAnchor[],
): void {
  const update = db.prepare(
    `UPDATE passages SET status = ?, anchor_score = ?,
       anchor_version_id = ?, anchor_start_utf16 = ?, anchor_end_utf16 = ?,
       suggestion_start_utf16 = ?, suggestion_end_utf16 = ?, suggestion_score = ?,
       confirmed_at = NULL
     WHERE id = ?`,
  );
  for (const anchor of anchors) {
    update.run(
      anchor.status,
      anchor.score,
      versionId,
      anchor.start,
      anchor.end,
      anchor.suggestion?.start ?? null,
      anchor.suggestion?.end ?? null,
      anchor.suggestion?.score ?? null,
      anchor.passageId,
    );
  }
}

/** Whether the passage is matched from its anchor (else from where it was marked). */
function isAnchored(row: PassageAnchorRow): boolean {
  return (
    row.status !== 'orphaned' &&
    (row.status !== 'fuzzy' || row.confirmed_at !== null) &&
    row.anchor_version_id !== null &&
    row.anchor_start_utf16 !== null &&
    row.anchor_end_utf16 !== null
  );
}

function matchedFromVersion(row: PassageAnchorRow): number {
  return isAnchored(row) ? row.anchor_version_id! : row.version_id;
}

/**
 * The passage where it is matched from, described on that version's text: its
 * stored selector where it was marked, else the words at its anchor with their
 * context (the engine has the position too, so the context need not be unique).
 */
function selectorOn(row: PassageAnchorRow, text: string): AnchoredPassage {
  if (!isAnchored(row)) {
    return { start: row.start_utf16, end: row.end_utf16, ...quoteOf(row) };
  }
  const start = row.anchor_start_utf16!;
  const end = row.anchor_end_utf16!;
  const whereMarked =
    row.anchor_version_id === row.version_id && start === row.start_utf16 && end === row.end_utf16;
  return { start, end, ...(whereMarked ? quoteOf(row) : quoteWithContext(text, start, end)) };
}

function quoteOf(row: PassageAnchorRow): Pick<AnchoredPassage, 'exact' | 'prefix' | 'suffix'> {
  return { exact: row.exact, prefix: row.prefix, suffix: row.suffix };
}

/**
 * The engine's answer for one passage, checked before it is stored: a status
 * Dossier knows, a score in 0–1, and ranges inside the new text. An answer that
 * breaks these is a bug; it stops the import rather than misplace a passage.
 */
function checkedAnchor(passageId: number, result: Reanchored, newText: string): NewAnchor {
  const fail = (what: string): never => {
    throw new DossierError('internal', `Re-anchoring passage ${passageId} gave ${what}.`);
  };
  if (!statuses.includes(result.status)) fail(`the unknown status "${String(result.status)}"`);
  const score = checkedScore(result.score) ?? fail(`the score ${result.score}`);
  if (result.status === 'orphaned') {
    const candidate = result.suggestion;
    let suggestion: NewAnchor['suggestion'] = null;
    if (candidate) {
      if (!isRange(candidate.start, candidate.end, newText)) fail('a suggestion outside the text');
      suggestion = {
        start: candidate.start,
        end: candidate.end,
        score: checkedScore(candidate.score) ?? fail(`the suggestion score ${candidate.score}`),
      };
    }
    return { passageId, status: 'orphaned', score, start: null, end: null, suggestion };
  }
  if (!isRange(result.start, result.end, newText)) {
    fail(`the range ${result.start}–${result.end} for a text of ${newText.length}`);
  }
  return {
    passageId,
    status: result.status,
    score,
    start: result.start,
    end: result.end,
    suggestion: null,
  };
}

function checkedScore(score: number): number | undefined {
  return Number.isFinite(score) && score >= 0 && score <= 1 ? score : undefined;
}

function isRange(start: number | null, end: number | null, text: string): boolean {
  return (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start! >= 0 &&
    start! < end! &&
    end! <= text.length
  );
}
