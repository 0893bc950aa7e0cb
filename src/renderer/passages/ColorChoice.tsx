import { useEffect, useRef } from 'react';
import { highlightColors, type HighlightColor } from '../../shared/passages';
import { usePanelKeys } from '../reader/usePanelKeys';
import { ColorSwatch } from './ColorSwatch';
import { colorTitle, type ColorLabels } from './highlightColorNames';

interface ColorChoiceProps {
  current: HighlightColor;
  labels: ColorLabels;
  onChoose: (color: HighlightColor) => void;
  onClose: () => void;
}

/** The five colours in a row, the passage's own pressed; arrow keys move, Esc closes. */
export function ColorChoice({ current, labels, onChoose, onClose }: ColorChoiceProps) {
  const groupRef = useRef<HTMLDivElement>(null);
  const onKeyDown = usePanelKeys(groupRef, 'horizontal', onClose);

  useEffect(() => {
    groupRef.current?.querySelector<HTMLElement>('[aria-pressed="true"]')?.focus();
  }, []);

  return (
    <div
      ref={groupRef}
      className="color-choice"
      role="group"
      aria-label="Colour"
      data-testid="passage-color-choice"
      onKeyDown={onKeyDown}
    >
      {highlightColors.map((color) => (
        <button
          key={color}
          type="button"
          className="color-choice-button"
          data-testid={`passage-color-${color}`}
          aria-pressed={color === current}
          onClick={() => (color === current ? onClose() : onChoose(color))}
        >
          <ColorSwatch color={color} />
          <span dir="auto">{colorTitle(color, labels)}</span>
        </button>
      ))}
    </div>
  );
}
