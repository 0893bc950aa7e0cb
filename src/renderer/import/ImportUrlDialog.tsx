import { useEffect, useId, useState } from 'react';
import { errorMessage } from '../../shared/errors';
import { api } from '../api/client';
import { newOperationId } from '../operations/newOperationId';
import { useModalDialog } from '../ui/useModalDialog';
import { DialogButtons } from '../ui/DialogButtons';

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
  const headingId = useId();
  const dialogRef = useModalDialog(open);
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
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={headingId}
      data-testid="import-url-dialog"
      onClose={close}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h2 id={headingId}>Import from URL</h2>
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
        {error && (
          <p className="dialog-message" role="alert" data-testid="import-url-error">
            {error}
          </p>
        )}
        <DialogButtons
          onCancel={close}
          disabled={url.trim() === '' || operationId !== null}
          submitTestId="import-url-submit"
        >
          {operationId ? 'Fetching…' : 'Import'}
        </DialogButtons>
      </form>
    </dialog>
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
