import { CodeNode } from '@lexical/code-core';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isTextNode } from 'lexical';
import { useEffect } from 'react';

/**
 * A code block is plain monospace text: formats pasted into it (a browser's
 * `<pre><code>` arrives as code-formatted text) or typed there are dropped.
 */
export function PlainCodeBlocksPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerNodeTransform(CodeNode, (block) => {
        for (const child of block.getChildren()) {
          if ($isTextNode(child) && child.getFormat() !== 0) child.setFormat(0);
        }
      }),
    [editor],
  );
  return null;
}
