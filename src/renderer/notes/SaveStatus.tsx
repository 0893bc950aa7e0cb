import type { SaveState } from './noteSaver';

const labels: Record<Exclude<SaveState['kind'], 'failed'>, string> = {
  saved: 'Saved',
  pending: 'Saving…',
  saving: 'Saving…',
};

export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  return (
    <div className="save-status-row">
      <span
        className={`save-status save-${state.kind}`}
        data-testid="save-status"
        role={state.kind === 'failed' ? 'alert' : 'status'}
      >
        {state.kind === 'failed' ? `Not saved: ${state.message}` : labels[state.kind]}
      </span>
      {state.kind === 'failed' && (
        <button type="button" className="button button-small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
