import { Fragment, type ReactNode } from 'react';
import type { SourceDetail } from '../../shared/api';

/**
 * One element per block, each holding its text as a single text node (offsets
 * in the DOM then equal offsets in the text). The title block doubles as the
 * reader's heading; `belowTitle` (the tags) goes right after it, outside every
 * block, so it never shifts an offset.
 */
export function ReaderText({
  source,
  belowTitle,
}: {
  source: Pick<SourceDetail, 'title' | 'text' | 'blocks'>;
  belowTitle?: ReactNode;
}) {
  const hasTitleBlock = source.blocks[0]?.kind === 'title';
  return (
    <>
      {!hasTitleBlock && (
        <>
          <h1 className="reader-title" data-testid="reader-title" dir="auto">
            {source.title}
          </h1>
          {belowTitle}
        </>
      )}
      {source.blocks.map((block, index) => {
        const text = source.text.slice(block.start, block.end);
        return block.kind === 'title' ? (
          <Fragment key={block.start}>
            <h1
              className="reader-title"
              data-testid="reader-title"
              data-block-start={block.start}
              dir="auto"
            >
              {text}
            </h1>
            {index === 0 && belowTitle}
          </Fragment>
        ) : (
          <p key={block.start} className="reader-block" data-block-start={block.start} dir="auto">
            {text}
          </p>
        );
      })}
    </>
  );
}
