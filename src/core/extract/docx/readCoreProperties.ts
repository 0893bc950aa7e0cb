import { NO_METADATA, type DocumentMetadata } from '../../../shared/documentModel';
import { isoDate, languageTag } from '../html/pageMetadata';
import { NestingBudget } from '../nestingBudget';
import type { ZipArchive } from '../zip/readZip';
import { parseXml, textsOf } from '../zip/xmlParts';

const CORE_PROPERTIES = 'docProps/core.xml';

/**
 * The title, author, creation date and language a Word file records in its
 * core properties (docProps/core.xml); nothing when it has none.
 */
export function readCoreProperties(
  zip: ZipArchive,
  fileName: string,
): {
  title: string | null;
  metadata: DocumentMetadata;
} {
  const xml = zip.readText(CORE_PROPERTIES);
  if (xml === null) return { title: null, metadata: NO_METADATA };
  const root = parseXml(xml, new NestingBudget(fileName));
  const first = (name: string) => textsOf(root, name)[0] ?? null;
  return {
    title: first('title'),
    metadata: {
      ...NO_METADATA,
      byline: first('creator'),
      publishedAt: isoDate(first('created')),
      lang: languageTag(first('language')),
    },
  };
}
