import type { HighlightColorLabel } from '../../shared/api';
import { highlightColors, type HighlightColor } from '../../shared/passages';
import type { ReadableDB, WritableDB } from '../db/openDatabase';

/** Every colour, in the palette's order, with the analyst's name for it. */
export function listHighlightColors(db: ReadableDB): HighlightColorLabel[] {
  const labels = new Map(
    db.prepare('SELECT color, label FROM highlight_colors').raw().all() as Array<[string, string]>,
  );
  return highlightColors.map((color) => ({ color, label: labels.get(color) ?? null }));
}

/** Names a colour; an empty label takes the name away. */
export function setHighlightColorLabel(
  db: WritableDB,
  color: HighlightColor,
  label: string,
): HighlightColorLabel[] {
  if (label === '') db.prepare('DELETE FROM highlight_colors WHERE color = ?').run(color);
  else {
    db.prepare('INSERT OR REPLACE INTO highlight_colors (color, label) VALUES (?, ?)').run(
      color,
      label,
    );
  }
  return listHighlightColors(db);
}
