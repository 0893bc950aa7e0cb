import { LinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { useEffect } from 'react';
import { safeLinkHref } from '../../reader/safeLinkHref';

export const LINK_TARGET = '_blank';
export const LINK_REL = 'noopener noreferrer';

/**
 * Every link in a note is http, https or mailto and opens in a new window of
 * the system browser: a link of another kind (pasted `javascript:`, a relative
 * address) becomes its plain text. A click on a link opens it; the editor
 * alone would only move the cursor there.
 */
export function SafeLinksPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const anchor = (event.target as Element | null)?.closest?.('a.note-link');
      const href = anchor instanceof HTMLAnchorElement ? safeLinkHref(anchor.href) : null;
      if (!href || event.button !== 0) return;
      event.preventDefault();
      window.open(href, LINK_TARGET, 'noopener,noreferrer');
    };
    return mergeRegister(
      editor.registerNodeTransform(LinkNode, (link) => {
        const href = safeLinkHref(link.getURL());
        if (!href) {
          for (const child of link.getChildren()) link.insertBefore(child);
          link.remove();
          return;
        }
        if (link.getURL() !== href) link.setURL(href);
        if (link.getTarget() !== LINK_TARGET) link.setTarget(LINK_TARGET);
        if (link.getRel() !== LINK_REL) link.setRel(LINK_REL);
      }),
      editor.registerRootListener((root, previous) => {
        previous?.removeEventListener('click', onClick);
        root?.addEventListener('click', onClick);
      }),
    );
  }, [editor]);
  return null;
}
