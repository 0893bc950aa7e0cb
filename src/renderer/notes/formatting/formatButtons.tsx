/** What the note toolbar offers, in order: text formats, block kinds, then history. */
import { FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import type { ReactNode } from 'react';
import { $toggleSelectedBlocks, type ToggledBlockType } from './blockFormat';
import { blockShortcutHint } from './blockShortcuts';
import { BulletListIcon, NumberedListIcon, QuoteIcon, RedoIcon, UndoIcon } from './icons';
import type { FormatState } from './useFormatState';

export interface FormatButton {
  /** Names its test id too: `format-<id>`. */
  id: string;
  label: string;
  shortcut: string;
  icon: ReactNode;
  /** A small gap before it, between groups. */
  startsGroup?: boolean;
  /** Toggles only: whether the format is on at the selection. */
  pressed?: (state: FormatState) => boolean;
  disabled?: (state: FormatState) => boolean;
  run: (editor: LexicalEditor) => void;
}

type TextFormat = 'bold' | 'italic' | 'underline';

function textFormatButton(format: TextFormat, label: string, key: string): FormatButton {
  return {
    id: format,
    label,
    shortcut: `Ctrl+${key}`,
    icon: <span className={`format-glyph format-glyph-${format}`}>{key}</span>,
    pressed: (state) => state[format],
    run: (editor) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format),
  };
}

function blockButton(
  type: ToggledBlockType,
  id: string,
  label: string,
  icon: ReactNode,
): FormatButton {
  return {
    id,
    label,
    shortcut: blockShortcutHint(type),
    icon,
    pressed: (state) => state.block === type,
    run: (editor) => editor.update(() => $toggleSelectedBlocks(type)),
  };
}

export const formatButtons: FormatButton[] = [
  textFormatButton('bold', 'Bold', 'B'),
  textFormatButton('italic', 'Italic', 'I'),
  textFormatButton('underline', 'Underline', 'U'),
  {
    ...blockButton('heading', 'heading', 'Heading', <span className="format-glyph">H</span>),
    startsGroup: true,
  },
  blockButton('bullet', 'bullet-list', 'Bullet list', <BulletListIcon />),
  blockButton('number', 'numbered-list', 'Numbered list', <NumberedListIcon />),
  blockButton('quote', 'quote', 'Quote', <QuoteIcon />),
  {
    id: 'undo',
    label: 'Undo',
    shortcut: 'Ctrl+Z',
    icon: <UndoIcon />,
    startsGroup: true,
    disabled: (state) => !state.canUndo,
    run: (editor) => editor.dispatchCommand(UNDO_COMMAND, undefined),
  },
  {
    id: 'redo',
    label: 'Redo',
    shortcut: 'Ctrl+Shift+Z',
    icon: <RedoIcon />,
    disabled: (state) => !state.canRedo,
    run: (editor) => editor.dispatchCommand(REDO_COMMAND, undefined),
  },
];
