/**
 * What a note's links to passages and to other notes share: an inline element
 * whose children are the link text, drawn as an anchor that carries its
 * target's ids as data attributes (copy and paste read them back through each
 * node's `importDOM`), never empty and never typed into at its edges. Like the
 * playground's DecoratorBlockNode, it is a base that is never registered itself,
 * and it has no `$config` of its own: its subclasses' configs extend ElementNode.
 */
import {
  $getDocument,
  addClassNamesToElement,
  ElementNode,
  type DOMExportOutput,
  type EditorConfig,
} from 'lexical';

export abstract class InlineLinkNode extends ElementNode {
  /** Writes the node's ids onto its anchor. */
  protected abstract writeIds(element: HTMLElement): void;

  /** The theme's class for this kind of link. */
  protected abstract themeClass(config: EditorConfig): string | undefined;

  override createDOM(config: EditorConfig): HTMLElement {
    const element = this.createAnchor();
    const className = this.themeClass(config);
    if (className) addClassNamesToElement(element, className);
    return element;
  }

  /** For copy and paste: the ids travel as data attributes. */
  override exportDOM(): DOMExportOutput {
    return { element: this.createAnchor() };
  }

  private createAnchor(): HTMLAnchorElement {
    const element = $getDocument().createElement('a');
    element.href = '#';
    this.writeIds(element);
    return element;
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
