/**
 * Passage marks drawn with the CSS Custom Highlight API, never by wrapping text
 * in elements: a span inside an Arabic or Persian word breaks letter joining.
 * One highlight per colour (`passage-yellow` … `passage-purple`), one for the
 * stretches where passages overlap (`passage-overlap`), and `passage`, which
 * holds every passage and paints nothing (highlightColors.css styles them), plus
 * `passage-flash` and `passage-suggestion` (app.css, reader.css). A highlight
 * with no range is removed, so `CSS.highlights.has(name)` says whether any is drawn.
 */
import { highlightColors, type HighlightColor } from '../../shared/passages';
import './highlightColors.css';

const flashDurationMs = 1500;
let flashTimer: ReturnType<typeof setTimeout> | undefined;

/** Later layers are painted over earlier ones: colours, then overlaps, then what is shown for a moment. */
const layers = {
  colour: 0,
  overlap: 1,
  suggestion: 2,
  flash: 3,
} as const;

const colourHighlight = (color: HighlightColor) => `passage-${color}`;

function supported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS;
}

function setHighlight(name: string, ranges: Range[], priority: number): void {
  if (ranges.length === 0) {
    CSS.highlights.delete(name);
    return;
  }
  const highlight = new Highlight(...ranges);
  highlight.priority = priority;
  CSS.highlights.set(name, highlight);
}

export interface PassageMark {
  range: Range;
  color: HighlightColor;
}

/** Draws every passage in its colour, and the stretches covered by more than one. */
export function showPassageMarks(marks: readonly PassageMark[], overlaps: Range[]): void {
  if (!supported()) return;
  setHighlight(
    'passage',
    marks.map((mark) => mark.range),
    layers.colour,
  );
  for (const color of highlightColors) {
    const ranges = marks.filter((mark) => mark.color === color).map((mark) => mark.range);
    setHighlight(colourHighlight(color), ranges, layers.colour);
  }
  setHighlight('passage-overlap', overlaps, layers.overlap);
}

export function clearPassageMarks(): void {
  if (!supported()) return;
  CSS.highlights.delete('passage');
  for (const color of highlightColors) CSS.highlights.delete(colourHighlight(color));
  CSS.highlights.delete('passage-overlap');
}

/** Flashes one range briefly; a new flash replaces the current one. */
export function flashRange(range: Range): void {
  if (!supported()) return;
  clearTimeout(flashTimer);
  setHighlight('passage-flash', [range], layers.flash);
  flashTimer = setTimeout(() => CSS.highlights.delete('passage-flash'), flashDurationMs);
}

/** Outlines where the matcher suggests an orphan's words now are (null clears it). */
export function showSuggestion(range: Range | null): void {
  if (!supported()) return;
  if (range) setHighlight('passage-suggestion', [range], layers.suggestion);
  else CSS.highlights.delete('passage-suggestion');
}
