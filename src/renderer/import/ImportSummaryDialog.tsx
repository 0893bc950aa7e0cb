import { plural } from '../../shared/text';
import type { ImportSummary } from './useBulkImport';
import { ModalDialog } from '../ui/ModalDialog';

/** What became of every file of a folder import; Escape or Close dismisses it. */
export function ImportSummaryDialog({
  summary,
  onClose,
}: {
  summary: ImportSummary;
  onClose: () => void;
}) {
  return (
    <ModalDialog
      heading={`${summary.cancelled ? 'Import cancelled' : 'Import finished'}: ${summary.label}`}
      onClose={onClose}
      className="import-summary"
      testId="import-summary"
    >
      <ul className="import-summary-counts">
        <li data-testid="import-summary-imported">Imported: {summary.imported}</li>
        <li data-testid="import-summary-duplicates">
          Already in your library: {summary.duplicates}
        </li>
        <li data-testid="import-summary-skipped">Skipped: {summary.skipped.length}</li>
        {summary.notImported > 0 && (
          <li data-testid="import-summary-not-imported">
            Not imported (cancelled): {summary.notImported}
          </li>
        )}
      </ul>
      {summary.skipped.length > 0 && (
        <section aria-label={`${plural(summary.skipped.length, 'file')} skipped`}>
          <h3 className="import-summary-subheading">Skipped, and why</h3>
          <ul className="import-summary-skipped" tabIndex={0}>
            {summary.skipped.map(({ path, reason }) => (
              <li key={path} data-testid="skipped-file">
                <span className="import-summary-path" dir="auto">
                  {path}
                </span>
                <span className="import-summary-reason" dir="auto">
                  {reason}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={onClose}
          autoFocus
          data-testid="import-summary-close"
        >
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
