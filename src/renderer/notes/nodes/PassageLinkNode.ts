/**
 * An inline link from a note to a marked passage of a source. Its children
 * hold the link text (usually the quote). The core reads `passageId` from the
 * serialised form to derive backlinks, and the CLI writes notes in exactly
 * this shape, so the JSON below is part of the contract between them.
 */
import {
  $applyNodeReplacement,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type LexicalParseJSON,
  type NodeKey,
  type SerializedElementNode,
  type Spread,
} from 'lexical';

export type SerializedPassageLinkNode = Spread<
  { type: 'passage-link'; version: 1; passageId: string; sourceId: string },
  SerializedElementNode
>;

/** Ids arrive from stored JSON; anything that is not a plain id string is refused. */
function readId(value: unknown, name: string): string {
  if (typeof value === 'string' && /^[1-9][0-9]*$/.test(value)) return value;
  throw new Error(`passage-link node has an invalid ${name}: ${JSON.stringify(value)}`);
}

export class PassageLinkNode extends ElementNode {
  /** @internal */
  __passageId: string;
  /** @internal */
  __sourceId: string;

  static override getType(): string {
    return 'passage-link';
  }

  static override clone(node: PassageLinkNode): PassageLinkNode {
    return new PassageLinkNode(node.__passageId, node.__sourceId, node.__key);
  }

  static override importJSON(serializedNode: SerializedPassageLinkNode): PassageLinkNode {
    return $createPassageLinkNode(
      readId(serializedNode.passageId, 'passageId'),
      readId(serializedNode.sourceId, 'sourceId'),
    ).updateFromJSON(serializedNode);
  }

  constructor(passageId: string, sourceId: string, key?: NodeKey) {
    super(key);
    this.__passageId = passageId;
    this.__sourceId = sourceId;
  }

  override updateFromJSON(serializedNode: LexicalParseJSON<SerializedPassageLinkNode>): this {
    const node = super.updateFromJSON(serializedNode).getWritable();
    node.__passageId = readId(serializedNode.passageId, 'passageId');
    node.__sourceId = readId(serializedNode.sourceId, 'sourceId');
    return node;
  }

  // Always the full form (the compact flag is ignored): the core reads these keys as they are.
  override exportJSON(): SerializedPassageLinkNode {
    return {
      ...super.exportJSON(),
      type: 'passage-link',
      version: 1,
      passageId: this.getPassageId(),
      sourceId: this.getSourceId(),
    };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('a');
    element.className = config.theme.passageLink ?? 'passage-link';
    element.href = '#';
    this.writeIds(element);
    return element;
  }

  override updateDOM(prevNode: this, element: HTMLElement): boolean {
    if (prevNode.__passageId !== this.__passageId || prevNode.__sourceId !== this.__sourceId) {
      this.writeIds(element);
    }
    return false;
  }

  private writeIds(element: HTMLElement): void {
    element.dataset.passageId = this.__passageId;
    element.dataset.sourceId = this.__sourceId;
  }

  getPassageId(): string {
    return this.getLatest().__passageId;
  }

  getSourceId(): string {
    return this.getLatest().__sourceId;
  }

  override isInline(): true {
    return true;
  }

  override canInsertTextBefore(): false {
    return false;
  }

  override canInsertTextAfter(): false {
    return false;
  }

  override canBeEmpty(): false {
    return false;
  }
}

export function $createPassageLinkNode(passageId: string, sourceId: string): PassageLinkNode {
  return $applyNodeReplacement(new PassageLinkNode(passageId, sourceId));
}

export function $isPassageLinkNode(node: LexicalNode | null | undefined): node is PassageLinkNode {
  return node instanceof PassageLinkNode;
}
