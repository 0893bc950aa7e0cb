import type { SourceDetail } from '../../shared/api';
import { AsyncButton } from '../ui/AsyncButton';
import { UpdateSourceMenu } from './UpdateSourceMenu';
import type { RevisionImporter } from './useRevisionImport';

interface VersionToolsProps {
  source: SourceDetail;
  updater: RevisionImporter;
  /** Opens the version history and the comparison of two versions. */
  onShowVersions: () => void;
  /** Reopens the latest version's revision report. */
  onShowLatestReport: () => Promise<void>;
}

/** The reader toolbar's version controls: the last revision's report, the history, an update. */
export function VersionTools({
  source,
  updater,
  onShowVersions,
  onShowLatestReport,
}: VersionToolsProps) {
  const revised = source.versions.length > 1;
  return (
    <div className="version-tools">
      {revised && (
        <AsyncButton
          className="button"
          data-testid="show-revision-report"
          title="What the latest version did to your passages"
          onClick={onShowLatestReport}
        >
          Changes
        </AsyncButton>
      )}
      {revised && (
        <button
          type="button"
          className="button"
          data-testid="show-versions"
          title="Every version of this article, and what changed between any two"
          onClick={onShowVersions}
        >
          Versions
        </button>
      )}
      <UpdateSourceMenu updater={updater} />
    </div>
  );
}
