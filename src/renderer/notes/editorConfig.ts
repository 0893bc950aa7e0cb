import { CodeNode } from '@lexical/code-core';
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import type { InitialConfigType } from '@lexical/react/LexicalComposer';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { EditorThemeClasses } from 'lexical';
import { NoteLinkNode } from './noteLink/NoteLinkNode';
import { PassageLinkNode } from './passageLink/PassageLinkNode';

const theme: EditorThemeClasses = {
  paragraph: 'note-paragraph',
  heading: { h1: 'note-h1', h2: 'note-h2', h3: 'note-h3' },
  quote: 'note-quote',
  code: 'note-code-block',
  link: 'note-link',
  hr: 'note-rule',
  list: {
    ul: 'note-list note-list-bullet',
    ol: 'note-list note-list-number',
    checklist: 'note-list note-list-check',
    listitem: 'note-list-item',
    listitemChecked: 'note-check-item note-check-item-checked',
    listitemUnchecked: 'note-check-item',
    // The item that only holds a nested list: no marker of its own.
    nested: { listitem: 'note-list-nested' },
  },
  text: {
    bold: 'note-bold',
    italic: 'note-italic',
    underline: 'note-underline',
    strikethrough: 'note-strikethrough',
    underlineStrikethrough: 'note-underline-strikethrough',
    code: 'note-code',
  },
  passageLink: 'passage-link',
  noteLink: 'linked-note',
};

/** The editor of one note, starting from its stored body (a serialised editor state). */
export function noteEditorConfig(body: string): InitialConfigType {
  return {
    namespace: 'dossier-note',
    nodes: [
      HeadingNode,
      QuoteNode,
      ListNode,
      ListItemNode,
      CodeNode,
      LinkNode,
      HorizontalRuleNode,
      PassageLinkNode,
      NoteLinkNode,
    ],
    theme,
    editorState: body,
    onError(error) {
      // Lexical has already undone the failed update; the note on screen stays consistent.
      console.error('Note editor error', error);
    },
  };
}
