import { useEffect, useRef } from 'react';
import type { PassageView } from '../../shared/api';
import { ColorSwatch } from '../passages/ColorSwatch';
import { colorName, type ColorLabels } from '../passages/highlightColorNames';
import { shorten } from '../ui/shorten';
import { FloatingPanel } from './FloatingPanel';
import type { Box } from './floatingPlacement';
import { usePanelKeys } from './usePanelKeys';

interface PassageChooserProps {
  passages: PassageView[];
  anchor: () => Box | null;
  bounds: () => Box | null;
  labels: ColorLabels;
  onChoose: (passage: PassageView) => void;
  onClose: () => void;
}

/**
 * Where passages overlap, a click asks which one was meant: each is listed by
 * the start of its words and its colour. Arrow keys move, Esc or a click
 * elsewhere closes.
 */
export function PassageChooser({
  passages,
  anchor,
  bounds,
  labels,
  onChoose,
  onClose,
}: PassageChooserProps) {
  const menuRef = useRef<HTMLDivElement>(null);
  // A menu is left with Tab, not walked through: it closes, and the focus goes back to the text.
  const onKeyDown = usePanelKeys(menuRef, 'vertical', onClose, ['Escape', 'Tab']);

  useEffect(() => {
    menuRef.current?.querySelector('button')?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [onClose]);

  return (
    <FloatingPanel
      panelRef={menuRef}
      anchor={anchor}
      bounds={bounds}
      className="passage-chooser"
      role="menu"
      aria-label="Passages here"
      data-testid="passage-chooser"
      onKeyDown={onKeyDown}
    >
      <p className="passage-chooser-heading" aria-hidden="true">
        {passages.length} passages here
      </p>
      {passages.map((passage) => (
        <button
          key={passage.id}
          type="button"
          role="menuitem"
          className="passage-chooser-item"
          data-testid="passage-choice"
          data-passage-id={passage.id}
          onClick={() => onChoose(passage)}
        >
          <ColorSwatch color={passage.color} />
          <span className="passage-chooser-quote" dir="auto">
            {shorten(passage.exact, 48)}
          </span>
          <span className="passage-chooser-color">{colorName(passage.color, labels)}</span>
        </button>
      ))}
    </FloatingPanel>
  );
}
