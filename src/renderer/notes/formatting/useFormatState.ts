import { $isLinkNode } from '@lexical/link';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  type LexicalEditor,
} from 'lexical';
import { useEffect, useState } from 'react';
import { $selectedBlockType, type BlockType } from './blockFormat';

export interface FormatState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  code: boolean;
  /** Whether the cursor is in a link. */
  link: boolean;
  block: BlockType;
  canUndo: boolean;
  canRedo: boolean;
}

type SelectionFormat = Omit<FormatState, 'canUndo' | 'canRedo'>;

function $readSelectionFormat(): SelectionFormat {
  const selection = $getSelection();
  const range = $isRangeSelection(selection) ? selection : null;
  return {
    // A collapsed selection's format is what the next typed text gets.
    bold: range?.hasFormat('bold') ?? false,
    italic: range?.hasFormat('italic') ?? false,
    underline: range?.hasFormat('underline') ?? false,
    strikethrough: range?.hasFormat('strikethrough') ?? false,
    code: range?.hasFormat('code') ?? false,
    link: range ? $findMatchingParent(range.anchor.getNode(), $isLinkNode) !== null : false,
    block: $selectedBlockType(),
  };
}

function sameFormat(a: SelectionFormat, b: SelectionFormat): boolean {
  return (Object.keys(a) as Array<keyof SelectionFormat>).every((key) => a[key] === b[key]);
}

/** The formatting at the editor's selection and whether undo/redo can act, kept current. */
export function useFormatState(editor: LexicalEditor): FormatState {
  const [format, setFormat] = useState(() => editor.getEditorState().read($readSelectionFormat));
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);

  useEffect(
    () =>
      mergeRegister(
        // Selection moves are editor updates too, so this also follows the cursor.
        editor.registerUpdateListener(({ editorState }) => {
          const next = editorState.read($readSelectionFormat);
          // Keep the same object while nothing changed: no re-render on every keystroke.
          setFormat((previous) => (sameFormat(previous, next) ? previous : next));
        }),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (can) => {
            setCanUndo(can);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (can) => {
            setCanRedo(can);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );

  return { ...format, canUndo, canRedo };
}
