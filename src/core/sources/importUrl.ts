import type { ImportedSource, OperationContext, ValidArgs } from '../../shared/api';
import type { WritableDB } from '../db/openDatabase';
import { fetchPage } from '../fetch/fetchPage';
import { quietOperation } from '../operations';
import { importBytes } from './importSource';

/**
 * Fetches a page and imports it through the pipeline of its type; the final
 * address after redirects is where the version says it came from, and the
 * page's canonical address (else that one) is the source's.
 */
export async function importUrl(
  db: WritableDB,
  { url, revisionOf }: ValidArgs<'importUrl'>,
  { signal }: OperationContext = quietOperation,
): Promise<ImportedSource> {
  const page = await fetchPage(url, { signal });
  return importBytes(
    db,
    {
      bytes: page.bytes,
      fileName: fileNameOf(page.finalUrl),
      url: page.finalUrl,
      ...(page.charset ? { declaredCharset: page.charset } : {}),
      ...(page.mediaType ? { declaredMediaType: page.mediaType } : {}),
    },
    { origin: 'url', fileName: null, url: page.finalUrl },
    revisionOf,
    signal,
  );
}

/** A name for messages and type detection: the last path segment, else the host. */
function fileNameOf(address: string): string {
  const { hostname, pathname } = new URL(address);
  const last = decodeURIComponent(pathname.split('/').filter(Boolean).at(-1) ?? '');
  return last || hostname;
}
