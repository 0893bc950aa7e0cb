/**
 * Holds a notebook that writers were killed on to what they acknowledged:
 * every acknowledged save present exactly (its last acknowledged state, or a
 * later one whose answer the kill cut off), nothing else and nothing half-written
 * (each note and source is one of the states tried; each source has its
 * version; each is found by search), SQLite's integrity check and
 * `dossier check` pass.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createCore } from '../../../src/core/createCore';
import type { ReadableDB } from '../../../src/core/db/openDatabase';
import { readVersionTexts } from '../../../src/core/versions/versionQueries';
import { repoRoot } from '../../support/sharedData';
import type { Attempt } from './killCycles';

export interface CrashVerdict {
  problems: string[];
  acknowledged: number;
  /** Acknowledged saves missing or not as saved. */
  lost: number;
}

interface Row {
  kind: 'note' | 'source';
  id: string;
  title: string;
  text: string;
  versions: number;
}

export async function verifyCrashNotebook(
  notebook: string,
  attempts: readonly Attempt[],
): Promise<CrashVerdict> {
  const problems: string[] = [];
  const rows = readRows(notebook, problems);
  const checked = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'bin/dossier.cjs'), '--db', notebook, 'check', '--json'],
    { encoding: 'utf8' },
  );
  if (checked.status !== 0)
    problems.push(`dossier check failed: ${checked.stdout}${checked.stderr}`);

  const rowsOfItem = new Map<string, Array<{ row: Row; attempt: Attempt }>>();
  for (const row of rows) {
    const attempt = attempts.find((candidate) => isStateOf(row, candidate));
    if (attempt === undefined) {
      problems.push(`${row.kind} #${row.id} "${row.title}" is no state any writer tried`);
      continue;
    }
    if (row.kind === 'source' && row.versions < 1)
      problems.push(`source #${row.id} has no version`);
    rowsOfItem.set(attempt.item, [...(rowsOfItem.get(attempt.item) ?? []), { row, attempt }]);
  }

  let acknowledged = 0;
  let lost = 0;
  for (const [item, itemAttempts] of groupByItem(attempts)) {
    const found = rowsOfItem.get(item) ?? [];
    if (found.length > 1) problems.push(`${item} is in the notebook ${found.length} times`);
    const lastAck = itemAttempts.findLastIndex((candidate) => candidate.acknowledged);
    if (lastAck < 0) continue;
    acknowledged += itemAttempts.filter((candidate) => candidate.acknowledged).length;
    const allowed = itemAttempts.slice(lastAck);
    if (found.length !== 1 || !allowed.includes(found[0]!.attempt)) {
      lost++;
      const present = found.map((entry) => `"${entry.row.title}"`).join(', ') || 'nothing';
      problems.push(`acknowledged ${item} "${itemAttempts[lastAck]!.save.title}" lost: ${present}`);
    }
  }
  problems.push(...(await unsearchable(notebook, rowsOfItem)));
  return { problems, acknowledged, lost };
}

function readRows(notebook: string, problems: string[]): Row[] {
  const db = new Database(notebook, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const notes = db
      .prepare(`SELECT id, title, plain_text AS text, 0 AS versions FROM notes`)
      .all() as Row[];
    const sources = db
      .prepare(
        `SELECT s.id, s.title, s.current_version_id,
                (SELECT count(*) FROM source_versions WHERE source_id = s.id) AS versions
           FROM sources s`,
      )
      .all() as Array<{
      id: number;
      title: string;
      versions: number;
      current_version_id: number | null;
    }>;
    const texts = readVersionTexts(
      db as unknown as ReadableDB,
      sources.flatMap((row) => (row.current_version_id === null ? [] : [row.current_version_id])),
    );
    return [
      ...notes.map((row) => ({ ...row, id: String(row.id), kind: 'note' as const })),
      ...sources.map(({ current_version_id: versionId, ...row }) => ({
        ...row,
        text: (versionId === null ? undefined : texts.get(versionId)) ?? '',
        id: String(row.id),
        kind: 'source' as const,
      })),
    ];
  } finally {
    db.close();
  }
}

/** A note is the state exactly; a source's title is, and its text holds the state's paragraph. */
function isStateOf(row: Row, attempt: Attempt): boolean {
  const { save } = attempt;
  if (save.kind !== row.kind || save.title !== row.title) return false;
  return row.kind === 'note' ? row.text === save.text : row.text.includes(save.text);
}

function groupByItem(attempts: readonly Attempt[]): Map<string, Attempt[]> {
  const items = new Map<string, Attempt[]>();
  for (const attempt of attempts) {
    items.set(attempt.item, [...(items.get(attempt.item) ?? []), attempt]);
  }
  return items;
}

/** Every note and source present is found by its own token (its search entries were written with it). */
async function unsearchable(
  notebook: string,
  rowsOfItem: Map<string, Array<{ row: Row; attempt: Attempt }>>,
): Promise<string[]> {
  const core = createCore(notebook);
  try {
    const problems: string[] = [];
    for (const entries of rowsOfItem.values()) {
      for (const { row, attempt } of entries) {
        const hits = await core.search({ query: attempt.save.token, limit: 5 });
        if (!hits.some((hit) => hit.kind === row.kind && hit.id === row.id)) {
          problems.push(`${row.kind} #${row.id} is not found by searching ${attempt.save.token}`);
        }
      }
    }
    return problems;
  } finally {
    core.close();
  }
}
