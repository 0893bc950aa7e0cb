import type { ReactNode } from 'react';
import type { InlineMark } from '../../shared/documentModel';
import { safeLinkHref } from './safeLinkHref';

/** Outermost first, so a link keeps one element around its bold and italic words. */
const markOrder = ['link', 'strong', 'emphasis', 'code'] as const;

/**
 * `text.slice(start, end)` with its inline marks as nested elements. The text
 * nodes, in order, are exactly that slice: marks that overlap without nesting
 * are split, never given extra characters.
 */
export function InlineText({
  text,
  start,
  end,
  marks,
}: {
  text: string;
  start: number;
  end: number;
  marks: readonly InlineMark[] | undefined;
}) {
  return <>{marked(text, start, end, marks ?? [], 0)}</>;
}

function marked(
  text: string,
  start: number,
  end: number,
  marks: readonly InlineMark[],
  level: number,
): ReactNode[] {
  const kind = markOrder[level];
  if (kind === undefined) return [text.slice(start, end)];
  const nodes: ReactNode[] = [];
  let cursor = start;
  for (const mark of marks) {
    if (mark.kind !== kind) continue;
    const from = Math.max(mark.start, cursor);
    const to = Math.min(mark.end, end);
    if (to <= from) continue;
    if (from > cursor) nodes.push(...marked(text, cursor, from, marks, level + 1));
    nodes.push(markElement(mark, `${kind}-${from}`, marked(text, from, to, marks, level + 1)));
    cursor = to;
  }
  if (cursor < end) nodes.push(...marked(text, cursor, end, marks, level + 1));
  return nodes;
}

function markElement(mark: InlineMark, key: string, children: ReactNode[]): ReactNode {
  switch (mark.kind) {
    case 'strong':
      return <strong key={key}>{children}</strong>;
    case 'emphasis':
      return <em key={key}>{children}</em>;
    case 'code':
      return (
        <code key={key} className="reader-code">
          {children}
        </code>
      );
    case 'link': {
      const href = safeLinkHref(mark.href);
      // A target the core should have dropped is shown as plain words, never followed.
      if (!href) return <span key={key}>{children}</span>;
      return (
        <a
          key={key}
          className="reader-link"
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          title={href}
        >
          {children}
        </a>
      );
    }
  }
}
