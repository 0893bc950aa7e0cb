import type { HighlightColor } from '../../shared/passages';
import '../reader/highlightColors.css';

/** A dot of a highlight colour; what it means is said by the text or label beside it. */
export function ColorSwatch({ color }: { color: HighlightColor }) {
  return <span className={`color-swatch swatch-${color}`} aria-hidden="true" />;
}
