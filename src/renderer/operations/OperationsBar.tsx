import type { LongMethodName } from '../../shared/apiMethods';
import type { ProgressEvent } from '../../shared/notebookEvents';
import { api } from '../api/client';
import { useAction } from '../ui/useAction';
import { useOperations } from './useOperations';
import './operations.css';

/** Every long method, so a new one cannot show up as its bare name. */
const labels: Record<LongMethodName, string> = {
  importFile: 'Importing a file',
  importText: 'Importing pasted text',
  importUrl: 'Importing a web page',
  importFiles: 'Importing files',
  backupNotebook: 'Backing up the notebook',
  backUpNow: 'Backing up the notebook into its backups folder',
  checkNotebook: 'Checking the notebook',
  rebuildSearchIndex: 'Rebuilding the search index (results may be incomplete until it is done)',
  exportNotes: 'Exporting notes',
  exportSources: 'Exporting sources',
  exportNotebook: 'Exporting the notebook',
  importNotebook: 'Importing a notebook',
};

/** Long operations under way, each with how far it has come and a Cancel button. */
export function OperationsBar() {
  const operations = useOperations();
  const run = useAction();
  if (operations.length === 0) return null;
  return (
    <ul className="operations-bar" aria-label="Operations in progress">
      {operations.map((operation) => (
        <li key={operation.operationId} className="operation" data-testid="operation">
          <span className="operation-label">
            {labels[operation.method as LongMethodName] ?? operation.method}
          </span>
          <progress
            max={operation.total || undefined}
            value={operation.total ? operation.done : undefined}
            aria-label={progressText(operation)}
          />
          <span className="operation-count">{progressText(operation)}</span>
          <button
            type="button"
            className="button button-small"
            onClick={() =>
              void run('Could not cancel', () =>
                api.cancelOperation({ operationId: operation.operationId }),
              )
            }
          >
            Cancel
          </button>
        </li>
      ))}
    </ul>
  );
}

function progressText({ done, total }: ProgressEvent): string {
  return total > 0 ? `${Math.floor((done / total) * 100)}%` : 'starting…';
}
