import { useEffect } from 'react';
import { isTypingTarget } from '../ui/dom';
import type { Importer } from './useImport';

/**
 * Ctrl/Cmd+V anywhere but in a text field, an editor or a dialog imports what
 * the clipboard holds: files as files, HTML (a copied part of a web page)
 * through the web page pipeline, else its plain text.
 */
export function usePasteImport({ importFiles, importText }: Importer): void {
  useEffect(() => {
    function onPaste(event: ClipboardEvent) {
      const target = event.target;
      if (isTypingTarget(target)) return;
      if (target instanceof Element && target.closest('dialog, .popover')) return;
      const clipboard = event.clipboardData;
      if (!clipboard) return;
      const files = [...clipboard.files];
      const html = clipboard.getData('text/html');
      const text = clipboard.getData('text/plain');
      if (files.length === 0 && html.trim() === '' && text.trim() === '') return;
      event.preventDefault();
      if (files.length > 0) void importFiles(files);
      else void importText(text, undefined, html.trim() === '' ? undefined : html);
    }
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [importFiles, importText]);
}
