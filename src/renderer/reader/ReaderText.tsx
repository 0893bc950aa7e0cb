import { Fragment, type ReactNode } from 'react';
import type { SourceDetail } from '../../shared/api';
import type { Block, ImageBlock, TextBlock } from '../../shared/documentModel';
import { BlockImage } from './BlockImage';
import { InlineText } from './InlineText';
import { layoutBlocks, type ListNode, type ReaderNode } from './layoutBlocks';
import './richText.css';

type ShownSource = Pick<SourceDetail, 'title' | 'text' | 'blocks'> &
  Partial<Pick<SourceDetail, 'lang' | 'dir'>>;

/**
 * The version's blocks as headings, paragraphs, lists, quotes, tables and
 * figures. Every text block is one element carrying `data-block-start` whose
 * text nodes, in order, are exactly the block's text (inline marks are nested
 * elements; list numbers, page labels and image placeholders add no text
 * inside it), which is what textRanges.ts relies on. The title block doubles
 * as the reader's heading; `belowTitle` goes right after it, outside every block.
 */
export function ReaderText({
  source,
  belowTitle,
}: {
  source: ShownSource;
  belowTitle?: ReactNode;
}) {
  const hasTitleBlock = source.blocks[0]?.kind === 'title';
  const context: RenderContext = {
    text: source.text,
    pageStarts: pageStarts(source.blocks),
    titleBlock: hasTitleBlock ? source.blocks[0] : undefined,
    belowTitle,
  };
  return (
    <div className="reader-article" lang={source.lang ?? undefined} dir={source.dir ?? undefined}>
      {!hasTitleBlock && (
        <>
          <h1 className="reader-title" data-testid="reader-title" dir="auto">
            {source.title}
          </h1>
          {belowTitle}
        </>
      )}
      {renderNodes(layoutBlocks(source.blocks), context)}
    </div>
  );
}

interface RenderContext {
  text: string;
  /** The page number to show beside each block that begins a PDF page. */
  pageStarts: ReadonlyMap<Block, number>;
  titleBlock: Block | undefined;
  belowTitle: ReactNode;
}

/** The blocks that begin a page (PDF), with its number. */
function pageStarts(blocks: readonly Block[]): Map<Block, number> {
  const starts = new Map<Block, number>();
  let current: number | undefined;
  for (const block of blocks) {
    if (block.page !== undefined && block.page !== current) starts.set(block, block.page);
    current = block.page ?? current;
  }
  return starts;
}

/** Attributes every text block's element carries. */
function blockAttributes(block: Block, context: RenderContext) {
  return {
    'data-block-start': block.start,
    'data-page-start': context.pageStarts.get(block),
    dir: 'auto',
  } as const;
}

function renderNodes(nodes: readonly ReaderNode[], context: RenderContext): ReactNode[] {
  // The nodes of a version never reorder, so their position is a stable key.
  return nodes.map((node, index) => <Fragment key={index}>{renderNode(node, context)}</Fragment>);
}

function renderNode(node: ReaderNode, context: RenderContext): ReactNode {
  switch (node.type) {
    case 'text':
      return renderTextBlock(node.block, context);
    case 'quote':
      return (
        <blockquote className="reader-quote">{renderNodes(node.children, context)}</blockquote>
      );
    case 'list':
      return renderList(node, context);
    case 'table':
      return (
        <div className="reader-table-scroll">
          <table className="reader-table">
            <tbody>
              {node.rows.map((row) => (
                <tr key={row[0]!.start}>
                  {row.map((cell) => {
                    const Cell = cell.header ? 'th' : 'td';
                    return (
                      <Cell key={cell.start} {...blockAttributes(cell, context)}>
                        {inline(cell, context)}
                      </Cell>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'figure':
      return renderFigure(node.images, node.caption, context);
  }
}

function renderTextBlock(
  block: Extract<ReaderNode, { type: 'text' }>['block'],
  context: RenderContext,
): ReactNode {
  const attributes = blockAttributes(block, context);
  const content = inline(block, context);
  switch (block.kind) {
    case 'title':
      return (
        <>
          <h1 className="reader-title" data-testid="reader-title" {...attributes}>
            {content}
          </h1>
          {block === context.titleBlock && context.belowTitle}
        </>
      );
    case 'heading': {
      // The title is the page's one h1; the document's own headings start at h2.
      const Heading = `h${Math.min(6, Math.max(2, block.level))}` as 'h2';
      return (
        <Heading className="reader-heading" {...attributes}>
          {content}
        </Heading>
      );
    }
    case 'preformatted':
      return (
        <pre className="reader-pre" {...attributes}>
          {content}
        </pre>
      );
    case 'paragraph':
      return (
        <p className="reader-block" {...attributes}>
          {content}
        </p>
      );
  }
}

function renderList(list: ListNode, context: RenderContext): ReactNode {
  const first = list.items[0]!.block;
  const items = list.items.map(({ block, sublists }) => (
    <li key={block.start} value={block.ordered ? block.ordinal : undefined}>
      <div className="reader-list-text" {...blockAttributes(block, context)}>
        {inline(block, context)}
      </div>
      {sublists.map((sublist) => renderList(sublist, context))}
    </li>
  ));
  return list.ordered ? (
    <ol key={`list-${first.start}`} className="reader-list" start={first.ordinal}>
      {items}
    </ol>
  ) : (
    <ul key={`list-${first.start}`} className="reader-list">
      {items}
    </ul>
  );
}

function renderFigure(
  images: readonly ImageBlock[],
  caption: TextBlock | null,
  context: RenderContext,
): ReactNode {
  return (
    <figure
      className="reader-figure"
      data-page-start={images[0] && context.pageStarts.get(images[0])}
    >
      {images.map((image, index) => (
        <BlockImage key={index} image={image} />
      ))}
      {caption && (
        <figcaption className="reader-caption" {...blockAttributes(caption, context)}>
          {inline(caption, context)}
        </figcaption>
      )}
    </figure>
  );
}

function inline(block: TextBlock, context: RenderContext): ReactNode {
  return <InlineText text={context.text} start={block.start} end={block.end} marks={block.marks} />;
}
