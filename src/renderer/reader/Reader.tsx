import { useCallback, useRef, type ReactNode } from 'react';
import type { SourceDetail } from '../../shared/api';
import { plural } from '../../shared/text';
import { api } from '../api/client';
import type { PassageFocus } from '../app/navigation';
import { markPassageKey } from '../app/shortcuts';
import { SourceMetadata } from '../sourceDetails/SourceMetadata';
import { TagEditor } from '../tags/TagEditor';
import { Quote } from '../ui/Quote';
import { shorten } from '../ui/shorten';
import { ReaderText } from './ReaderText';
import { useMarkShortcut } from './useMarkShortcut';
import { useFocusPassage } from './useFocusPassage';
import { useMarkPassage } from './useMarkPassage';
import { usePassageMarks } from './usePassageMarks';
import { useReaderSelection } from './useReaderSelection';
import { useReattachMode } from './useReattachMode';
import './reader.css';

interface ReaderProps {
  /** The source at its current version. */
  source: SourceDetail;
  focus: PassageFocus | null;
  /** A passage was marked, or the orphan being re-attached was attached. */
  onPassageMarked: (passageId: string) => void;
  /** Stops re-attaching the selected orphan without choosing words. */
  onCancelReattach: () => void;
  /** The source's version controls, shown in the toolbar. */
  versionTools?: ReactNode;
}

/**
 * The open source: its text with passage marks; selecting text and pressing M
 * (or the button) marks a passage. While an orphan is selected in the side
 * panel, the same gesture re-attaches it to the selected words.
 */
export function Reader({
  source,
  focus,
  onPassageMarked,
  onCancelReattach,
  versionTools,
}: ReaderProps) {
  const textRef = useRef<HTMLDivElement>(null);
  const selection = useReaderSelection(textRef, source.text);
  const focusedPassage = useFocusPassage(textRef, source, focus);
  const reattaching = focusedPassage?.status === 'orphaned' ? focusedPassage : null;
  const { mark, marking } = useMarkPassage(source.id, selection, reattaching, onPassageMarked);
  useMarkShortcut(mark);
  usePassageMarks(textRef, source);
  useReattachMode(textRef, source.blocks, reattaching, onCancelReattach);
  const saveTags = useCallback(
    async (tags: string[]) => (await api.setSourceTags({ sourceId: source.id, tags })).tags,
    [source.id],
  );
  const versionCount = source.versions.length;

  return (
    <article
      className="reader"
      data-testid="reader"
      data-focused-passage={focusedPassage?.id}
      data-scroll-container
    >
      <div className="reader-toolbar">
        <span className="reader-meta">
          {plural(source.passageCount, 'passage')}
          {versionCount > 1 && ` · version ${source.versionNumber} of ${versionCount}`}
        </span>
        <div className="reader-actions">
          {versionTools}
          <button
            type="button"
            className="button button-primary"
            data-testid="mark-passage"
            disabled={!mark}
            // Keep the text selection: a button press must not clear it before the click.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => mark?.()}
            title={
              reattaching
                ? `Select the passage's new words, then press ${markPassageKey.toUpperCase()} or click here`
                : `Select text in the article, then press ${markPassageKey.toUpperCase()} or click here`
            }
          >
            {markLabel(reattaching !== null, marking)}
            <kbd className="shortcut">{markPassageKey.toUpperCase()}</kbd>
          </button>
        </div>
        {reattaching && (
          <div className="reattach-banner" data-testid="reattach-banner" role="status">
            <span>
              Re-attaching <Quote>{shorten(reattaching.exact, 80)}</Quote>: select its new words in
              the article, then press “Re-attach here”.
            </span>
            <button type="button" className="button button-small" onClick={onCancelReattach}>
              Cancel
            </button>
          </div>
        )}
      </div>
      <div ref={textRef} className="reader-text">
        <ReaderText
          source={source}
          belowTitle={
            <>
              <SourceMetadata source={source} />
              <TagEditor initialTags={source.tags} save={saveTags} label="Article tags" />
            </>
          }
        />
      </div>
    </article>
  );
}

function markLabel(reattaching: boolean, saving: boolean): string {
  if (reattaching) return saving ? 'Re-attaching…' : 'Re-attach here';
  return saving ? 'Marking…' : 'Mark passage';
}
