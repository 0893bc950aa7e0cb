/** What the note toolbar offers, in order: text formats, block kinds, then history. */
import { FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import type { ReactNode } from 'react';
import { $toggleSelectedBlocks, type ToggledBlockType } from './blockFormat';
import { INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/react/LexicalHorizontalRuleNode';
import { blockShortcutHint, ruleShortcutHint } from './blockShortcuts';
import {
  BulletListIcon,
  CheckListIcon,
  CodeBlockIcon,
  LinkIcon,
  NumberedListIcon,
  QuoteIcon,
  RedoIcon,
  RuleIcon,
  UndoIcon,
} from './icons';
import { OPEN_LINK_EDITOR_COMMAND } from './linkCommands';
import { noteKeys } from './noteKeys';
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

type TextFormat = 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code';

function textFormatButton(
  format: TextFormat,
  label: string,
  glyph: string,
  shortcut: string,
): FormatButton {
  return {
    id: format,
    label,
    shortcut,
    icon: <span className={`format-glyph format-glyph-${format}`}>{glyph}</span>,
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
  textFormatButton('bold', 'Bold', 'B', 'Ctrl+B'),
  textFormatButton('italic', 'Italic', 'I', 'Ctrl+I'),
  textFormatButton('underline', 'Underline', 'U', 'Ctrl+U'),
  textFormatButton(
    'strikethrough',
    'Strikethrough',
    'S',
    `${noteKeys.strikethrough.keys}, ~~text~~`,
  ),
  textFormatButton('code', 'Inline code', '</>', `${noteKeys.code.keys}, \`text\``),
  {
    id: 'link',
    label: 'Link',
    shortcut: noteKeys.link.keys,
    icon: <LinkIcon />,
    pressed: (state) => state.link,
    run: (editor) => editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined),
  },
  {
    ...blockButton('heading', 'heading', 'Heading', <span className="format-glyph">H</span>),
    startsGroup: true,
  },
  blockButton('bullet', 'bullet-list', 'Bullet list', <BulletListIcon />),
  blockButton('number', 'numbered-list', 'Numbered list', <NumberedListIcon />),
  blockButton('check', 'check-list', 'Check list', <CheckListIcon />),
  blockButton('quote', 'quote', 'Quote', <QuoteIcon />),
  blockButton('code', 'code-block', 'Code block', <CodeBlockIcon />),
  {
    id: 'rule',
    label: 'Horizontal rule',
    shortcut: ruleShortcutHint,
    icon: <RuleIcon />,
    run: (editor) => editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined),
  },
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
