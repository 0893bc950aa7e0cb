import { useId, useRef, useState } from 'react';
import type { SourceDetail } from '../../shared/api';
import { plural } from '../../shared/text';
import { CompareVersions, type ComparedVersions } from './CompareVersions';
import { VersionHistory } from './VersionHistory';

interface VersionsViewProps {
  /** The source at its current version, with the list of its versions. */
  source: SourceDetail;
  onBack: () => void;
  onReadVersion: (versionNumber: number) => void;
  onShowReport: (versionNumber: number) => Promise<void>;
}

/** What changed: the source's version history, and any two versions compared. */
export function VersionsView({ source, onBack, onReadVersion, onShowReport }: VersionsViewProps) {
  const headingId = useId();
  const last = source.versions.at(-1)?.number ?? 1;
  const [compared, setCompared] = useState<ComparedVersions>({
    from: Math.max(1, last - 1),
    to: last,
  });
  const compareHeading = useRef<HTMLHeadingElement>(null);

  return (
    <section
      className="versions-view"
      data-testid="versions-view"
      aria-labelledby={headingId}
      data-scroll-container
    >
      <div className="reader-toolbar">
        <span className="reader-meta">{plural(source.versions.length, 'version')}</span>
        <button
          type="button"
          className="button"
          data-testid="back-to-article"
          onClick={onBack}
          autoFocus
        >
          Back to the article
        </button>
      </div>
      <h1 id={headingId} className="versions-title" dir="auto">
        {source.title}
      </h1>

      <h2 className="versions-heading">Versions</h2>
      <VersionHistory
        versions={source.versions}
        onRead={onReadVersion}
        onShowReport={onShowReport}
        onCompare={(from, to) => {
          setCompared({ from, to });
          compareHeading.current?.scrollIntoView({ block: 'start' });
        }}
      />

      <h2 ref={compareHeading} className="versions-heading">
        What changed
      </h2>
      {source.versions.length < 2 ? (
        <p className="empty-state">
          Only one version so far. Update the article (Update in the reader) to compare.
        </p>
      ) : (
        <CompareVersions source={source} compared={compared} onChange={setCompared} />
      )}
    </section>
  );
}
