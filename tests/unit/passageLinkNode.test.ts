/**
 * The passage link node's serialised form is a contract with the core (which
 * reads backlinks from it and writes it for the CLI), so its JSON is pinned
 * here. The DOM side runs in Chromium (e2e); here only the conversion's rules.
 */
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  createEditor,
  type DOMConversionOutput,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { buildNoteBody } from '../../src/core/notes/noteBody';
import {
  $createPassageLinkNode,
  $isPassageLinkNode,
  PassageLinkNode,
  readPassageLinkIds,
} from '../../src/renderer/notes/passageLink/PassageLinkNode';

function noteEditor() {
  return createEditor({
    namespace: 'test',
    nodes: [PassageLinkNode],
    onError: (error) => {
      throw error;
    },
  });
}

/** Just enough of an `<a>` for the conversion, which reads attributes only. */
function anchor(attributes: Record<string, string>): HTMLElement {
  return {
    hasAttribute: (name: string) => name in attributes,
    getAttribute: (name: string) => attributes[name] ?? null,
  } as unknown as HTMLElement;
}

/** What pasting this `<a>` makes of it through the node's importDOM; null when the node leaves it alone. */
function convertAnchor(element: HTMLElement): DOMConversionOutput | null {
  const claim = PassageLinkNode.importDOM?.()?.a?.(element);
  return claim ? claim.conversion(element) : null;
}

describe('PassageLinkNode JSON', () => {
  it('writes the shape the core reads, and reads it back', () => {
    const editor = noteEditor();
    editor.update(
      () => {
        const link = $createPassageLinkNode('7', '2').append($createTextNode('the report'));
        $getRoot().append($createParagraphNode().append(link));
      },
      { discrete: true },
    );
    const state = editor.getEditorState().toJSON();
    const paragraph = state.root.children[0] as unknown as { children: unknown[] };
    expect(paragraph.children[0]).toEqual({
      children: [
        {
          detail: 0,
          format: 0,
          mode: 'normal',
          style: '',
          text: 'the report',
          type: 'text',
          version: 1,
        },
      ],
      direction: null,
      format: '',
      indent: 0,
      type: 'passage-link',
      version: 1,
      passageId: '7',
      sourceId: '2',
    });

    const reloaded = noteEditor().parseEditorState(JSON.stringify(state));
    expect(reloaded.toJSON()).toEqual(state);
    reloaded.read(() => {
      const link = $getRoot().getFirstDescendant()?.getParent();
      expect($isPassageLinkNode(link)).toBe(true);
      expect(link?.getTextContent()).toBe('the report');
    });
  });

  it('loads a body the core wrote (CLI, createNote) and writes it back byte for byte', () => {
    const body = buildNoteBody('See:', [{ passageId: '12', sourceId: '4', quote: 'a quote' }]);
    expect(JSON.stringify(noteEditor().parseEditorState(body).toJSON())).toBe(body);
  });

  it('refuses a link whose ids are not ids', () => {
    for (const ids of [
      { passageId: '07', sourceId: '2' },
      { passageId: 7, sourceId: '2' },
      { passageId: '7' },
    ]) {
      const body = buildNoteBody('', [{ passageId: '7', sourceId: '2', quote: 'q' }]).replace(
        '"passageId":"7","sourceId":"2"',
        JSON.stringify(ids).slice(1, -1),
      );
      expect(() => noteEditor().parseEditorState(body)).toThrow(/invalid id/);
    }
  });
});

describe('PassageLinkNode DOM import', () => {
  it('reads the ids an exported link carries, and only real ids', () => {
    expect(readPassageLinkIds(anchor({ 'data-passage-id': '7', 'data-source-id': '2' }))).toEqual({
      passageId: '7',
      sourceId: '2',
    });
    expect(readPassageLinkIds(anchor({ 'data-passage-id': '7' }))).toBeNull();
    expect(
      readPassageLinkIds(anchor({ 'data-passage-id': 'x', 'data-source-id': '2' })),
    ).toBeNull();
  });

  it('claims only anchors with a passage id, and turns them into passage links', () => {
    const editor = noteEditor();
    editor.update(
      () => {
        expect(convertAnchor(anchor({ href: 'https://example.org' }))).toBeNull();

        const node = convertAnchor(
          anchor({ href: '#', 'data-passage-id': '7', 'data-source-id': '2' }),
        )?.node;
        expect(node).toBeInstanceOf(PassageLinkNode);
        const link = node as PassageLinkNode;
        expect([link.getPassageId(), link.getSourceId()]).toEqual(['7', '2']);

        // Claimed, but ids that do not hold up make no link (its text is still pasted).
        const forged = anchor({ 'data-passage-id': '7', 'data-source-id': '../2' });
        expect(convertAnchor(forged)).toEqual({ node: null });
      },
      { discrete: true },
    );
  });
});
