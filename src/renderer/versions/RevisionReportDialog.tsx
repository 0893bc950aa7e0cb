import type { RevisedPassage, RevisionReport, VersionSummary } from '../../shared/api';
import { plural } from '../../shared/text';
import { anchorStatusHeadings, anchorStatusLabels, matchPercent } from '../passages/anchorStatus';
import { isolate } from '../ui/bidi';
import { versionDate, versionOrigin } from './versionText';
import { ModalDialog } from '../ui/ModalDialog';

/** A revision report to show, and the version it was written for (unknown for a moment after an update). */
export interface ShownReport {
  report: RevisionReport;
  version: VersionSummary | undefined;
}

interface RevisionReportDialogProps {
  shown: ShownReport;
  sourceTitle: string;
  onClose: () => void;
  /** Shows the passage in the reader and the side panel (an orphan: in the side panel, to re-attach). */
  onShowPassage: (passageId: string) => void;
}

const statusOrder = ['exact', 'moved', 'fuzzy', 'orphaned'] as const;

/**
 * What a new version did to the article's passages: how many stayed, moved,
 * changed a little or were not found, and each one that is not unchanged with
 * its words before and after. Mounted while shown; Escape or Close ends it.
 */
export function RevisionReportDialog({
  shown: { report, version },
  sourceTitle,
  onClose,
  onShowPassage,
}: RevisionReportDialogProps) {
  const total = statusOrder.reduce((sum, status) => sum + report[status], 0);

  return (
    <ModalDialog
      heading="What became of your passages"
      onClose={onClose}
      className="revision-report"
      testId="revision-report"
    >
      <p className="dialog-explanation" dir="auto">
        {version
          ? `Version ${version.number} of ${isolate(sourceTitle)}, ${versionOrigin(version)}, ${versionDate(version)}.`
          : `The new version of ${isolate(sourceTitle)}.`}
      </p>
      <dl className="report-counts" aria-label={`${plural(total, 'passage')} in all`}>
        {statusOrder.map((status) => (
          <div
            key={status}
            className={`report-count status-${status}`}
            data-testid={`report-count-${status}`}
          >
            <dt>{anchorStatusHeadings[status]}</dt>
            <dd>{report[status]}</dd>
          </div>
        ))}
      </dl>
      {report.passages.length === 0 ? (
        <p className="empty-state">
          {total === 0
            ? 'This article had no passages to carry over.'
            : 'Every passage was found unchanged, in its place.'}
        </p>
      ) : (
        <ol className="report-passages">
          {report.passages.map((passage) => (
            <ReportPassage
              key={passage.id}
              passage={passage}
              onShow={() => {
                onClose();
                onShowPassage(passage.id);
              }}
            />
          ))}
        </ol>
      )}
      <p className="hint">
        As it was when this version came in. What you re-attach or confirm since shows in the side
        panel.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}

function ReportPassage({ passage, onShow }: { passage: RevisedPassage; onShow: () => void }) {
  return (
    <li
      className={`report-passage status-${passage.status}`}
      data-testid="report-passage"
      data-passage-id={passage.id}
      data-status={passage.status}
    >
      <div className="report-passage-head">
        <span className={`passage-status status-${passage.status}`}>
          {anchorStatusLabels[passage.status]}
        </span>
        <span className="report-score">{scoreNote(passage)}</span>
        <button type="button" className="button button-small" onClick={onShow}>
          Show
        </button>
      </div>
      <p className="report-text report-old">
        <span className="report-text-label">Before</span>
        <span dir="auto">{passage.oldText}</span>
      </p>
      {passage.newText === undefined ? (
        <p className="report-text report-gone">
          <span className="report-text-label">Now</span>
          <span>Not in this version. It stays in the side panel with its notes, to re-attach.</span>
        </p>
      ) : (
        <p className="report-text report-new">
          <span className="report-text-label">Now</span>
          <span dir="auto">{passage.newText}</span>
        </p>
      )}
    </li>
  );
}

/** The matcher's confidence where it says something: a moved passage's words are unchanged. */
function scoreNote(passage: RevisedPassage): string {
  if (passage.status === 'fuzzy') return matchPercent(passage.score);
  if (passage.status === 'orphaned' && passage.score > 0) {
    return `closest candidate refused: ${matchPercent(passage.score)}`;
  }
  return '';
}
