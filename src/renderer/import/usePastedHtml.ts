import { useCallback, useState, type ClipboardEvent } from 'react';

/**
 * The clipboard's HTML from a paste into an empty text box, kept only while the
 * box still holds exactly the text that paste put there (an edit means the
 * analyst wants their own text, not the page).
 */
export function usePastedHtml(text: string): {
  html: string | undefined;
  onPaste: (event: ClipboardEvent<HTMLTextAreaElement>) => void;
  forget: () => void;
} {
  const [pasted, setPasted] = useState<{ html: string; text: string | null } | null>(null);

  const onPaste = useCallback((event: ClipboardEvent<HTMLTextAreaElement>) => {
    const html = event.clipboardData.getData('text/html');
    const empty = event.currentTarget.value.trim() === '';
    // The text it leaves is known once the box has changed; until then, null.
    setPasted(empty && html.trim() !== '' ? { html, text: null } : null);
  }, []);

  if (pasted && pasted.text === null && text !== '') {
    setPasted({ ...pasted, text });
  }
  const forget = useCallback(() => setPasted(null), []);
  const html = pasted && pasted.text === text ? pasted.html : undefined;
  return { html, onPaste, forget };
}
