import type { VersionSummary } from '../../shared/api';
import { AsyncButton } from '../ui/AsyncButton';
import { characterCount, lengthChange, versionDate, versionOrigin } from './versionText';

interface VersionHistoryProps {
  /** Oldest first; the last is current. */
  versions: readonly VersionSummary[];
  onRead: (versionNumber: number) => void;
  onShowReport: (versionNumber: number) => Promise<void>;
  onCompare: (from: number, to: number) => void;
}

/** Every version of the source, newest first: when and how it came in, its size, what to do with it. */
export function VersionHistory({ versions, onRead, onShowReport, onCompare }: VersionHistoryProps) {
  const current = versions.at(-1);
  return (
    <ol className="version-list" data-testid="version-history">
      {versions
        .map((version, index) => ({ version, previous: versions[index - 1] }))
        .reverse()
        .map(({ version, previous }) => (
          <li
            key={version.id}
            className="version-row"
            data-testid="version-row"
            data-version-number={version.number}
          >
            <div className="version-summary">
              <span className="version-name">
                Version {version.number}
                {version === current && <span className="version-current"> · current</span>}
              </span>
              <span className="version-detail" dir="auto">
                {versionDate(version)} · {versionOrigin(version)} ·{' '}
                {characterCount(version.charCount)} ({lengthChange(version, previous)})
              </span>
            </div>
            <div className="version-actions">
              <button
                type="button"
                className="button button-small"
                data-testid="read-version"
                onClick={() => onRead(version.number)}
              >
                Read
              </button>
              {previous && (
                <AsyncButton
                  className="button button-small"
                  data-testid="version-report"
                  title="What this version did to your passages"
                  onClick={() => onShowReport(version.number)}
                >
                  Report
                </AsyncButton>
              )}
              {previous && (
                <button
                  type="button"
                  className="button button-small"
                  data-testid="compare-with-previous"
                  onClick={() => onCompare(previous.number, version.number)}
                >
                  Compare with {previous.number}
                </button>
              )}
            </div>
          </li>
        ))}
    </ol>
  );
}
