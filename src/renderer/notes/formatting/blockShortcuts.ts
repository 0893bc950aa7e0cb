/**
 * Markdown-style shortcuts at the start of a paragraph: `## ` heading, `> `
 * quote, `- ` bullet list, `1. ` numbered list, `[ ] ` check list, ``` ``` ```
 * code block, `---` rule; and inside text `~~strike~~` and `` `code` ``. They
 * do what the toolbar's buttons do, and the toolbar names them in its tooltips.
 */
import { CodeNode } from '@lexical/code-core';
import { ListItemNode, ListNode } from '@lexical/list';
import { INLINE_CODE, STRIKETHROUGH } from '@lexical/markdown';
import {
  $createHorizontalRuleNode,
  HorizontalRuleNode,
} from '@lexical/react/LexicalHorizontalRuleNode';
import type { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $isParagraphNode, type Klass, type LexicalNode } from 'lexical';
import type { ComponentProps } from 'react';
import { $toggleSelectedBlocks, type ToggledBlockType } from './blockFormat';

type Transformer = NonNullable<
  ComponentProps<typeof MarkdownShortcutPlugin>['transformers']
>[number];

interface BlockShortcut {
  /** What to type, before a space, shown in the tooltip. */
  marker: string;
  regExp: RegExp;
  nodes: Array<Klass<LexicalNode>>;
}

const shortcuts: Record<ToggledBlockType, BlockShortcut> = {
  heading: { marker: '##', regExp: /^##\s/, nodes: [HeadingNode] },
  quote: { marker: '>', regExp: /^>\s/, nodes: [QuoteNode] },
  bullet: { marker: '-', regExp: /^[-*]\s/, nodes: [ListNode, ListItemNode] },
  number: { marker: '1.', regExp: /^\d{1,3}\.\s/, nodes: [ListNode, ListItemNode] },
  check: { marker: '[ ]', regExp: /^\[[ xX]?\]\s/, nodes: [ListNode, ListItemNode] },
  code: { marker: '```', regExp: /^```\s/, nodes: [CodeNode] },
};

export const ruleShortcutHint = '--- at line start';

export function blockShortcutHint(type: ToggledBlockType): string {
  return `${shortcuts[type].marker} at line start`;
}

/** For MarkdownShortcutPlugin: one element transformer per block kind, for plain paragraphs only. */
const blockTransformers: Transformer[] = Object.entries(shortcuts).map(
  ([type, { regExp, nodes }]) => ({
    type: 'element',
    dependencies: nodes,
    regExp,
    // Typing shortcuts only; notes are never exported to Markdown.
    export: () => null,
    replace: (block) => {
      // Not inside a heading, quote or list item: the marker is then just text.
      if (!$isParagraphNode(block)) return false;
      // The cursor is in `block`, right after the marker, which the plugin removes afterwards.
      $toggleSelectedBlocks(type as ToggledBlockType);
    },
  }),
);

/** `--- ` on a line of its own: the paragraph becomes a rule, and writing goes on below it. */
const ruleTransformer: Transformer = {
  type: 'element',
  dependencies: [HorizontalRuleNode],
  regExp: /^---\s/,
  export: () => null,
  replace: (block) => {
    if (!$isParagraphNode(block)) return false;
    block.insertBefore($createHorizontalRuleNode());
    // The plugin removes the marker from `block`, which stays as the empty line below the rule.
  },
};

export const noteShortcutTransformers: Transformer[] = [
  ...blockTransformers,
  ruleTransformer,
  STRIKETHROUGH,
  INLINE_CODE,
];
