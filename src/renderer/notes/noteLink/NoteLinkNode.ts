/**
 * An inline link from a note to another note, typed as `[[` and a title. Its
 * children hold the link text (the note's title when linked). The core reads
 * `noteId` from the serialised form for backlinks and rewrites the text when
 * the linked note is renamed, so the JSON is part of the contract with it.
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
import { NOTE_LINK_TYPE } from '../../../shared/noteLink';

export type SerializedNoteLinkNode = Spread<
  { type: typeof NOTE_LINK_TYPE; version: 1; noteId: string },
  SerializedElementNode
>;

const noteLinkSchema = nodeSchema<NoteLinkNode>()({
  noteId: withField(stringValue(), { field: '__noteId' }),
});

// Narrows the JSON methods to this node's serialised shape (a schema cannot).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface NoteLinkNode {
  exportJSON(compact?: false): SerializedNoteLinkNode;
  exportJSON(compact: boolean): SerializedPartial<SerializedNoteLinkNode>;
  updateFromJSON(serializedNode: LexicalParseJSON<SerializedNoteLinkNode>): this;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class NoteLinkNode extends InlineLinkNode {
  /** @internal */
  __noteId: string;

  override $config() {
    return this.config(NOTE_LINK_TYPE, {
      extends: ElementNode,
      json: noteLinkSchema,
      importDOM: {
        // Above a plain link's priority: this anchor is a note link first.
        a: (element: HTMLElement) =>
          element.hasAttribute('data-note-id')
            ? { conversion: $convertNoteLinkElement, priority: 2 }
            : null,
      },
    });
  }

  // Lexical creates the node empty, then fills it from JSON or from the node it clones.
  constructor(noteId = '', key?: NodeKey) {
    super(key);
    this.__noteId = noteId;
  }

  /** The schema reads any string; a link that points at no id is refused rather than loaded. */
  override updateFromJSON(serializedNode: LexicalParseJSON<SerializedNoteLinkNode>): this {
    const node = super.updateFromJSON(serializedNode);
    if (!isId(node.__noteId)) {
      throw new Error(
        `${NOTE_LINK_TYPE} node has an invalid id: ${JSON.stringify(serializedNode.noteId)}`,
      );
    }
    return node;
  }

  override updateDOM(prevNode: this, element: HTMLElement): boolean {
    if (prevNode.__noteId !== this.__noteId) this.writeIds(element);
    return false;
  }

  protected override themeClass(config: EditorConfig): string | undefined {
    return config.theme.noteLink;
  }

  protected override writeIds(element: HTMLElement): void {
    element.dataset.noteId = this.__noteId;
  }

  getNoteId(): string {
    return this.getLatest().__noteId;
  }
}

/** The note id an anchor carries (`<a data-note-id>`), or null when it is missing or not an id. */
export function readNoteLinkId(element: Pick<Element, 'getAttribute'>): string | null {
  const noteId = element.getAttribute('data-note-id');
  return isId(noteId) ? noteId : null;
}

/** An anchor whose id does not hold up becomes no link; its text is still pasted. */
function $convertNoteLinkElement(element: HTMLElement): DOMConversionOutput {
  const noteId = readNoteLinkId(element);
  return { node: noteId === null ? null : $createNoteLinkNode(noteId) };
}

export function $createNoteLinkNode(noteId: string): NoteLinkNode {
  return $applyNodeReplacement(new NoteLinkNode(noteId));
}

export function $isNoteLinkNode(node: LexicalNode | null | undefined): node is NoteLinkNode {
  return node instanceof NoteLinkNode;
}
