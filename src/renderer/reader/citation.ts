import type { SourceSummary } from '../../shared/api';
import { formatPublishedDate } from '../sourceDetails/formatMetadata';

type CitedSource = Pick<SourceSummary, 'title' | 'siteName' | 'publishedAt'>;

/**
 * Words of a source as they are pasted elsewhere: in quotation marks (on one
 * line), then "— Title, Site, date, p. N", each part only when known.
 */
export function citation(words: string, source: CitedSource, page: number | null): string {
  return `“${words.replace(/\s+/g, ' ').trim()}” — ${citedFrom(source, page)}`;
}

/** Where words come from: "Title, Site, date, p. N", each part only when known. */
export function citedFrom(source: CitedSource, page: number | null): string {
  return [
    source.title,
    source.siteName,
    source.publishedAt && formatPublishedDate(source.publishedAt),
    page !== null && `p. ${page}`,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * Puts `text` on the clipboard as plain text. Where the Clipboard API is
 * refused, the copy command copies it instead of the selection. False when
 * neither could.
 */
export async function copyPlainText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    let copied = false;
    const giveText = (event: ClipboardEvent) => {
      event.clipboardData?.setData('text/plain', text);
      event.preventDefault();
      copied = true;
    };
    document.addEventListener('copy', giveText);
    try {
      document.execCommand('copy');
    } finally {
      document.removeEventListener('copy', giveText);
    }
    return copied;
  }
}
