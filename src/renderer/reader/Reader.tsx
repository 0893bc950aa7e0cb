import { useCallback, useRef, type ReactNode } from 'react';
import type { PassageView, SourceDetail } from '../../shared/api';
import { plural } from '../../shared/text';
import { api } from '../api/client';
import type { PassageFocus } from '../app/navigation';
import { markPassageKey, shortcuts } from '../app/shortcuts';
import { useColorLabels } from '../passages/highlightColorNames';
import { SourceMetadata } from '../sourceDetails/SourceMetadata';
import { TagEditor } from '../tags/TagEditor';
import { Quote } from '../ui/Quote';
import { shorten } from '../ui/shorten';
import { PassageChooser } from './PassageChooser';
import { ReaderText } from './ReaderText';
import { visibleReaderArea } from './readerViewport';
import { SelectionActions } from './SelectionActions';
import { rangeForSpan } from './textRanges';
import { useFocusPassage } from './useFocusPassage';
import { useKeyboardSelection } from './useKeyboardSelection';
import { useMarkPassage } from './useMarkPassage';
import { useSelectionShortcut } from './useSelectionShortcut';
import { usePassageClick } from './usePassageClick';
import { usePassageMarks } from './usePassageMarks';
import { useReaderSelection } from './useReaderSelection';
import { useSelectionDrag } from './useSelectionDrag';
import { useReattachMode } from './useReattachMode';
import './reader.css';

interface ReaderProps {
  /** The source at its current version. */
  source: SourceDetail;
  focus: PassageFocus | null;
  /** A passage was marked, or the orphan being re-attached was attached. */
  onPassageMarked: (passageId: string) => void;
  /** Opens a passage of this source (one clicked in the text): the side panel shows it. */
  onShowPassage: (passageId: string) => void;
  /** Inserts a link to the passage in the open note, or starts a note with it; without it the selection toolbar offers no "Link in note". */
  onLinkIntoNote?: (passage: PassageView) => void;
  /** Quotes the passage with its citation in the open note, or in a new one; without it the toolbar offers no "Quote in note". */
  onQuoteIntoNote?: (passage: PassageView, citation: string) => void;
  /** Stops re-attaching the selected orphan without choosing words. */
  onCancelReattach: () => void;
  /** The source's version controls, shown in the toolbar. */
  versionTools?: ReactNode;
}

/**
 * The open source: its text with passage marks in their colours. Selecting
 * text (by mouse, or Shift+arrows once the text has the focus) shows the
 * selection toolbar, and pressing M (or the button) marks a passage. A click
 * on a passage opens it. While an orphan is selected in the side panel, the
 * same gesture re-attaches it to the selected words.
 */
export function Reader({
  source,
  focus,
  onPassageMarked,
  onShowPassage,
  onLinkIntoNote,
  onQuoteIntoNote,
  onCancelReattach,
  versionTools,
}: ReaderProps) {
  const articleRef = useRef<HTMLElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const labels = useColorLabels();
  const selection = useReaderSelection(textRef, source.text);
  useSelectionDrag(textRef, source);
  const focusedPassage = useFocusPassage(textRef, source, focus);
  const reattaching = focusedPassage?.status === 'orphaned' ? focusedPassage : null;
  const markAction = useMarkPassage(source, selection, reattaching, onPassageMarked);
  const { mark, marking, tooShort } = markAction;
  useSelectionShortcut(shortcuts.markPassage, mark, tooShort);
  usePassageMarks(textRef, source);
  useReattachMode(textRef, source.blocks, reattaching, onCancelReattach);
  const keyboardSelection = useKeyboardSelection();
  const passageClick = usePassageClick(textRef, source, onShowPassage);
  const { choice, closeChoice } = passageClick;
  const saveTags = useCallback(
    async (tags: string[]) => (await api.setSourceTags({ sourceId: source.id, tags })).tags,
    [source.id],
  );
  const visibleArea = useCallback(
    () => articleRef.current && visibleReaderArea(articleRef.current),
    [],
  );
  const versionCount = source.versions.length;

  return (
    <article
      ref={articleRef}
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
            onClick={() => void mark?.()}
            title={tooShort ?? markHint(reattaching !== null)}
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
      <div
        ref={textRef}
        className="reader-text"
        data-testid="reader-text"
        role="region"
        aria-label="Article text"
        aria-description={`Shift+arrow keys select words; ${markPassageKey.toUpperCase()} marks them as a passage, Q quotes them into the note, L links them in it; Tab reaches the selection toolbar`}
        tabIndex={0}
        onFocus={keyboardSelection.onFocus}
        onKeyDown={keyboardSelection.onKeyDown}
        onClick={passageClick.onClick}
      >
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
      <SelectionActions
        source={source}
        selection={selection}
        markAction={markAction}
        textRef={textRef}
        bounds={visibleArea}
        labels={labels}
        hidden={reattaching !== null}
        onLinkIntoNote={onLinkIntoNote}
        onQuoteIntoNote={onQuoteIntoNote}
      />
      {choice && (
        <PassageChooser
          passages={choice.passages}
          anchor={() =>
            textRef.current &&
            (rangeForSpan(textRef.current, source.blocks, choice.span)?.getBoundingClientRect() ??
              null)
          }
          bounds={visibleArea}
          labels={labels}
          onChoose={(passage) => {
            closeChoice();
            textRef.current?.focus({ preventScroll: true });
            onShowPassage(passage.id);
          }}
          onClose={() => {
            closeChoice();
            textRef.current?.focus({ preventScroll: true });
          }}
        />
      )}
    </article>
  );
}

function markHint(reattaching: boolean): string {
  return reattaching
    ? `Select the passage's new words, then press ${markPassageKey.toUpperCase()} or click here`
    : `Select text in the article, then press ${markPassageKey.toUpperCase()} or click here`;
}

function markLabel(reattaching: boolean, saving: boolean): string {
  if (reattaching) return saving ? 'Re-attaching…' : 'Re-attach here';
  return saving ? 'Marking…' : 'Mark passage';
}
