import { useCallback, useState } from 'react';
import type { PassageView, RevisedSource, RevisionReport, SourceDetail } from '../../shared/api';
import { api } from '../api/client';
import type { PassageFocus, VersionRequest } from '../app/navigation';
import { Reader } from '../reader/Reader';
import { useAction } from '../ui/useAction';
import { OldVersionReader } from './OldVersionReader';
import { RevisionReportDialog } from './RevisionReportDialog';
import { useRevisionImport } from './useRevisionImport';
import { VersionsView } from './VersionsView';
import { VersionTools } from './VersionTools';
import './versions.css';

interface SourceViewProps {
  /** The open source at its current version. */
  source: SourceDetail;
  focus: PassageFocus | null;
  /** Opens an older version (a search hit found only there). */
  versionRequest: VersionRequest | null;
  onPassageMarked: (passageId: string) => void;
  /** Forgets the focused passage (which also ends re-attaching an orphan). */
  onClearFocus: () => void;
  /** Opens a passage of this source: in the reader, and in the side panel. */
  onShowPassage: (passageId: string) => void;
  /** What the passages panel's "Link in note" does, offered by the reader's selection toolbar too. */
  onLinkIntoNote?: (passage: PassageView) => void;
  /** The same for quoting the passage with its citation. */
  onQuoteIntoNote?: (passage: PassageView, citation: string) => void;
}

/** What the center shows of the source: its current text, an older version, or its versions. */
type View = { kind: 'current' } | { kind: 'old-version'; number: number } | { kind: 'versions' };
const currentText: View = { kind: 'current' };

/** A report on screen, with the id of the version it was written for. */
interface OpenReport {
  report: RevisionReport;
  versionId: string;
}

/**
 * The open source with its versions: the reader of the current text (with
 * Update, Versions and Changes in its toolbar), an older version read-only, the
 * history and comparison of versions, and the revision report of a version.
 * Mount one per source (key by id).
 */
export function SourceView({
  source,
  focus,
  versionRequest,
  onPassageMarked,
  onClearFocus,
  onShowPassage,
  onLinkIntoNote,
  onQuoteIntoNote,
}: SourceViewProps) {
  const run = useAction();
  const [view, setView] = useState<View>(() =>
    versionRequest ? { kind: 'old-version', number: versionRequest.versionNumber } : currentText,
  );
  const [openReport, setOpenReport] = useState<OpenReport | null>(null);

  // Going to a passage (from a note, the side panel, search) shows it in the current text.
  const [seenFocus, setSeenFocus] = useState(focus);
  if (focus !== seenFocus) {
    setSeenFocus(focus);
    if (focus) setView(currentText);
  }
  const [seenVersionRequest, setSeenVersionRequest] = useState(versionRequest);
  if (versionRequest !== seenVersionRequest) {
    setSeenVersionRequest(versionRequest);
    if (versionRequest) setView({ kind: 'old-version', number: versionRequest.versionNumber });
  }

  const onRevised = useCallback(
    ({ report, versionId }: RevisedSource) => {
      // A passage focused before may be an orphan now; re-attaching it is the analyst's choice.
      onClearFocus();
      setOpenReport({ report, versionId });
    },
    [onClearFocus],
  );
  const updater = useRevisionImport(source.id, onRevised);

  const showReport = useCallback(
    async (versionNumber?: number) => {
      const found = await run('Could not open the revision report', () =>
        api.getRevisionReport({ sourceId: source.id, versionNumber }),
      );
      if (found) setOpenReport({ report: found.report, versionId: found.version.id });
    },
    [run, source.id],
  );

  const currentNumber = source.versions.at(-1)?.number;
  const readVersion = (number: number) =>
    setView(number === currentNumber ? currentText : { kind: 'old-version', number });

  return (
    <>
      {view.kind === 'current' && (
        <Reader
          source={source}
          focus={focus}
          onPassageMarked={onPassageMarked}
          onShowPassage={onShowPassage}
          onLinkIntoNote={onLinkIntoNote}
          onQuoteIntoNote={onQuoteIntoNote}
          onCancelReattach={onClearFocus}
          versionTools={
            <VersionTools
              source={source}
              updater={updater}
              onShowVersions={() => setView({ kind: 'versions' })}
              onShowLatestReport={() => showReport()}
            />
          }
        />
      )}
      {view.kind === 'old-version' && (
        <OldVersionReader
          sourceId={source.id}
          versionNumber={view.number}
          onReadCurrent={() => setView(currentText)}
        />
      )}
      {view.kind === 'versions' && (
        <VersionsView
          source={source}
          onBack={() => setView(currentText)}
          onReadVersion={readVersion}
          onShowReport={showReport}
        />
      )}
      {openReport && (
        <RevisionReportDialog
          shown={{
            report: openReport.report,
            version: source.versions.find((version) => version.id === openReport.versionId),
          }}
          sourceTitle={source.title}
          onClose={() => setOpenReport(null)}
          onShowPassage={onShowPassage}
        />
      )}
    </>
  );
}
