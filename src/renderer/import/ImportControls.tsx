import { useEffect, useRef, useState } from 'react';
import { Popover } from '../ui/Popover';
import { BulkImportProgress } from './BulkImportProgress';
import { filesOfFolderInput } from './droppedFiles';
import { importAccept } from './importableFiles';
import { ImportSummaryDialog } from './ImportSummaryDialog';
import { ImportUrlDialog } from './ImportUrlDialog';
import { PasteTextDialog } from './PasteTextDialog';
import type { Importer } from './useImport';
import { usePasteImport } from './usePasteImport';
import './import.css';

/**
 * "Import" (a file picker for every supported type, several at once), more
 * ways in (a whole folder, a web address) and "Paste text"; a folder import's
 * progress and, at its end, its summary. Pasting outside a text field imports
 * what the clipboard holds.
 */
export function ImportControls({ importer }: { importer: Importer }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useFolderInput();
  const [pasting, setPasting] = useState(false);
  const [fetching, setFetching] = useState(false);
  const { bulk } = importer;
  usePasteImport(importer);

  return (
    <div className="import-controls">
      <input
        ref={fileInput}
        type="file"
        accept={importAccept}
        multiple
        hidden
        data-testid="import-file-input"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = ''; // choosing the same file again must fire a change
          void importer.importFiles(files);
        }}
      />
      <input
        ref={folderInput}
        type="file"
        hidden
        data-testid="import-folder-input"
        onChange={(event) => {
          const files = filesOfFolderInput(event.target.files ?? []);
          event.target.value = '';
          if (files.length > 0) void importer.importFolder(files, folderName(files));
        }}
      />
      <button
        type="button"
        className="button button-primary"
        title="Import web pages, PDF, Word, EPUB, Markdown or text files (or drop them on the window)"
        onClick={() => fileInput.current?.click()}
      >
        Import
      </button>
      <Popover className="menu-button import-menu" summary="More" label="More ways to import">
        <div className="import-menu-items">
          <button
            type="button"
            className="button"
            data-testid="import-folder-button"
            onClick={() => folderInput.current?.click()}
          >
            Import folder…
          </button>
          <button
            type="button"
            className="button"
            data-testid="import-url-button"
            onClick={() => setFetching(true)}
          >
            Import from URL…
          </button>
        </div>
      </Popover>
      <button
        type="button"
        className="button"
        data-testid="paste-text-button"
        onClick={() => setPasting(true)}
      >
        Paste text
      </button>
      <PasteTextDialog
        open={pasting}
        onClose={() => setPasting(false)}
        onImport={importer.importText}
      />
      <ImportUrlDialog
        open={fetching}
        onClose={() => setFetching(false)}
        onImport={importer.importUrl}
      />
      {bulk.state.phase === 'running' && (
        <BulkImportProgress state={bulk.state} onCancel={bulk.cancel} />
      )}
      {bulk.state.phase === 'finished' && (
        <ImportSummaryDialog summary={bulk.state.summary} onClose={bulk.dismiss} />
      )}
    </div>
  );
}

/** A file input that picks a whole folder (the attribute React does not know by name). */
function useFolderInput() {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.webkitdirectory = true;
  }, []);
  return ref;
}

function folderName(files: readonly { path: string }[]): string {
  return files[0]?.path.split('/')[0] ?? 'folder';
}
