import type { SourceDetail } from '../../shared/api';
import { CopyButton } from './CopyButton';
import { SaveOriginalButton } from './SaveOriginalButton';
import { formatByteCount, formatMoment } from './formatMetadata';
import { sourceKindLabel } from './sourceKindLabel';

type EvidenceSource = Pick<
  SourceDetail,
  'id' | 'versionNumber' | 'kind' | 'capturedAt' | 'original'
>;

/** "Details": the original the shown version was made from — name or address, when, what, how big, its SHA-256 — and a way to save it. */
export function SourceEvidence({ source }: { source: EvidenceSource }) {
  const { original } = source;
  return (
    <details className="source-evidence" data-testid="source-evidence">
      <summary>Details</summary>
      <dl>
        <dt>Imported as</dt>
        <dd>{sourceKindLabel(source.kind)}</dd>
        {original?.url && (
          <>
            <dt>Address</dt>
            <dd className="source-evidence-value" dir="ltr">
              {original.url}
            </dd>
          </>
        )}
        {original?.fileName && (
          <>
            <dt>File</dt>
            <dd className="source-evidence-value" dir="auto">
              {original.fileName}
            </dd>
          </>
        )}
        {!original && (
          <>
            <dt>Origin</dt>
            <dd>Pasted text (no original file kept)</dd>
          </>
        )}
        <dt>Captured</dt>
        <dd>
          <time dateTime={original?.capturedAt ?? source.capturedAt}>
            {formatMoment(original?.capturedAt ?? source.capturedAt)}
          </time>
        </dd>
        {original && (
          <>
            <dt>Media type</dt>
            <dd>{original.mediaType}</dd>
            <dt>Size</dt>
            <dd>{formatByteCount(original.byteCount)}</dd>
            <dt>SHA-256</dt>
            <dd className="source-evidence-hash">
              <code data-testid="source-sha256">{original.sha256}</code>
              <CopyButton text={original.sha256} label="Copy SHA-256" />
            </dd>
            <dt>Original</dt>
            <dd>
              <SaveOriginalButton
                sourceId={source.id}
                versionNumber={source.versionNumber}
                original={original}
              />
            </dd>
          </>
        )}
      </dl>
    </details>
  );
}
