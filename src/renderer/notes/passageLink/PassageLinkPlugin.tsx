import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $createTextNode,
  $findMatchingParent,
  $getNearestNodeFromDOMNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  isDOMNode,
  registerEventListeners,
  type LexicalCommand,
} from 'lexical';
import { useEffect } from 'react';
import { truncate } from '../../../shared/text';
import {
  $createPassageLinkNode,
  $isPassageLinkNode,
  PassageLinkNode,
  type PassageLinkIds,
} from './PassageLinkNode';
import { usePassageLinkStandings } from './usePassageLinkStandings';
import './passageLink.css';

export interface PassageLinkPayload extends PassageLinkIds {
  /** The passage's text, used as the link text. */
  quote: string;
}

export const INSERT_PASSAGE_LINK_COMMAND: LexicalCommand<PassageLinkPayload> = createCommand(
  'INSERT_PASSAGE_LINK_COMMAND',
);

/** Long quotes are shortened in the link text; the link itself points at the whole passage. */
const maxLinkTextLength = 400;

function linkText(quote: string): string {
  return truncate(quote.replace(/\s+/g, ' ').trim(), maxLinkTextLength);
}

/** Inserts a passage link at the cursor, or in a new last paragraph when the note has no cursor. */
function $insertPassageLink({ passageId, sourceId, quote }: PassageLinkPayload): boolean {
  const link = $createPassageLinkNode(passageId, sourceId).append($createTextNode(linkText(quote)));
  const selection = $getSelection();
  if ($isRangeSelection(selection)) {
    selection.insertNodes([link]);
  } else {
    $getRoot().append($createParagraphNode().append(link));
  }
  link.selectEnd();
  return true;
}

/** The passage link a clicked DOM node belongs to (usually its text), if any. */
function $passageLinkAt(target: Node): PassageLinkIds | null {
  const clicked = $getNearestNodeFromDOMNode(target);
  const link = clicked && $findMatchingParent(clicked, $isPassageLinkNode);
  return link && { passageId: link.getPassageId(), sourceId: link.getSourceId() };
}

/**
 * Registers passage links in the note: inserting them, following them on click
 * (a broken one too: it opens the source with the orphan in the side panel),
 * and showing where each linked passage stands now.
 */
export function PassageLinkPlugin({
  onOpenPassage,
}: {
  onOpenPassage: (sourceId: string, passageId: string) => void;
}) {
  const [editor] = useLexicalComposerContext();
  usePassageLinkStandings(editor);

  useEffect(() => {
    if (!editor.hasNodes([PassageLinkNode])) {
      throw new Error('PassageLinkPlugin needs PassageLinkNode registered in the editor');
    }
    function onClick(event: MouseEvent) {
      const target = event.target;
      const link = isDOMNode(target) ? editor.read(() => $passageLinkAt(target)) : null;
      if (!link) return;
      event.preventDefault();
      onOpenPassage(link.sourceId, link.passageId);
    }
    return mergeRegister(
      editor.registerCommand(
        INSERT_PASSAGE_LINK_COMMAND,
        $insertPassageLink,
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerRootListener((root) =>
        root ? registerEventListeners(root, { click: onClick }) : undefined,
      ),
    );
  }, [editor, onOpenPassage]);

  return null;
}
