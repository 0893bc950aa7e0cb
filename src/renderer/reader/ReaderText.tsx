import type { SourceDetail } from '../../shared/api';

/**
 * One element per block, each holding its text as a single text node (offsets
 * in the DOM then equal offsets in the text). The title block doubles as the
 * reader's heading.
 */
export function ReaderText({
  source,
}: {
  source: Pick<SourceDetail, 'title' | 'text' | 'blocks'>;
}) {
  const hasTitleBlock = source.blocks[0]?.kind === 'title';
  return (
    <>
      {!hasTitleBlock && (
        <h1 className="reader-title" data-testid="reader-title" dir="auto">
          {source.title}
        </h1>
      )}
      {source.blocks.map((block) => {
        const text = source.text.slice(block.start, block.end);
        return block.kind === 'title' ? (
          <h1
            key={block.start}
            className="reader-title"
            data-testid="reader-title"
            data-block-start={block.start}
            dir="auto"
          >
            {text}
          </h1>
        ) : (
          <p key={block.start} className="reader-block" data-block-start={block.start} dir="auto">
            {text}
          </p>
        );
      })}
    </>
  );
}
