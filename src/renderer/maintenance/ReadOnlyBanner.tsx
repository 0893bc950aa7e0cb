import { api } from '../api/client';
import { useApiQuery } from '../app/useApiQuery';
import './readOnlyBanner.css';

/**
 * Says, under the top bar, that the notebook opened read-only and why (a file
 * or folder this account may not change): reading and search work, changes
 * are refused. Whether it can be written is fixed when the notebook opens.
 */
export function ReadOnlyBanner() {
  const status = useApiQuery('notebookStatus', () => api.notebookStatus({}));
  if (!status.data?.readOnly) return null;
  return (
    <div className="read-only-banner" role="status">
      <strong>This notebook is read-only</strong>: {status.data.reason ?? 'it cannot be written'}.
      You can read and search it; changes are refused.
    </div>
  );
}
