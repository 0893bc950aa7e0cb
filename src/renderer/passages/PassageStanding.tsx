import type { PassageView } from '../../shared/api';
import { AsyncButton } from '../ui/AsyncButton';
import { Quote } from '../ui/Quote';
import { anchorStatusLabels, matchPercent } from './anchorStatus';
import type { PassageCorrections } from './usePassageCorrections';
import './passageStanding.css';

interface PassageStandingProps {
  passage: PassageView;
  /** The source's current text, where a moved or fuzzy passage's words now are. */
  currentText: string;
  /** The passage is the one selected in the panel (an orphan is then being re-attached). */
  selected: boolean;
  /** Selects the orphan, so the reader's Mark button re-attaches it to the words chosen next. */
  onReattach: (passage: PassageView) => void;
  corrections: PassageCorrections;
}

/**
 * Where the current version left the passage, when that is not simply "unchanged":
 * moved; approximate, with the words it now stands on and Confirm / Reject; or
 * not found, with the matcher's suggestion and a way to re-attach it.
 */
export function PassageStanding({
  passage,
  currentText,
  selected,
  onReattach,
  corrections,
}: PassageStandingProps) {
  const label = anchorStatusLabels[passage.status];
  return (
    <div className="passage-standing" data-testid="passage-standing">
      {passage.status === 'moved' && <span className="passage-status status-moved">{label}</span>}

      {passage.status === 'fuzzy' && (
        <>
          <span className="passage-status status-fuzzy">
            {passage.confirmed
              ? `${label}, confirmed`
              : `${label} · ${matchPercent(passage.score)}`}
          </span>
          <NowReads passage={passage} currentText={currentText} />
          {!passage.confirmed && (
            <div className="passage-review">
              <AsyncButton
                className="button button-small"
                data-testid="confirm-passage"
                title="These are the right words: keep the passage here"
                onClick={() => corrections.confirm(passage)}
              >
                Confirm
              </AsyncButton>
              <AsyncButton
                className="button button-small"
                data-testid="reject-passage"
                title="These are not the words you marked: detach the passage"
                onClick={() => corrections.reject(passage)}
              >
                Reject
              </AsyncButton>
            </div>
          )}
        </>
      )}

      {passage.status === 'orphaned' && (
        <>
          <span className="passage-status status-orphaned">{label}</span>
          {passage.suggestion && (
            <p className="passage-suggestion" data-testid="passage-suggestion">
              <span className="passage-standing-label">
                Perhaps ({matchPercent(passage.suggestion.score)}):
              </span>{' '}
              <Quote>{passage.suggestion.text}</Quote>{' '}
              <AsyncButton
                className="button button-small"
                data-testid="accept-suggestion"
                onClick={() => corrections.acceptSuggestion(passage)}
              >
                Accept
              </AsyncButton>
            </p>
          )}
          {selected ? (
            <p className="passage-hint" role="status">
              Select its new words in the article, then press “Re-attach here”.
            </p>
          ) : (
            <button
              type="button"
              className="button button-small"
              data-testid="reattach-passage"
              onClick={() => onReattach(passage)}
            >
              Re-attach…
            </button>
          )}
        </>
      )}

      {passage.originalExact && (
        <p className="passage-was">
          <span className="passage-standing-label">First marked as:</span>{' '}
          <Quote>{passage.originalExact}</Quote>
        </p>
      )}
    </div>
  );
}

/** The words a fuzzy passage stands on now, when they differ from the ones marked. */
function NowReads({ passage, currentText }: { passage: PassageView; currentText: string }) {
  if (passage.start === null || passage.end === null) return null;
  const now = currentText.slice(passage.start, passage.end);
  if (now === passage.exact) return null;
  return (
    <p className="passage-now" data-testid="passage-now">
      <span className="passage-standing-label">Now reads:</span> <Quote>{now}</Quote>
    </p>
  );
}

/** Whether the passage needs more than its quote to say where it stands. */
export function hasStanding(passage: PassageView): boolean {
  return passage.status !== 'exact' || passage.originalExact !== undefined;
}
