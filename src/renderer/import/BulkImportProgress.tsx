import type { BulkImportState } from './useBulkImport';

type Running = Extract<BulkImportState, { phase: 'running' }>;

/** A folder import under way: a bar, "312 of 1,204", and Cancel. */
export function BulkImportProgress({ state, onCancel }: { state: Running; onCancel: () => void }) {
  const count = `${state.done.toLocaleString()} of ${state.total.toLocaleString()}`;
  return (
    <div className="bulk-import" role="status" data-testid="bulk-import-progress">
      <span className="bulk-import-label" dir="auto">
        Importing {state.label}
      </span>
      <progress
        max={state.total || undefined}
        value={state.total ? state.done : undefined}
        aria-label={`Imported ${count} files`}
      />
      <span className="bulk-import-count" data-testid="bulk-import-count">
        {count}
      </span>
      <button
        type="button"
        className="button button-small"
        data-testid="bulk-import-cancel"
        disabled={state.cancelling}
        onClick={onCancel}
      >
        {state.cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </div>
  );
}
