import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  type LexicalCommand,
} from 'lexical';
import { useEffect } from 'react';
import { $createPassageLinkNode, PassageLinkNode } from '../nodes/PassageLinkNode';

export interface PassageLinkPayload {
  passageId: string;
  sourceId: string;
  /** The passage's text, used as the link text. */
  quote: string;
}

export const INSERT_PASSAGE_LINK_COMMAND: LexicalCommand<PassageLinkPayload> = createCommand(
  'INSERT_PASSAGE_LINK_COMMAND',
);

/** Long quotes are shortened in the link text; the link itself points at the whole passage. */
const maxLinkTextLength = 400;

function linkText(quote: string): string {
  const oneLine = quote.replace(/\s+/g, ' ').trim();
  return oneLine.length > maxLinkTextLength
    ? `${oneLine.slice(0, maxLinkTextLength).trimEnd()}…`
    : oneLine;
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

/** Registers passage links in the note: inserting them, and following them on click. */
export function PassageLinkPlugin({
  onOpenPassage,
}: {
  onOpenPassage: (sourceId: string, passageId: string) => void;
}) {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    if (!editor.hasNodes([PassageLinkNode])) {
      throw new Error('PassageLinkPlugin needs PassageLinkNode registered in the editor');
    }
    function onClick(event: MouseEvent) {
      const target = event.target instanceof Element ? event.target : null;
      const link = target?.closest<HTMLAnchorElement>('a.passage-link');
      const { passageId, sourceId } = link?.dataset ?? {};
      if (!passageId || !sourceId) return;
      event.preventDefault();
      onOpenPassage(sourceId, passageId);
    }
    return mergeRegister(
      editor.registerCommand(
        INSERT_PASSAGE_LINK_COMMAND,
        $insertPassageLink,
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerRootListener((root, previousRoot) => {
        previousRoot?.removeEventListener('click', onClick);
        root?.addEventListener('click', onClick);
      }),
    );
  }, [editor, onOpenPassage]);

  return null;
}
