import type { OriginalSummary } from '../../shared/api';
import { api } from '../api/client';
import { AsyncButton } from '../ui/AsyncButton';
import { useAction } from '../ui/useAction';
import { originalFileName } from './originalFileName';

/**
 * Saves the kept original of a version, byte for byte (the core checks its
 * SHA-256 before handing it over), under the name it came in with.
 */
export function SaveOriginalButton({
  sourceId,
  versionNumber,
  original,
}: {
  sourceId: string;
  versionNumber: number;
  original: OriginalSummary;
}) {
  const run = useAction();
  return (
    <AsyncButton
      className="button button-small"
      data-testid="save-original"
      onClick={async () => {
        await run('Could not save the original', async () => {
          const { contentBase64 } = await api.getOriginal({ sourceId, versionNumber });
          const bytes = Uint8Array.from(atob(contentBase64), (char) => char.charCodeAt(0));
          download(new Blob([bytes], { type: original.mediaType }), originalFileName(original));
        });
      }}
    >
      Save original…
    </AsyncButton>
  );
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has its own copy once it started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
