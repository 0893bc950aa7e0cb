import { $findMatchingParent, $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { mergeRegister } from '@lexical/utils';
import { useCallback, useEffect, useRef, useState } from 'react';
import { $isPassageLinkNode, readPassageLinkIds, type PassageLinkIds } from './PassageLinkNode';

/** The link a preview is shown for. */
export interface PreviewTarget extends PassageLinkIds {
  element: HTMLElement;
  /** The link's text: a deleted passage's quote, as the note still has it. */
  linkText: string;
}

/** Hovering is not yet asking: the preview waits this long before it opens. */
const openDelay = 300;
/** Moving from one link to the next does not close and reopen the preview. */
const closeDelay = 150;

const linkSelector = 'a[data-passage-id]';

/**
 * Which passage link of the note wants its preview: the one under the pointer
 * (after a short rest on it), else the one the caret is in while the note has
 * the keyboard focus. Escape closes the preview until the pointer or the caret
 * moves to another link. The editor keeps the focus throughout.
 */
export function usePreviewTarget(editor: LexicalEditor): PreviewTarget | null {
  const [target, setTarget] = useState<PreviewTarget | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const hovered = useRef<HTMLElement | null>(null);
  const caretIn = useRef<HTMLElement | null>(null);
  const dismissed = useRef<HTMLElement | null>(null);

  const later = useCallback((delay: number, then: () => void) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(then, delay);
  }, []);

  /** Shows the preview the pointer or the caret asks for now (none: closes it). */
  const settle = useCallback(
    (delay: number) =>
      later(delay, () => {
        const wanted = hovered.current ?? caretIn.current;
        if (wanted !== dismissed.current) dismissed.current = null;
        setTarget((shown) =>
          wanted && wanted !== dismissed.current && wanted.isConnected
            ? shown?.element === wanted
              ? shown
              : targetOf(wanted)
            : null,
        );
      }),
    [later],
  );

  useEffect(() => {
    function onPointerOver(event: MouseEvent) {
      const link = linkFrom(event.target);
      if (link === hovered.current) return;
      hovered.current = link;
      settle(link ? openDelay : closeDelay);
    }
    function onPointerOut(event: MouseEvent) {
      if (!hovered.current || hovered.current.contains(event.relatedTarget as Node | null)) return;
      hovered.current = null;
      settle(closeDelay);
    }
    function onFocusOut() {
      caretIn.current = null;
      settle(0);
    }
    function trackCaret() {
      const root = editor.getRootElement();
      const focused = root !== null && root.contains(document.activeElement);
      const linkKey = focused
        ? editor.getEditorState().read(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
            return $findMatchingParent(selection.anchor.getNode(), $isPassageLinkNode)?.getKey();
          })
        : null;
      const link = linkKey ? editor.getElementByKey(linkKey) : null;
      if (link === caretIn.current) return;
      caretIn.current = link;
      settle(link ? openDelay : 0);
    }
    return mergeRegister(
      editor.registerRootListener((root, previous) => {
        previous?.removeEventListener('mouseover', onPointerOver);
        previous?.removeEventListener('mouseout', onPointerOut);
        previous?.removeEventListener('focusout', onFocusOut);
        root?.addEventListener('mouseover', onPointerOver);
        root?.addEventListener('mouseout', onPointerOut);
        root?.addEventListener('focusout', onFocusOut);
      }),
      editor.registerUpdateListener(trackCaret),
      () => window.clearTimeout(timer.current),
    );
  }, [editor, settle]);

  // Escape closes an open preview, and does nothing else (focus mode stays, the editor keeps its caret).
  const open = target !== null;
  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      window.clearTimeout(timer.current);
      setTarget((shown) => {
        dismissed.current = shown?.element ?? null;
        return null;
      });
    }
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [open]);

  return target;
}

function linkFrom(node: EventTarget | null): HTMLElement | null {
  return node instanceof Element ? node.closest<HTMLElement>(linkSelector) : null;
}

function targetOf(element: HTMLElement): PreviewTarget | null {
  const ids = readPassageLinkIds(element);
  return ids && { ...ids, element, linkText: element.textContent ?? '' };
}
