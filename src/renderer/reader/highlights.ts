/**
 * Passage marks drawn with the CSS Custom Highlight API, never by wrapping text
 * in elements: a span inside an Arabic or Persian word breaks letter joining.
 * Styled by `::highlight(passage)`, `::highlight(passage-flash)` and
 * `::highlight(passage-suggestion)`.
 */
const flashDurationMs = 1500;
let flashTimer: ReturnType<typeof setTimeout> | undefined;

function supported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS;
}

export function showPassageMarks(ranges: Range[]): void {
  if (supported()) CSS.highlights.set('passage', new Highlight(...ranges));
}

export function clearPassageMarks(): void {
  if (supported()) CSS.highlights.delete('passage');
}

/** Flashes one range briefly; a new flash replaces the current one. */
export function flashRange(range: Range): void {
  if (!supported()) return;
  clearTimeout(flashTimer);
  CSS.highlights.set('passage-flash', new Highlight(range));
  flashTimer = setTimeout(() => CSS.highlights.delete('passage-flash'), flashDurationMs);
}

/** Outlines where the matcher suggests an orphan's words now are (null clears it). */
export function showSuggestion(range: Range | null): void {
  if (!supported()) return;
  if (range) CSS.highlights.set('passage-suggestion', new Highlight(range));
  else CSS.highlights.delete('passage-suggestion');
}
