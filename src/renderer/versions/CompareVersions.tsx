import type { SourceDetail } from '../../shared/api';
import { api } from '../api/client';
import { useApiQuery } from '../app/useApiQuery';
import { DiffText } from './DiffText';
import { usePassagesOnVersion } from './usePassagesOnVersion';
import { characterCount, versionDate } from './versionText';

export interface ComparedVersions {
  from: number;
  to: number;
}

interface CompareVersionsProps {
  source: SourceDetail;
  compared: ComparedVersions;
  onChange: (compared: ComparedVersions) => void;
}

/** Any two versions of the source, chosen by number, compared word by word. */
export function CompareVersions({ source, compared, onChange }: CompareVersionsProps) {
  const { from, to } = compared;
  // Versions never change once saved, so a comparison is loaded once per pair.
  const diff = useApiQuery(from === to ? null : `diff:${source.id}:${from}:${to}`, () =>
    api.diffVersions({ sourceId: source.id, from, to }),
  );
  const fromPassages = usePassagesOnVersion(source.id, from);
  const toPassages = usePassagesOnVersion(source.id, to);
  const shown = diff.data?.from === from && diff.data.to === to ? diff.data : undefined;

  const versionPicker = (label: string, value: number, pick: (number: number) => void) => (
    <label className="compare-pick">
      <span>{label}</span>
      <select
        value={value}
        data-testid={`compare-${label.toLowerCase()}`}
        onChange={(event) => pick(Number(event.target.value))}
      >
        {source.versions.map((version) => (
          <option key={version.number} value={version.number}>
            Version {version.number} · {versionDate(version)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="compare-versions">
      <div className="compare-controls">
        {versionPicker('From', from, (number) => onChange({ from: number, to }))}
        {versionPicker('To', to, (number) => onChange({ from, to: number }))}
        <button
          type="button"
          className="button button-small"
          title="Swap the two versions"
          onClick={() => onChange({ from: to, to: from })}
        >
          ⇄ Swap
        </button>
      </div>

      {from === to && <p className="empty-state">Choose two different versions to compare.</p>}
      {from !== to && diff.error && (
        <p className="panel-error">The versions could not be compared: {diff.error}</p>
      )}
      {from !== to && !diff.error && !shown && <p className="loading">Comparing…</p>}
      {shown && (
        <>
          <p className="compare-summary" data-testid="compare-summary">
            {shown.stats.added === 0 && shown.stats.removed === 0 ? (
              'These two versions have the same text.'
            ) : (
              <>
                <ins className="diff-added">{characterCount(shown.stats.added)} added</ins>
                {' · '}
                <del className="diff-removed">{characterCount(shown.stats.removed)} removed</del>
                {' · '}
                <span className="compare-passage-key">passages highlighted</span>
              </>
            )}
          </p>
          <DiffText
            diff={shown}
            lang={source.lang}
            fromPassages={fromPassages}
            toPassages={toPassages}
          />
        </>
      )}
    </div>
  );
}
