import { $createCodeNode, CodeNode } from '@lexical/code-core';
import { $createLinkNode, LinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list';
import {
  $createHorizontalRuleNode,
  HorizontalRuleNode,
} from '@lexical/react/LexicalHorizontalRuleNode';
import { $createHeadingNode, $createQuoteNode, HeadingNode, QuoteNode } from '@lexical/rich-text';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  createEditor,
  ParagraphNode,
  TextNode,
  LineBreakNode,
  ElementNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { buildNoteBody, extractNoteContent } from '../../src/core/notes/noteBody';
import {
  $createPassageLinkNode,
  PassageLinkNode,
} from '../../src/renderer/notes/passageLink/PassageLinkNode';
import { DossierError } from '../../src/shared/errors';

function errorCode(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DossierError);
    return (error as DossierError).code;
  }
  throw new Error('expected a DossierError');
}

describe('extractNoteContent', () => {
  it('joins blocks with line breaks and collects passage links once, in order', () => {
    const body = JSON.stringify({
      root: {
        type: 'root',
        children: [
          { type: 'heading', children: [{ type: 'text', text: 'Sources' }] },
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'See ' },
              {
                type: 'passage-link',
                passageId: '7',
                children: [{ type: 'text', text: 'a quote' }],
              },
              { type: 'linebreak' },
              {
                type: 'passage-link',
                passageId: '3',
                children: [{ type: 'text', text: 'another' }],
              },
              { type: 'passage-link', passageId: '7', children: [{ type: 'text', text: 'again' }] },
            ],
          },
          { type: 'paragraph', children: [] },
          {
            type: 'list',
            children: [
              { type: 'listitem', children: [{ type: 'text', text: 'one' }] },
              {
                type: 'listitem',
                children: [{ type: 'link', children: [{ type: 'text', text: 'two' }] }],
              },
            ],
          },
        ],
      },
    });
    expect(extractNoteContent(body)).toEqual({
      plainText: 'Sources\nSee a quote\nanotheragain\n\none\ntwo',
      passageIds: ['7', '3'],
      noteIds: [],
    });
  });

  it('puts each heading, list item and quote of a real Lexical 0.52 export on its own line', () => {
    // Built with the note editor's own nodes and serialised by Lexical itself, as the app saves it.
    const editor = createEditor({
      namespace: 'test',
      nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, PassageLinkNode],
      onError: (error) => {
        throw error;
      },
    });
    editor.update(
      () => {
        const item = (...children: Array<TextNode | ElementNode>) =>
          $createListItemNode().append(...children);
        const text = (value: string) => $createTextNode(value);
        $getRoot().append(
          $createHeadingNode('h2').append(text('Findings')),
          $createListNode('bullet').append(
            item(text('Seen in '), $createPassageLinkNode('7', '2').append(text('the report'))),
            item(text('Second point')),
            // A nested list sits in an item of its own.
            item($createListNode('bullet').append(item(text('Detail')))),
          ),
          $createListNode('number').append(item(text('One')), item(text('Two'))),
          $createQuoteNode().append(text('Quoted')),
          $createParagraphNode().append(text('Bold').toggleFormat('bold'), text(' and plain')),
        );
      },
      { discrete: true },
    );
    const body = JSON.stringify(editor.getEditorState().toJSON());
    expect(extractNoteContent(body)).toEqual({
      plainText:
        'Findings\nSeen in the report\nSecond point\nDetail\nOne\nTwo\nQuoted\nBold and plain',
      passageIds: ['7'],
      noteIds: [],
    });
  });

  it('reads code blocks, check list items and links as text, and a rule as nothing', () => {
    const editor = createEditor({
      namespace: 'test',
      nodes: [ListNode, ListItemNode, CodeNode, LinkNode, HorizontalRuleNode],
      onError: (error) => {
        throw error;
      },
    });
    editor.update(
      () => {
        const text = (value: string) => $createTextNode(value);
        $getRoot().append(
          $createParagraphNode().append(
            text('See '),
            $createLinkNode('https://example.org/').append(text('the site')),
            text(' and '),
            text('x = 1').toggleFormat('code'),
            text(' or '),
            text('not this').toggleFormat('strikethrough'),
          ),
          $createHorizontalRuleNode(),
          $createListNode('check').append(
            $createListItemNode(true).append(text('Done')),
            $createListItemNode(false).append(text('To do')),
          ),
          $createCodeNode().append(text('let a = 1;'), $createLineBreakNode(), text('a += 1;')),
          $createParagraphNode().append(text('After')),
        );
      },
      { discrete: true },
    );
    const body = JSON.stringify(editor.getEditorState().toJSON());
    expect(extractNoteContent(body).plainText).toBe(
      'See the site and x = 1 or not this\nDone\nTo do\nlet a = 1;\na += 1;\nAfter',
    );
  });

  it('rejects malformed JSON, a body without root, and a bad passage id', () => {
    expect(errorCode(() => extractNoteContent('{not json'))).toBe('invalid_argument');
    expect(errorCode(() => extractNoteContent('{"editorState":{}}'))).toBe('invalid_argument');
    expect(errorCode(() => extractNoteContent('null'))).toBe('invalid_argument');
    expect(errorCode(() => extractNoteContent('{"root":{"type":"root"}}'))).toBe(
      'invalid_argument',
    );
    const badLink = JSON.stringify({
      root: { type: 'root', children: [{ type: 'passage-link', passageId: 7, children: [] }] },
    });
    expect(errorCode(() => extractNoteContent(badLink))).toBe('invalid_argument');
  });
});

describe('buildNoteBody', () => {
  const links = [{ passageId: '12', sourceId: '4', quote: 'first line\n\nsecond' }];

  it('round-trips through extractNoteContent', () => {
    const body = buildNoteBody('Why this matters:\n\nIt does.', links);
    expect(extractNoteContent(body)).toEqual({
      plainText: 'Why this matters:\n\nIt does.\nfirst line\n\nsecond',
      passageIds: ['12'],
      noteIds: [],
    });
  });

  it('writes paragraph and text nodes exactly as Lexical 0.52 exports them', () => {
    // The reference: Lexical's own exportJSON for the same plain paragraphs.
    const editor = createEditor({
      namespace: 'test',
      onError: (error) => {
        throw error;
      },
    });
    const state = editor.parseEditorState(buildNoteBody('One\n\nTwo', []));
    expect(state.toJSON()).toEqual(JSON.parse(buildNoteBody('One\n\nTwo', [])));
  });

  it('loads in a Lexical editor that knows a passage-link element node', () => {
    class PassageLinkNode extends ElementNode {
      __passageId = '';
      __sourceId = '';
      static override getType() {
        return 'passage-link';
      }
      static override clone(node: PassageLinkNode) {
        const copy = new PassageLinkNode(node.__key);
        copy.__passageId = node.__passageId;
        copy.__sourceId = node.__sourceId;
        return copy;
      }
      static override importJSON(json: Record<string, unknown>) {
        const node = new PassageLinkNode();
        node.__passageId = String(json.passageId);
        node.__sourceId = String(json.sourceId);
        return node;
      }
      override exportJSON() {
        return { ...super.exportJSON(), passageId: this.__passageId, sourceId: this.__sourceId };
      }
      override isInline() {
        return true;
      }
      override createDOM(): HTMLElement {
        throw new Error('not rendered in this test');
      }
      override updateDOM() {
        return false;
      }
    }
    const editor = createEditor({
      namespace: 'test',
      nodes: [ParagraphNode, TextNode, LineBreakNode, PassageLinkNode],
      onError: (error) => {
        throw error;
      },
    });
    // Lexical re-exports the body unchanged: every node has the shape the editor writes.
    const body = buildNoteBody('Read this:', links);
    expect(editor.parseEditorState(body).toJSON()).toEqual(JSON.parse(body));
  });
});
