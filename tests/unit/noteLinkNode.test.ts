/**
 * The note link node's serialised form is a contract with the core (which
 * reads backlinks from it and renames its text), so its JSON is pinned here,
 * with the `[[` trigger that opens the note menu.
 */
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  createEditor,
  type DOMConversionOutput,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { extractNoteContent, retitleNoteLinks } from '../../src/core/notes/noteBody';
import {
  $createNoteLinkNode,
  $isNoteLinkNode,
  NoteLinkNode,
  readNoteLinkId,
} from '../../src/renderer/notes/noteLink/NoteLinkNode';
import { matchNoteLinkTrigger } from '../../src/renderer/notes/noteLink/noteLinkTrigger';

function noteEditor() {
  return createEditor({
    namespace: 'test',
    nodes: [NoteLinkNode],
    onError: (error) => {
      throw error;
    },
  });
}

function stateWithLink(noteId: string, words: string): string {
  const editor = noteEditor();
  editor.update(
    () => {
      const link = $createNoteLinkNode(noteId).append($createTextNode(words));
      $getRoot().append($createParagraphNode().append($createTextNode('See '), link));
    },
    { discrete: true },
  );
  return JSON.stringify(editor.getEditorState().toJSON());
}

const anchor = (attributes: Record<string, string>) =>
  ({
    hasAttribute: (name: string) => name in attributes,
    getAttribute: (name: string) => attributes[name] ?? null,
  }) as unknown as HTMLElement;

function convertAnchor(element: HTMLElement): DOMConversionOutput | null {
  const claim = NoteLinkNode.importDOM?.()?.a?.(element);
  return claim ? claim.conversion(element) : null;
}

describe('NoteLinkNode JSON', () => {
  it('writes the shape the core reads, and reads it back', () => {
    const state = stateWithLink('12', 'Harbour of Aden');
    const paragraph = (JSON.parse(state) as { root: { children: Array<{ children: unknown[] }> } })
      .root.children[0]!;
    expect(paragraph.children[1]).toMatchObject({
      type: 'note-link',
      version: 1,
      noteId: '12',
      children: [{ type: 'text', text: 'Harbour of Aden' }],
    });
    expect(extractNoteContent(state)).toEqual({
      plainText: 'See Harbour of Aden',
      passageIds: [],
      noteIds: ['12'],
    });

    const reloaded = noteEditor().parseEditorState(state);
    expect(JSON.stringify(reloaded.toJSON())).toBe(state);
    reloaded.read(() => {
      const link = $getRoot().getLastDescendant()?.getParent();
      expect($isNoteLinkNode(link)).toBe(true);
    });
  });

  it('loads a body whose link the core renamed', () => {
    const renamed = retitleNoteLinks(stateWithLink('12', 'Aden'), '12', 'Aden', 'Port of Aden');
    expect(renamed).not.toBeNull();
    noteEditor()
      .parseEditorState(renamed!)
      .read(() => expect($getRoot().getTextContent()).toBe('See Port of Aden'));
  });

  it('refuses a link whose id is not an id', () => {
    const body = stateWithLink('12', 'x').replace('"noteId":"12"', '"noteId":"../12"');
    expect(() => noteEditor().parseEditorState(body)).toThrow(/invalid id/);
  });

  it('claims only anchors with a note id when pasted', () => {
    expect(readNoteLinkId(anchor({ 'data-note-id': '3' }))).toBe('3');
    const editor = noteEditor();
    editor.update(
      () => {
        expect(convertAnchor(anchor({ href: 'https://example.org' }))).toBeNull();
        expect(convertAnchor(anchor({ 'data-note-id': '3' }))?.node).toBeInstanceOf(NoteLinkNode);
        expect(convertAnchor(anchor({ 'data-note-id': 'x' }))).toEqual({ node: null });
      },
      { discrete: true },
    );
  });
});

describe('the [[ trigger', () => {
  it('matches [[ at a word start up to the cursor, in any script', () => {
    expect(matchNoteLinkTrigger('See [[Harb')).toEqual({
      leadOffset: 4,
      matchingString: 'Harb',
      replaceableString: '[[Harb',
    });
    expect(matchNoteLinkTrigger('[[')).toMatchObject({ leadOffset: 0, matchingString: '' });
    expect(matchNoteLinkTrigger('نگاه کنید [[بندر عب')).toMatchObject({
      matchingString: 'بندر عب',
    });
    expect(matchNoteLinkTrigger('(see [[a b')).toMatchObject({ matchingString: 'a b' });
  });

  it('does not match a closed link, a bracket inside a word, or a line break', () => {
    expect(matchNoteLinkTrigger('See [[Harbour]]')).toBeNull();
    expect(matchNoteLinkTrigger('array[[0')).toBeNull();
    expect(matchNoteLinkTrigger('[[one\ntwo')).toBeNull();
  });
});
