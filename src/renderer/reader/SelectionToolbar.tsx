import type { MouseEvent, RefObject } from 'react';
import { defaultHighlightColor, highlightColors, type HighlightColor } from '../../shared/passages';
import { markPassageKey } from '../app/shortcuts';
import { ColorSwatch } from '../passages/ColorSwatch';
import { colorName, type ColorLabels } from '../passages/highlightColorNames';
import { FloatingPanel } from './FloatingPanel';
import type { Box } from './floatingPlacement';
import { usePanelKeys } from './usePanelKeys';

interface SelectionToolbarProps {
  panelRef: RefObject<HTMLDivElement | null>;
  anchor: () => Box | null;
  bounds: () => Box | null;
  labels: ColorLabels;
  /** Why the selection cannot be a passage: the buttons that would mark it say so, and do nothing. */
  tooShort: string | null;
  /** A passage is being saved: nothing else is sent meanwhile. */
  busy: boolean;
  onMark: (color: HighlightColor) => void;
  onComment: () => void;
  /** Absent where no note can receive the link. */
  onLinkInNote: (() => void) | undefined;
  /** Absent where no note can receive the quote. */
  onQuoteInNote: (() => void) | undefined;
  onCopy: () => void;
  onClose: () => void;
}

/** Keeps the text selected: a press on a button must not clear it before the click. */
const keepSelection = (event: MouseEvent) => event.preventDefault();

/**
 * What can be done with the words selected in the reader, beside them: mark
 * them (in the default colour or another), mark and comment, mark and quote or
 * link them in the open note, or copy them with their citation. One Tab stop: arrow keys
 * move between the buttons, Esc closes it.
 */
export function SelectionToolbar({
  panelRef,
  anchor,
  bounds,
  labels,
  tooShort,
  busy,
  onMark,
  onComment,
  onLinkInNote,
  onQuoteInNote,
  onCopy,
  onClose,
}: SelectionToolbarProps) {
  const onKeyDown = usePanelKeys(panelRef, 'horizontal', onClose);
  const marks = (action: () => void) => ({
    'aria-disabled': tooShort !== null || busy || undefined,
    'aria-description': tooShort ?? undefined,
    onClick: () => {
      if (tooShort === null && !busy) action();
    },
  });

  return (
    <FloatingPanel
      panelRef={panelRef}
      anchor={anchor}
      bounds={bounds}
      className="selection-toolbar"
      role="toolbar"
      aria-label="Selection"
      data-testid="selection-toolbar"
      onMouseDown={keepSelection}
      onKeyDown={onKeyDown}
    >
      <button
        type="button"
        className="selection-button selection-mark"
        data-testid="selection-mark"
        title={tooShort ?? `Mark the selected words as a passage (${markPassageKey.toUpperCase()})`}
        {...marks(() => onMark(defaultHighlightColor))}
      >
        Mark <kbd className="shortcut">{markPassageKey.toUpperCase()}</kbd>
      </button>
      <span className="selection-colors">
        {highlightColors.map((color) => {
          const name = `Mark ${colorName(color, labels)}`;
          return (
            <button
              key={color}
              type="button"
              className="selection-button selection-color"
              data-testid={`selection-color-${color}`}
              aria-label={name}
              title={tooShort ?? name}
              {...marks(() => onMark(color))}
            >
              <ColorSwatch color={color} />
            </button>
          );
        })}
      </span>
      <button
        type="button"
        className="selection-button"
        data-testid="selection-comment"
        title={tooShort ?? 'Mark the selected words and write a comment on them'}
        {...marks(onComment)}
      >
        Comment…
      </button>
      {onQuoteInNote && (
        <button
          type="button"
          className="selection-button"
          data-testid="selection-quote"
          title={
            tooShort ??
            'Mark the selected words and quote them, with their citation, in the open note (or a new note)'
          }
          {...marks(onQuoteInNote)}
        >
          Quote in note
        </button>
      )}
      {onLinkInNote && (
        <button
          type="button"
          className="selection-button"
          data-testid="selection-link"
          title={
            tooShort ?? 'Mark the selected words and link them in the open note (or a new note)'
          }
          {...marks(onLinkInNote)}
        >
          Link in note
        </button>
      )}
      <button
        type="button"
        className="selection-button"
        data-testid="selection-copy"
        title="Copy the selected words in quotation marks, with the article's title, site, date and page"
        onClick={onCopy}
      >
        Copy with citation
      </button>
    </FloatingPanel>
  );
}
