import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { PassageView, SourceDetail } from '../../shared/api';
import { api } from '../api/client';
import { CommentEditor } from '../passages/CommentEditor';
import type { ColorLabels } from '../passages/highlightColorNames';
import { pageAt } from '../../shared/pageAt';
import { shortcuts } from '../app/shortcuts';
import { isTypingTarget } from '../ui/dom';
import { useToast } from '../ui/toastContext';
import { useAction } from '../ui/useAction';
import { citation, citedFrom, copyPlainText } from './citation';
import { FloatingPanel } from './FloatingPanel';
import type { Box } from './floatingPlacement';
import { SelectionToolbar } from './SelectionToolbar';
import { useSelectionShortcut } from './useSelectionShortcut';
import { rangeForSpan, type TextSpan } from './textRanges';
import type { MarkAction } from './useMarkPassage';

interface SelectionActionsProps {
  source: SourceDetail;
  selection: TextSpan | null;
  markAction: MarkAction;
  textRef: RefObject<HTMLElement | null>;
  bounds: () => Box | null;
  labels: ColorLabels;
  /** Re-attaching an orphan: the reader's toolbar and banner lead, this stays out of the way. */
  hidden: boolean;
  onLinkIntoNote: ((passage: PassageView) => void) | undefined;
  onQuoteIntoNote: ((passage: PassageView, citation: string) => void) | undefined;
}

/** A passage just marked with "Comment…", whose comment is being written. */
interface Commenting {
  passageId: string;
  span: TextSpan;
}

const sameSpan = (a: TextSpan | null, b: TextSpan | null) =>
  a?.start === b?.start && a?.end === b?.end;

function selectionBox(): Box | null {
  const selection = document.getSelection();
  return selection && selection.rangeCount > 0
    ? selection.getRangeAt(0).getBoundingClientRect()
    : null;
}

/**
 * The selection toolbar beside the words selected in the reader, and the
 * comment box that "Comment…" opens beside the passage it has just marked.
 * Tab from the text reaches the toolbar; after marking there by keyboard, or
 * writing the comment, the focus goes back to the text, where selecting goes on.
 */
export function SelectionActions({
  source,
  selection,
  markAction,
  textRef,
  bounds,
  labels,
  hidden,
  onLinkIntoNote,
  onQuoteIntoNote,
}: SelectionActionsProps) {
  const run = useAction();
  const toast = useToast();
  const toolbarRef = useRef<HTMLDivElement>(null);
  const commentRef = useRef<HTMLDivElement>(null);
  const [dismissed, setDismissed] = useState<TextSpan | null>(null);
  const [commenting, setCommenting] = useState<Commenting | null>(null);
  const { mark, marking, tooShort } = markAction;
  // Esc closes the toolbar for these words only: the next selection brings it back.
  if (dismissed && !sameSpan(selection, dismissed)) setDismissed(null);
  const shown = selection !== null && !hidden && !commenting && !sameSpan(selection, dismissed);

  const backToText = useCallback(() => textRef.current?.focus({ preventScroll: true }), [textRef]);
  const dismiss = useCallback(() => {
    setDismissed(selection);
    if (toolbarRef.current?.contains(document.activeElement)) backToText();
  }, [selection, backToText]);

  useEffect(() => {
    if (!shown) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      // Escape in a field, a dialog or a menu is theirs.
      const inOwnPlace =
        isTypingTarget(event.target) ||
        (event.target instanceof Element && event.target.closest('dialog, .popover') !== null);
      if (event.key === 'Escape' && !inOwnPlace) {
        event.preventDefault();
        dismiss();
      } else if (event.key === 'Tab' && !event.shiftKey && event.target === textRef.current) {
        event.preventDefault();
        toolbarRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
      }
    }
    // Before the window's shortcuts (Esc also leaves focus mode): the toolbar closes first.
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [shown, dismiss, textRef]);

  // The context menu on selected words is this toolbar (mark, quote, link, copy), from the pointer or the menu key.
  useEffect(() => {
    const text = textRef.current;
    if (!text || !selection || hidden) return;
    function onContextMenu(event: MouseEvent) {
      event.preventDefault();
      setDismissed(null);
      requestAnimationFrame(() =>
        toolbarRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus(),
      );
    }
    text.addEventListener('contextmenu', onContextMenu);
    return () => text.removeEventListener('contextmenu', onContextMenu);
  }, [textRef, selection, hidden]);

  // Pressed from the keyboard, the focus goes back to the text, where selecting goes on.
  const markIn = async (color: PassageView['color']) => {
    const byKeyboard = toolbarRef.current?.contains(document.activeElement) ?? false;
    await mark?.({ color });
    if (byKeyboard) backToText();
  };

  const markAndComment = async () => {
    const span = selection;
    const passageId = await mark?.();
    if (passageId && span) setCommenting({ passageId, span });
  };

  // The focus goes where the link is written (the note), not back to the text.
  const markAndLink = async (link: (passage: PassageView) => void) => {
    const passageId = await mark?.();
    if (!passageId) return;
    const passage = await run('Could not link the passage', () => api.getPassage({ passageId }));
    if (passage) link(passage);
  };

  const pageOf = (passage: PassageView) =>
    passage.start === null ? null : pageAt(source.blocks, passage.start);
  const linkInNote = onLinkIntoNote && (() => void markAndLink(onLinkIntoNote));
  const quoteInNote =
    onQuoteIntoNote &&
    (() =>
      void markAndLink((passage) => onQuoteIntoNote(passage, citedFrom(source, pageOf(passage)))));
  // The toolbar's actions on keys too, whenever words are selected (Esc hides the toolbar only).
  const onSelection = (act: (() => void) | undefined) => (selection && !hidden && act) || null;
  useSelectionShortcut(shortcuts.quoteSelection, onSelection(quoteInNote), selection && tooShort);
  useSelectionShortcut(shortcuts.linkSelection, onSelection(linkInNote), selection && tooShort);

  const copyWithCitation = async () => {
    if (!selection) return;
    const words = source.text.slice(selection.start, selection.end);
    const copied = await copyPlainText(
      citation(words, source, pageAt(source.blocks, selection.start)),
    );
    toast(
      copied
        ? { kind: 'success', message: 'Copied with its citation' }
        : {
            kind: 'error',
            message: 'The clipboard is not available; select the text and copy it.',
          },
    );
  };

  const saveComment = async (comment: string) => {
    if (!commenting) return;
    const saved = await run('Could not save the comment', () =>
      api.annotatePassage({ passageId: commenting.passageId, comment }),
    );
    if (!saved) return;
    setCommenting(null);
    backToText();
  };

  const passageBox = (span: TextSpan) => () => {
    const container = textRef.current;
    return (
      container && (rangeForSpan(container, source.blocks, span)?.getBoundingClientRect() ?? null)
    );
  };

  return (
    <>
      {shown && (
        <SelectionToolbar
          panelRef={toolbarRef}
          anchor={selectionBox}
          bounds={bounds}
          labels={labels}
          tooShort={tooShort}
          busy={marking}
          onMark={(color) => void markIn(color)}
          onComment={() => void markAndComment()}
          onLinkInNote={linkInNote}
          onQuoteInNote={quoteInNote}
          onCopy={() => void copyWithCitation()}
          onClose={dismiss}
        />
      )}
      {commenting && (
        <FloatingPanel
          panelRef={commentRef}
          anchor={passageBox(commenting.span)}
          bounds={bounds}
          className="selection-comment"
          role="dialog"
          aria-label="Comment on the passage"
          data-testid="selection-comment-box"
        >
          <CommentEditor
            initial=""
            label="Comment on the passage"
            onSave={saveComment}
            onCancel={() => {
              setCommenting(null);
              backToText();
            }}
          />
        </FloatingPanel>
      )}
    </>
  );
}
