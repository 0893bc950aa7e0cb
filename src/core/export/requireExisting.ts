import { DossierError } from '../../shared/errors';
import type { ReadableDB } from '../db/openDatabase';
import { idIn } from '../db/sql';

/** The ids asked for (each once, in order), after checking each has a row; not_found names the missing ones. */
export function requireExisting(
  db: ReadableDB,
  table: 'notes' | 'sources',
  ids: readonly string[],
): number[] {
  const wanted = [...new Set(ids.map(Number))];
  const condition = idIn('id', wanted);
  const found = new Set(
    db
      .prepare(`SELECT id FROM ${table} WHERE ${condition.sql}`)
      .pluck()
      .all(...condition.params) as number[],
  );
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length > 0) {
    const kind = table === 'notes' ? 'note' : 'source';
    const what = missing.length === 1 ? kind : `${kind}s`;
    throw new DossierError(
      'not_found',
      `No ${what} with id ${missing.join(', ')}; nothing was exported.`,
    );
  }
  return wanted;
}
