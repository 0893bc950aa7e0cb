import { useCallback, useRef } from 'react';
import type { SourceDetail } from '../../shared/api';
import { plural } from '../../shared/text';
import { api } from '../api/client';
import type { PassageFocus } from '../app/navigation';
import { markPassageKey } from '../app/shortcuts';
import { TagEditor } from '../tags/TagEditor';
import { ReaderText } from './ReaderText';
import { useMarkShortcut } from './useMarkShortcut';
import { useFocusPassage } from './useFocusPassage';
import { useMarkPassage } from './useMarkPassage';
import { usePassageMarks } from './usePassageMarks';
import { useReaderSelection } from './useReaderSelection';

interface ReaderProps {
  source: SourceDetail;
  focus: PassageFocus | null;
  onPassageMarked: (passageId: string) => void;
}

/** The open source: its text with passage marks; selecting text and pressing M (or the button) marks a passage. */
export function Reader({ source, focus, onPassageMarked }: ReaderProps) {
  const textRef = useRef<HTMLDivElement>(null);
  const selection = useReaderSelection(textRef, source.text);
  const { mark, marking } = useMarkPassage(source.id, selection, onPassageMarked);
  useMarkShortcut(mark);
  usePassageMarks(textRef, source);
  const focusedPassage = useFocusPassage(textRef, source, focus);
  const saveTags = useCallback(
    async (tags: string[]) => (await api.setSourceTags({ sourceId: source.id, tags })).tags,
    [source.id],
  );

  return (
    <article
      className="reader"
      data-testid="reader"
      data-focused-passage={focusedPassage?.id}
      data-scroll-container
    >
      <div className="reader-toolbar">
        <span className="reader-meta">{plural(source.passageCount, 'passage')}</span>
        <button
          type="button"
          className="button button-primary"
          data-testid="mark-passage"
          disabled={!mark}
          // Keep the text selection: a button press must not clear it before the click.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => mark?.()}
          title={`Select text in the article, then press ${markPassageKey.toUpperCase()} or click here`}
        >
          {marking ? 'Marking…' : 'Mark passage'}
          <kbd className="shortcut">{markPassageKey.toUpperCase()}</kbd>
        </button>
      </div>
      <div ref={textRef} className="reader-text" lang={source.lang ?? undefined}>
        <ReaderText
          source={source}
          belowTitle={<TagEditor initialTags={source.tags} save={saveTags} label="Article tags" />}
        />
      </div>
    </article>
  );
}
