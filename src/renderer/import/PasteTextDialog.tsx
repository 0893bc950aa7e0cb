import { useState, type ReactNode } from 'react';
import { usePastedHtml } from './usePastedHtml';
import { hasPrimaryModifier } from '../ui/dom';
import { FormDialog } from '../ui/FormDialog';

interface PasteTextDialogProps {
  open: boolean;
  onClose: () => void;
  /**
   * Resolves true when the text was imported (the dialog then closes and
   * forgets it). `html` is the clipboard's HTML when the text is exactly what
   * was pasted from it.
   */
  onImport: (text: string, title?: string, html?: string) => Promise<boolean>;
  /** What is pasted, when it is not a new article (a new version of one). */
  purpose?: PastePurpose;
}

export interface PastePurpose {
  heading: string;
  /** Said above the text box: what the text will become. */
  explanation: ReactNode;
  submitLabel: string;
  testId: string;
}

const newArticle: PastePurpose = {
  heading: 'Paste text',
  explanation: null,
  submitLabel: 'Import',
  testId: 'paste-text-dialog',
};

/**
 * A modal to paste an article's text (first line: its title, unless one is
 * given), or, with a `purpose`, the text of a new version (no title: a version
 * keeps its article's).
 */
export function PasteTextDialog({
  open,
  onClose,
  onImport,
  purpose = newArticle,
}: PasteTextDialogProps) {
  const asksTitle = purpose === newArticle;
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const pastedHtml = usePastedHtml(text);

  async function submit() {
    if (text.trim() === '' || busy) return;
    setBusy(true);
    const imported = await onImport(text, asksTitle ? title : undefined, pastedHtml.html);
    setBusy(false);
    if (imported) {
      setText('');
      setTitle('');
      onClose();
    }
  }

  return (
    <FormDialog
      heading={purpose.heading}
      open={open}
      onClose={onClose}
      testId={purpose.testId}
      onSubmit={() => void submit()}
      submitLabel={
        <>
          {busy ? 'Saving…' : purpose.submitLabel}
          <kbd className="shortcut">Ctrl+Enter</kbd>
        </>
      }
      submitDisabled={text.trim() === '' || busy}
      submitTestId="paste-text-submit"
    >
      {purpose.explanation && <p className="dialog-explanation">{purpose.explanation}</p>}
      {asksTitle && (
        <label className="field">
          <span>Title (optional — otherwise the first line)</span>
          <input
            dir="auto"
            value={title}
            maxLength={500}
            onChange={(event) => setTitle(event.target.value)}
            data-testid="paste-text-title"
          />
        </label>
      )}
      <label className="field">
        <span>Text</span>
        <textarea
          dir="auto"
          rows={14}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onPaste={pastedHtml.onPaste}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && hasPrimaryModifier(event)) void submit();
          }}
          data-testid="paste-text-input"
          autoFocus
        />
      </label>
      {pastedHtml.html !== undefined && (
        <p className="dialog-explanation" data-testid="paste-keeps-formatting">
          Pasted from a web page: it is imported with its headings, lists, tables and links
          {asksTitle && ' (and its own title, if it has one)'}.{' '}
          <button type="button" className="button button-small" onClick={pastedHtml.forget}>
            Import as plain text
          </button>
        </p>
      )}
    </FormDialog>
  );
}
