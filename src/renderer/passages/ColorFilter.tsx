import type { PassageView } from '../../shared/api';
import { highlightColors, type HighlightColor } from '../../shared/passages';
import { plural } from '../../shared/text';
import { ColorSwatch } from './ColorSwatch';
import { colorName, colorTitle, type ColorLabels } from './highlightColorNames';

interface ColorFilterProps {
  passages: readonly PassageView[];
  /** The colours shown; none chosen shows every passage. */
  shown: ReadonlySet<HighlightColor>;
  labels: ColorLabels;
  onToggle: (color: HighlightColor) => void;
  onNameColors: () => void;
}

/**
 * Above the passages: a chip for each colour in use, with its name and how
 * many passages have it; pressing chips shows only their colours. And the way
 * to name the colours.
 */
export function ColorFilter({ passages, shown, labels, onToggle, onNameColors }: ColorFilterProps) {
  const counts = new Map<HighlightColor, number>();
  for (const passage of passages) counts.set(passage.color, (counts.get(passage.color) ?? 0) + 1);
  const chips = highlightColors.filter((color) => counts.has(color) || shown.has(color));

  return (
    <div className="color-filter" role="group" aria-label="Show passages by colour">
      {chips.map((color) => {
        const count = counts.get(color) ?? 0;
        return (
          <button
            key={color}
            type="button"
            className="color-chip"
            data-testid={`color-filter-${color}`}
            aria-pressed={shown.has(color)}
            title={`Show ${colorName(color, labels)} passages: ${plural(count, 'passage')}`}
            onClick={() => onToggle(color)}
          >
            <ColorSwatch color={color} />
            <span dir="auto">{colorTitle(color, labels)}</span>
            <span className="color-chip-count">{count}</span>
          </button>
        );
      })}
      <button
        type="button"
        className="color-filter-name"
        data-testid="name-colors"
        onClick={onNameColors}
      >
        Name colours…
      </button>
    </div>
  );
}
