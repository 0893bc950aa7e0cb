import { useRef, useState } from 'react';
import { PasteTextDialog, type PastePurpose } from '../import/PasteTextDialog';
import { Popover } from '../ui/Popover';
import type { RevisionImporter } from './useRevisionImport';

const newVersion: PastePurpose = {
  heading: 'Paste the new version',
  explanation:
    'Paste the whole article as it reads now, title included. It is saved as a new version; ' +
    'the old one stays, and your passages are looked for in the new text.',
  submitLabel: 'Save new version',
  testId: 'paste-version-dialog',
};

/** "Update": the article's new text from a file or pasted, saved as its next version. */
export function UpdateSourceMenu({ updater }: { updater: RevisionImporter }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [pasting, setPasting] = useState(false);

  return (
    <>
      {/* Outside the menu: the menu's content is only there while it is open. */}
      <input
        ref={fileInput}
        type="file"
        accept=".txt,text/plain"
        hidden
        data-testid="update-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = ''; // choosing the same file again must fire a change
          if (file) void updater.updateFromFile(file);
        }}
      />
      <Popover
        className="menu-button update-menu"
        summary="Update"
        label="Update this article with a new version"
      >
        <div className="menu-items">
          <button
            type="button"
            className="button"
            data-testid="update-from-file"
            onClick={() => fileInput.current?.click()}
          >
            Update from file…
          </button>
          <button
            type="button"
            className="button"
            data-testid="paste-new-version"
            onClick={() => setPasting(true)}
          >
            Paste new version
          </button>
        </div>
      </Popover>
      {pasting && (
        <PasteTextDialog
          open
          purpose={newVersion}
          onClose={() => setPasting(false)}
          onImport={(text) => updater.updateFromText(text)}
        />
      )}
    </>
  );
}
