import { useRef, useState } from 'react';
import type { Importer } from './useImport';
import { PasteTextDialog } from './PasteTextDialog';

/** "Import" (a file picker for .txt files, several at once) and "Paste text". */
export function ImportControls({ importer }: { importer: Importer }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [pasting, setPasting] = useState(false);

  return (
    <div className="import-controls">
      <input
        ref={fileInput}
        type="file"
        accept=".txt,text/plain"
        multiple
        hidden
        data-testid="import-file-input"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = ''; // choosing the same file again must fire a change
          void importer.importFiles(files);
        }}
      />
      <button
        type="button"
        className="button button-primary"
        title="Import .txt files (or drop them on the window)"
        onClick={() => fileInput.current?.click()}
      >
        Import
      </button>
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
    </div>
  );
}
