import {
  $createRangeSelection,
  $findMatchingParent,
  $getNearestNodeFromDOMNode,
  $isElementNode,
  $isRootNode,
  $isTextNode,
  $normalizeSelection__EXPERIMENTAL,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';
import { useEffect } from 'react';
import { markSpan } from '../../reader/useMarkPassage';
import { useAction } from '../../ui/useAction';
import { carriesPassage, readPassageDrag, type PassageDrag } from './passageDrag';
import type { PassageLinkPayload } from './PassageLinkPlugin';

/**
 * A passage dropped on the note becomes a link to it where it was dropped;
 * words dragged from the reader are first marked as a passage (as the Mark
 * button does). Other drops (text, files) are left to the editor.
 */
export function usePassageDrop(
  editor: LexicalEditor,
  insertLink: (link: PassageLinkPayload) => void,
): void {
  const run = useAction();

  useEffect(() => {
    async function linkDropped(drag: PassageDrag) {
      const link = await run('Could not mark the dragged words', () => passageToLink(drag));
      if (link) insertLink(link);
    }
    return mergeRegister(
      editor.registerCommand(
        DRAGOVER_COMMAND,
        (event) => {
          if (!carriesPassage(event.dataTransfer)) return false;
          event.preventDefault(); // accepts the drop
          if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          const drag = readPassageDrag(event.dataTransfer);
          if (!drag) return false;
          // The browser would insert the plain-text copy of the words.
          event.preventDefault();
          $selectAtPoint(event.clientX, event.clientY, editor.getRootElement());
          void linkDropped(drag);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    );
  }, [editor, insertLink, run]);
}

async function passageToLink(drag: PassageDrag): Promise<PassageLinkPayload> {
  if (drag.kind === 'passage') return drag;
  const passageId = await markSpan(drag.sourceId, drag);
  return { passageId, sourceId: drag.sourceId, quote: drag.quote };
}

/**
 * Puts the note's selection where the pointer is (between two characters of
 * text, or after an inline link: a link never goes inside another). Leaves the
 * selection as it was when the point is not on the note's text.
 */
function $selectAtPoint(x: number, y: number, root: HTMLElement | null): void {
  const caret = document.caretPositionFromPoint(x, y);
  if (!root || !caret || !root.contains(caret.offsetNode)) return;
  const node = $getNearestNodeFromDOMNode(caret.offsetNode);
  if (!node || $isRootNode(node)) return;
  const inline = $findMatchingParent(node, isInlineElement);
  const selection = $createRangeSelection();
  if (inline) {
    const offset = inline.getIndexWithinParent() + 1;
    selection.anchor.set(inline.getParentOrThrow().getKey(), offset, 'element');
  } else if ($isTextNode(node)) {
    selection.anchor.set(node.getKey(), caret.offset, 'text');
  } else if ($isElementNode(node)) {
    selection.anchor.set(node.getKey(), node.getChildrenSize(), 'element');
  } else {
    selection.anchor.set(
      node.getParentOrThrow().getKey(),
      node.getIndexWithinParent() + 1,
      'element',
    );
  }
  selection.focus.set(selection.anchor.key, selection.anchor.offset, selection.anchor.type);
  $setSelection($normalizeSelection__EXPERIMENTAL(selection));
}

function isInlineElement(node: LexicalNode): boolean {
  return $isElementNode(node) && node.isInline();
}
