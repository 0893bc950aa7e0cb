import type { LexicalEditor } from 'lexical';
import { useId, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import type { PassageView, SourceDetail } from '../../../shared/api';
import { isDossierError } from '../../../shared/errors';
import { pageAt } from '../../../shared/pageAt';
import { api } from '../../api/client';
import { useLiveQuery } from '../../app/useLiveQuery';
import { citedFrom } from '../../reader/citation';
import { placeBeside } from '../../reader/floatingPlacement';
import { brokenReason, wordsInContext } from './previewContext';
import { usePreviewTarget, type PreviewTarget } from './usePreviewTarget';

interface LinkedPassage {
  /** Null: the passage no longer exists. */
  passage: PassageView | null;
  /** Null: the source no longer exists. */
  source: SourceDetail | null;
}

/**
 * The preview of a passage link in the note, shown while the pointer rests on
 * it or the caret is in it: the passage among the words around it and where it
 * comes from, or, for a link that no longer leads to its words, why and what
 * it quoted. Like a tooltip, it never takes the focus nor the pointer (what it
 * covers stays clickable); Escape closes it.
 */
export function PassagePreview({ editor }: { editor: LexicalEditor }) {
  const target = usePreviewTarget(editor);
  if (!target) return null;
  return createPortal(<PreviewCard key={target.passageId} target={target} />, document.body);
}

function PreviewCard({ target }: { target: PreviewTarget }) {
  const id = useId();
  const cardRef = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<CSSProperties>({ visibility: 'hidden' });
  const { passageId, sourceId, element } = target;
  const linked = useLiveQuery(
    ['passages', 'sources'],
    `passage-preview:${passageId}:${sourceId}`,
    () => readLinkedPassage(passageId, sourceId),
  );

  // Kept beside the link and inside the window, re-measured when its content arrives.
  useLayoutEffect(() => {
    const card = cardRef.current;
    if (!card) return;
    const { top, bottom, left, right } = element.getBoundingClientRect();
    const place = placeBeside(
      { top, bottom, left, right },
      { width: card.offsetWidth, height: card.offsetHeight },
      { top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth },
    );
    setPosition({ top: place.top, left: place.left });
  }, [element, linked.data, linked.error]);

  // The link says what describes it, for screen readers, while the preview is there.
  useLayoutEffect(() => {
    element.setAttribute('aria-describedby', id);
    return () => element.removeAttribute('aria-describedby');
  }, [element, id]);

  return (
    <div
      ref={cardRef}
      id={id}
      role="tooltip"
      className="floating-panel passage-preview"
      data-testid="passage-preview"
      style={position}
    >
      {linked.error ? (
        <p className="passage-preview-standing">This passage could not be read: {linked.error}</p>
      ) : linked.data ? (
        <PreviewContent linked={linked.data} linkText={target.linkText} />
      ) : (
        <p className="loading">Reading the passage…</p>
      )}
    </div>
  );
}

function PreviewContent({ linked, linkText }: { linked: LinkedPassage; linkText: string }) {
  const { passage, source } = linked;
  const broken = brokenReason(passage);
  const context = passage
    ? wordsInContext(passage, passage.status === 'orphaned' ? null : source)
    : { before: '', words: linkText, after: '' };
  const page =
    source?.kind === 'pdf' && passage?.start != null ? pageAt(source.blocks, passage.start) : null;
  return (
    <>
      {broken && (
        <p className="passage-preview-standing" data-testid="passage-preview-standing">
          {broken}
          {passage?.status === 'orphaned' || !passage ? ' It quoted:' : ''}
        </p>
      )}
      <blockquote
        className="passage-preview-context"
        data-testid="passage-preview-context"
        dir="auto"
      >
        {context.before && <span className="passage-preview-around">{context.before} </span>}
        <mark className="passage-preview-words">{shortenMiddle(context.words)}</mark>
        {context.after && <span className="passage-preview-around"> {context.after}</span>}
      </blockquote>
      {source && (
        <p className="passage-preview-citation" data-testid="passage-preview-citation" dir="auto">
          {citedFrom(source, page)}
        </p>
      )}
      {passage?.comment && (
        <p className="passage-preview-comment" dir="auto">
          {passage.comment}
        </p>
      )}
    </>
  );
}

/** Characters of a long passage shown: its start and its end. */
const wordsShown = 500;

function shortenMiddle(words: string): string {
  const characters = [...words];
  if (characters.length <= wordsShown) return words;
  const half = wordsShown / 2;
  const start = characters.slice(0, half).join('').trimEnd();
  return `${start} … ${characters.slice(-half).join('').trimStart()}`;
}

async function readLinkedPassage(passageId: string, sourceId: string): Promise<LinkedPassage> {
  const [passage, source] = await Promise.all([
    orNullWhenGone(api.getPassage({ passageId })),
    orNullWhenGone(api.getSource({ sourceId })),
  ]);
  return { passage, source };
}

async function orNullWhenGone<T>(answer: Promise<T>): Promise<T | null> {
  try {
    return await answer;
  } catch (error) {
    if (isDossierError(error) && error.code === 'not_found') return null;
    throw error;
  }
}
