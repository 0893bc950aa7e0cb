import { useEffect, useRef, type KeyboardEvent } from 'react';
import { highlightColors, type HighlightColor } from '../../shared/passages';
import { useRovingFocus } from '../reader/rovingFocus';
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
  const moveFocus = useRovingFocus(groupRef, 'horizontal');

  useEffect(() => {
    groupRef.current?.querySelector<HTMLElement>('[aria-pressed="true"]')?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    moveFocus(event);
  }

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
