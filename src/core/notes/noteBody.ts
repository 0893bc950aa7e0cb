/**
 * A note's body is a serialised Lexical editor state. The core never runs
 * Lexical: it reads the body's text and passage links for search and
 * backlinks, and writes simple bodies (from the CLI or createNote) in the
 * exact shapes Lexical 0.52's exportJSON produces, so the editor loads them.
 */
import { DossierError } from '../../shared/errors';
import { isId } from '../../shared/ids';
import { NOTE_LINK_TYPE } from '../../shared/noteLink';
import { PASSAGE_LINK_TYPE } from '../../shared/passageLink';

export interface NoteContent {
  plainText: string;
  /** Linked passages in order of first appearance, without repeats. */
  passageIds: string[];
  /** Linked notes in order of first appearance, without repeats. */
  noteIds: string[];
}

export interface PassageLinkInput {
  passageId: string;
  sourceId: string;
  quote: string;
}

interface SerializedNode {
  type?: unknown;
  text?: unknown;
  passageId?: unknown;
  noteId?: unknown;
  children?: unknown;
}

const HORIZONTAL_RULE_TYPE = 'horizontalrule';

/** Element nodes that sit inside a line of text rather than starting a new one. */
const INLINE_ELEMENT_TYPES = new Set([
  'link',
  'autolink',
  'mark',
  PASSAGE_LINK_TYPE,
  NOTE_LINK_TYPE,
]);

export function extractNoteContent(bodyJson: string): NoteContent {
  const root = parseRoot(bodyJson);
  const passageIds = new Set<string>();
  const noteIds = new Set<string>();
  const lines: string[] = [];
  // The line being filled, or null between blocks.
  let line: string | null = null;
  const append = (text: string): void => {
    line = (line ?? '') + text;
  };

  const visit = (node: SerializedNode): void => {
    if (node.type === PASSAGE_LINK_TYPE) passageIds.add(readLinkId(node, 'passageId'));
    if (node.type === NOTE_LINK_TYPE) noteIds.add(readLinkId(node, 'noteId'));
    // A rule has no words: it must not leave an empty line behind either.
    if (node.type === HORIZONTAL_RULE_TYPE) return;
    if (typeof node.text === 'string') append(node.text);
    else if (node.type === 'linebreak') append('\n');
    else if (node.type === 'tab') append('\t');
    else if (typeof node.type === 'string' && INLINE_ELEMENT_TYPES.has(node.type)) {
      childrenOf(node).forEach(visit);
    } else {
      // A block (paragraph, heading, quote, list item …) is a line of its own;
      // a container block (a list) adds no empty line around its items.
      if (line) lines.push(line);
      line = '';
      childrenOf(node).forEach(visit);
      if (line !== null) lines.push(line);
      line = null;
    }
  };

  childrenOf(root).forEach(visit);
  return { plainText: lines.join('\n'), passageIds: [...passageIds], noteIds: [...noteIds] };
}

/**
 * The body with every link to `noteId` whose text is exactly `oldText` (the
 * note's old title: the analyst did not word it otherwise) now reading
 * `newText`; null when no link changed.
 */
export function retitleNoteLinks(
  bodyJson: string,
  noteId: string,
  oldText: string,
  newText: string,
): string | null {
  const state = parseState(bodyJson);
  let changed = false;
  const visit = (node: SerializedNode): void => {
    if (node.type === NOTE_LINK_TYPE && node.noteId === noteId) {
      const texts = childrenOf(node);
      const words = texts.every((child) => typeof child.text === 'string')
        ? texts.map((child) => child.text).join('')
        : null;
      if (texts.length > 0 && words === oldText) {
        // The first run keeps its formatting; the words are the new title.
        node.children = [{ ...texts[0], text: newText }];
        changed = true;
      }
      return;
    }
    childrenOf(node).forEach(visit);
  };
  visit(state.root);
  return changed ? JSON.stringify(state) : null;
}

/** A Lexical state with one paragraph per line of `text`, then one paragraph per passage link. */
export function buildNoteBody(text: string, links: readonly PassageLinkInput[]): string {
  const paragraphs = text === '' && links.length > 0 ? [] : text.split(/\r?\n/).map(textParagraph);
  for (const link of links) {
    paragraphs.push(
      paragraph([
        {
          children: inlineText(link.quote),
          passageId: link.passageId,
          sourceId: link.sourceId,
          direction: null,
          format: '',
          indent: 0,
          type: PASSAGE_LINK_TYPE,
          version: 1,
        },
      ]),
    );
  }
  return JSON.stringify({
    root: {
      children: paragraphs,
      direction: null,
      format: '',
      indent: 0,
      type: 'root',
      version: 1,
    },
  });
}

function textParagraph(line: string): object {
  return paragraph(line === '' ? [] : inlineText(line));
}

function paragraph(children: object[]): object {
  return {
    children,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    type: 'paragraph',
    version: 1,
  };
}

/** Text nodes never hold a line break in Lexical; it is a node of its own. */
function inlineText(text: string): object[] {
  return text.split('\n').flatMap((piece, index) => [
    ...(index > 0 ? [{ type: 'linebreak', version: 1 }] : []),
    ...(piece === ''
      ? []
      : [
          {
            detail: 0,
            format: 0,
            mode: 'normal',
            style: '',
            text: piece,
            type: 'text',
            version: 1,
          },
        ]),
  ]);
}

function parseRoot(bodyJson: string): SerializedNode {
  return parseState(bodyJson).root;
}

function parseState(bodyJson: string): { root: SerializedNode } {
  let state: unknown;
  try {
    state = JSON.parse(bodyJson);
  } catch {
    throw new DossierError('invalid_argument', 'The note body is not valid JSON.');
  }
  const root = (state as { root?: unknown } | null)?.root;
  if (!isNode(root) || root.type !== 'root' || !Array.isArray(root.children)) {
    throw new DossierError(
      'invalid_argument',
      'The note body is not a Lexical editor state (it has no root with children).',
    );
  }
  return { ...(state as object), root };
}

function childrenOf(node: SerializedNode): SerializedNode[] {
  return Array.isArray(node.children) ? node.children.filter(isNode) : [];
}

function readLinkId(node: SerializedNode, field: 'passageId' | 'noteId'): string {
  const id = node[field];
  if (!isId(id)) {
    const kind = field === 'passageId' ? 'passage' : 'note';
    throw new DossierError(
      'invalid_argument',
      `The note body has a ${kind} link with an invalid ${field} (${JSON.stringify(id)}).`,
    );
  }
  return id;
}

function isNode(value: unknown): value is SerializedNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
