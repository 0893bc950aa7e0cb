import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $createQuoteNode } from '@lexical/rich-text';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $findMatchingParent,
  $getNearestNodeFromDOMNode,
  $getRoot,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  isDOMNode,
  registerEventListeners,
  type LexicalCommand,
  type LexicalNode,
} from 'lexical';
import { useCallback, useEffect } from 'react';
import { truncate } from '../../../shared/text';
import {
  $createPassageLinkNode,
  $isPassageLinkNode,
  PassageLinkNode,
  type PassageLinkIds,
} from './PassageLinkNode';
import { PassagePreview } from './PassagePreview';
import { usePassageDrop } from './usePassageDrop';
import { usePassageLinkStandings } from './usePassageLinkStandings';
import './passageLink.css';

export interface PassageLinkPayload extends PassageLinkIds {
  /** The passage's text, used as the link text. */
  quote: string;
}

export const INSERT_PASSAGE_LINK_COMMAND: LexicalCommand<PassageLinkPayload> = createCommand(
  'INSERT_PASSAGE_LINK_COMMAND',
);

export interface PassageQuotePayload extends PassageLinkPayload {
  /** Where the words come from ("Title, Site, date, p. N"): the text of the link to the passage. */
  citation: string;
}

/** Quotes a passage as a block quote ending with its citation, a link to the passage. */
export const INSERT_PASSAGE_QUOTE_COMMAND: LexicalCommand<PassageQuotePayload> = createCommand(
  'INSERT_PASSAGE_QUOTE_COMMAND',
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

/**
 * Inserts the passage's words as a block quote after the block at the cursor
 * (at the end of the note without one), the citation on its last line as a
 * link to the passage, and a paragraph after it to go on writing in.
 */
function $insertPassageQuote({
  passageId,
  sourceId,
  quote,
  citation,
}: PassageQuotePayload): boolean {
  const link = $createPassageLinkNode(passageId, sourceId).append($createTextNode(citation));
  const block = $createQuoteNode().append(
    $createTextNode(quote.replace(/\s+/g, ' ').trim()),
    $createLineBreakNode(),
    $createTextNode('— '),
    link,
  );
  const selection = $getSelection();
  // Without a cursor the quote goes at the end of the note.
  const current = $isRangeSelection(selection)
    ? $findMatchingParent(selection.anchor.getNode(), (node) => node.getParent() === $getRoot())
    : $getRoot().getLastChild();
  // An empty line (a new note's first) becomes the quote rather than a gap above it.
  if (current && $isEmptyParagraph(current)) current.replace(block);
  else if (current) current.insertAfter(block);
  else $getRoot().append(block);
  const next = block.getNextSibling();
  const after = next && $isEmptyParagraph(next) ? next : $createParagraphNode();
  if (after !== next) block.insertAfter(after);
  after.selectStart();
  return true;
}

function $isEmptyParagraph(node: LexicalNode): boolean {
  return $isParagraphNode(node) && node.getChildrenSize() === 0;
}

/** The passage link a clicked DOM node belongs to (usually its text), if any. */
function $passageLinkAt(target: Node): PassageLinkIds | null {
  const clicked = $getNearestNodeFromDOMNode(target);
  const link = clicked && $findMatchingParent(clicked, $isPassageLinkNode);
  return link && { passageId: link.getPassageId(), sourceId: link.getSourceId() };
}

/**
 * Registers passage links in the note: inserting them (alone, or closing a
 * quote of the passage, or where a passage is dropped), following them on click
 * (a broken one too: it opens the source with the orphan in the side panel),
 * previewing them on hover or under the caret, and showing where each linked
 * passage stands now.
 */
export function PassageLinkPlugin({
  onOpenPassage,
}: {
  onOpenPassage: (sourceId: string, passageId: string) => void;
}) {
  const [editor] = useLexicalComposerContext();
  usePassageLinkStandings(editor);
  const insertLink = useCallback(
    (link: PassageLinkPayload) => editor.dispatchCommand(INSERT_PASSAGE_LINK_COMMAND, link),
    [editor],
  );
  usePassageDrop(editor, insertLink);

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
      editor.registerCommand(
        INSERT_PASSAGE_QUOTE_COMMAND,
        $insertPassageQuote,
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerRootListener((root) =>
        root ? registerEventListeners(root, { click: onClick }) : undefined,
      ),
    );
  }, [editor, onOpenPassage]);

  return <PassagePreview editor={editor} />;
}
