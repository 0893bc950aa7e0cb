/**
 * An inline link from a note to a marked passage of a source. Its children
 * hold the link text (usually the quote). The core reads `passageId` from the
 * serialised form to derive backlinks, and the CLI writes notes in exactly
 * this shape, so the JSON is part of the contract between them.
 */
import {
  $applyNodeReplacement,
  ElementNode,
  nodeSchema,
  stringValue,
  withField,
  type DOMConversionOutput,
  type EditorConfig,
  type LexicalNode,
  type LexicalParseJSON,
  type NodeKey,
  type SerializedElementNode,
  type SerializedPartial,
  type Spread,
} from 'lexical';
import { isId } from '../../../shared/ids';
import { InlineLinkNode } from '../inlineLink/InlineLinkNode';
import { PASSAGE_LINK_TYPE } from '../../../shared/passageLink';

export type SerializedPassageLinkNode = Spread<
  { type: typeof PASSAGE_LINK_TYPE; version: 1; passageId: string; sourceId: string },
  SerializedElementNode
>;

export interface PassageLinkIds {
  passageId: string;
  sourceId: string;
}

const passageLinkSchema = nodeSchema<PassageLinkNode>()({
  passageId: withField(stringValue(), { field: '__passageId' }),
  sourceId: withField(stringValue(), { field: '__sourceId' }),
});

// Narrows the JSON methods to this node's serialised shape (a schema cannot).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface PassageLinkNode {
  exportJSON(compact?: false): SerializedPassageLinkNode;
  exportJSON(compact: boolean): SerializedPartial<SerializedPassageLinkNode>;
  updateFromJSON(serializedNode: LexicalParseJSON<SerializedPassageLinkNode>): this;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class PassageLinkNode extends InlineLinkNode {
  /** @internal */
  __passageId: string;
  /** @internal */
  __sourceId: string;

  override $config() {
    return this.config(PASSAGE_LINK_TYPE, {
      extends: ElementNode,
      json: passageLinkSchema,
      importDOM: {
        // Above a plain link's priority: this anchor is a passage link first.
        a: (element: HTMLElement) =>
          element.hasAttribute('data-passage-id')
            ? { conversion: $convertPassageLinkElement, priority: 2 }
            : null,
      },
    });
  }

  // Lexical creates the node empty, then fills it from JSON or from the node it clones.
  constructor(passageId = '', sourceId = '', key?: NodeKey) {
    super(key);
    this.__passageId = passageId;
    this.__sourceId = sourceId;
  }

  /** The schema reads any string; a link that points at no id is refused rather than loaded. */
  override updateFromJSON(serializedNode: LexicalParseJSON<SerializedPassageLinkNode>): this {
    const node = super.updateFromJSON(serializedNode);
    if (!isId(node.__passageId) || !isId(node.__sourceId)) {
      const { passageId, sourceId } = serializedNode;
      throw new Error(
        `${PASSAGE_LINK_TYPE} node has an invalid id: ${JSON.stringify({ passageId, sourceId })}`,
      );
    }
    return node;
  }

  override updateDOM(prevNode: this, element: HTMLElement): boolean {
    if (prevNode.__passageId !== this.__passageId || prevNode.__sourceId !== this.__sourceId) {
      this.writeIds(element);
    }
    return false;
  }

  protected override themeClass(config: EditorConfig): string | undefined {
    return config.theme.passageLink;
  }

  protected override writeIds(element: HTMLElement): void {
    element.dataset.passageId = this.__passageId;
    element.dataset.sourceId = this.__sourceId;
  }

  getPassageId(): string {
    return this.getLatest().__passageId;
  }

  getSourceId(): string {
    return this.getLatest().__sourceId;
  }
}

/**
 * The ids an anchor carries (`<a data-passage-id data-source-id>`), or null
 * when they are missing or not ids (HTML pasted from elsewhere).
 */
export function readPassageLinkIds(element: Pick<Element, 'getAttribute'>): PassageLinkIds | null {
  const passageId = element.getAttribute('data-passage-id');
  const sourceId = element.getAttribute('data-source-id');
  return isId(passageId) && isId(sourceId) ? { passageId, sourceId } : null;
}

/** An anchor whose ids do not hold up becomes no link; its text is still pasted. */
function $convertPassageLinkElement(element: HTMLElement): DOMConversionOutput {
  const ids = readPassageLinkIds(element);
  return { node: ids && $createPassageLinkNode(ids.passageId, ids.sourceId) };
}

export function $createPassageLinkNode(passageId: string, sourceId: string): PassageLinkNode {
  return $applyNodeReplacement(new PassageLinkNode(passageId, sourceId));
}

export function $isPassageLinkNode(node: LexicalNode | null | undefined): node is PassageLinkNode {
  return node instanceof PassageLinkNode;
}
