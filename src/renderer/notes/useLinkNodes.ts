import {
  $getNodeByKey,
  type Klass,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import { useEffect, useState } from 'react';

/**
 * The nodes of one kind in the editor, by key, each read into what a caller
 * needs of it; a new map after every change to one (Lexical may have drawn its
 * element anew, without the attributes a caller set on it).
 */
export function useLinkNodes<N extends LexicalNode, T>(
  editor: LexicalEditor,
  kind: Klass<N>,
  read: (node: N) => T,
): ReadonlyMap<NodeKey, T> {
  const [nodes, setNodes] = useState<ReadonlyMap<NodeKey, T>>(new Map());
  useEffect(() => {
    const isKind = (node: LexicalNode | null): node is N => node instanceof kind;
    return editor.registerMutationListener(kind, (mutations) => {
      // Read as the mutations come, while the nodes are as they say.
      const changes = editor.getEditorState().read(() =>
        [...mutations].map(([key, mutation]) => {
          const node = mutation === 'destroyed' ? null : $getNodeByKey(key);
          return [key, isKind(node) ? read(node) : undefined] as const;
        }),
      );
      setNodes((current) => {
        const next = new Map(current);
        for (const [key, value] of changes) {
          if (value === undefined) next.delete(key);
          else next.set(key, value);
        }
        return next;
      });
    });
  }, [editor, kind, read]);
  return nodes;
}
