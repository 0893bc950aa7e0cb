import { useRef } from 'react';
import { api } from '../api/client';
import { useLiveQuery } from '../app/useLiveQuery';
import { plural } from '../../shared/text';
import { ReaderText } from '../reader/ReaderText';
import { usePassageMarks } from '../reader/usePassageMarks';
import { versionDate, versionOrigin } from './versionText';

const nothingYet = { blocks: [], passages: [] };

interface OldVersionReaderProps {
  sourceId: string;
  versionNumber: number;
  onReadCurrent: () => void;
}

/**
 * An older version of a source, read-only, with the passages marked on it
 * highlighted. Nothing is marked here: passages are marked on the current text.
 */
export function OldVersionReader({
  sourceId,
  versionNumber,
  onReadCurrent,
}: OldVersionReaderProps) {
  const textRef = useRef<HTMLDivElement>(null);
  // Its passages change when one is re-attached to newer words (it leaves this version).
  const query = useLiveQuery(['sources', 'passages'], `source:${sourceId}:v${versionNumber}`, () =>
    api.getSource({ sourceId, versionNumber }),
  );
  const version = query.data?.versionNumber === versionNumber ? query.data : undefined;
  const versionSummary = version?.versions.find((summary) => summary.number === versionNumber);
  usePassageMarks(textRef, version ?? nothingYet);

  return (
    <article
      className="reader old-version-reader"
      data-testid="old-version-reader"
      data-version-number={versionNumber}
      data-scroll-container
    >
      <div className="reader-toolbar">
        <span className="reader-meta">
          Version {versionNumber}
          {version &&
            ` of ${version.versions.length} · ${plural(version.passages.length, 'passage')} marked on it`}
        </span>
        <button
          type="button"
          className="button button-primary"
          data-testid="read-current-version"
          onClick={onReadCurrent}
        >
          Back to the current version
        </button>
      </div>
      {query.error && (
        <p className="panel-error">This version could not be opened: {query.error}</p>
      )}
      {!version && !query.error && <p className="loading">Opening version {versionNumber}…</p>}
      {version && (
        <>
          <p className="old-version-note" role="note">
            An older version
            {versionSummary &&
              `, saved ${versionDate(versionSummary)} (${versionOrigin(versionSummary)})`}
            . It is kept as it was; passages marked on it are highlighted.
          </p>
          <div ref={textRef} className="reader-text" lang={version.lang ?? undefined}>
            <ReaderText source={version} />
          </div>
        </>
      )}
    </article>
  );
}
