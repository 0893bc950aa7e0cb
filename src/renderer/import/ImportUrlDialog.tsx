import { useEffect, useState } from 'react';
import { errorMessage } from '../../shared/errors';
import { api } from '../api/client';
import { newOperationId } from '../operations/newOperationId';
import { FormDialog } from '../ui/FormDialog';

interface ImportUrlDialogProps {
  open: boolean;
  onClose: () => void;
  /** Fetches and imports the page; throws what went wrong. */
  onImport: (url: string, operationId: string) => Promise<void>;
}

const offlineMessage =
  'This computer seems to be offline, so the page cannot be fetched. Save the page as a file (or copy it) and import that instead.';

/** "Import from URL…": the page is fetched by Dossier (no cookies, size and time limits) and imported like a saved page. */
export function ImportUrlDialog({ open, onClose, onImport }: ImportUrlDialogProps) {
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [operationId, setOperationId] = useState<string | null>(null);
  const online = useOnline();

  async function submit() {
    if (url.trim() === '' || operationId) return;
    const id = newOperationId();
    setOperationId(id);
    setError(null);
    try {
      await onImport(url.trim(), id);
      setUrl('');
      onClose();
    } catch (failure) {
      setError(navigator.onLine ? errorMessage(failure) : offlineMessage);
    } finally {
      setOperationId(null);
    }
  }

  function close() {
    // Closing while the page is being fetched stops the fetch.
    if (operationId) void api.cancelOperation({ operationId }).catch(() => undefined);
    setError(null);
    onClose();
  }

  return (
    <FormDialog
      heading="Import from URL"
      open={open}
      onClose={close}
      testId="import-url-dialog"
      onSubmit={() => void submit()}
      error={error}
      errorTestId="import-url-error"
      submitLabel={operationId ? 'Fetching…' : 'Import'}
      submitDisabled={url.trim() === '' || operationId !== null}
      submitTestId="import-url-submit"
    >
      <p className="dialog-explanation">
        Dossier fetches the page (http or https, without cookies) and keeps the article, its
        metadata and the page as it came.
      </p>
      <label className="field">
        <span>Address</span>
        <input
          type="url"
          dir="ltr"
          value={url}
          placeholder="https://"
          onChange={(event) => setUrl(event.target.value)}
          data-testid="import-url-input"
          autoFocus
          required
        />
      </label>
      {!online && (
        <p className="dialog-message" role="status">
          {offlineMessage}
        </p>
      )}
    </FormDialog>
  );
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
