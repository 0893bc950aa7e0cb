/**
 * The walk over a DOM tree, depth-first in document order. It never
 * recurses: an explicit stack of the elements it is inside lets a page nested
 * 100,000 elements deep be read like any other. What a node means is the
 * visitor's business; the walk only enters and leaves.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

/** What entering a node asks of the walk: whether to go inside, and what to do on leaving it. */
export interface Visit {
  descend: boolean;
  leave?: () => void;
}

export const SKIP: Visit = { descend: false };
export const DESCEND: Visit = { descend: true };

/** What the walk reports; comments, doctypes and processing instructions are passed over. */
export interface TreeVisitor {
  /** Text (or CDATA) in document order. */
  enterText(data: string): void;
  enterElement(element: Element): Visit;
}

interface OpenNode {
  node: Node;
  leave: (() => void) | undefined;
}

/** Visits `root` and everything inside it, entering and leaving elements without recursion. */
export function walkTree(root: Node, visitor: TreeVisitor): void {
  const open: OpenNode[] = [];
  let node: Node | null = root;
  while (node) {
    const visit = enter(node, visitor);
    const child: Node | null = visit.descend ? node.firstChild : null;
    if (child) {
      open.push({ node, leave: visit.leave });
      node = child;
      continue;
    }
    visit.leave?.();
    node = following(node, root, open);
  }
}

function enter(node: Node, visitor: TreeVisitor): Visit {
  switch (node.nodeType) {
    case TEXT_NODE:
    case CDATA_SECTION_NODE:
      visitor.enterText((node as CharacterData).data);
      return SKIP;
    case ELEMENT_NODE:
      return visitor.enterElement(node as Element);
    case DOCUMENT_NODE:
    case DOCUMENT_FRAGMENT_NODE:
      return DESCEND;
    default:
      return SKIP;
  }
}

/** The next node after `node` and its subtree, leaving the elements that end on the way. */
function following(node: Node, root: Node, open: OpenNode[]): Node | null {
  let current = node;
  while (current !== root) {
    if (current.nextSibling) return current.nextSibling;
    const parent = open.pop();
    if (!parent) return null;
    parent.leave?.();
    current = parent.node;
  }
  return null;
}
