import type { DocumentMetadata } from '../../shared/documentModel';
import type { WritableDB } from '../db/openDatabase';

/** The `sources` columns that hold a document's metadata, in one order for every statement. */
export function metadataValues(metadata: DocumentMetadata): (string | null)[] {
  return [
    metadata.byline,
    metadata.siteName,
    metadata.canonicalUrl,
    metadata.publishedAt,
    metadata.lang,
    metadata.dir,
    metadata.excerpt,
  ];
}

export const METADATA_COLUMNS = ['byline', 'site', 'url', 'published_at', 'lang', 'dir', 'excerpt'];

/** Sets the metadata a source does not have yet from a new version of it; never overwrites. */
export function fillMissingMetadata(
  db: WritableDB,
  sourceId: number,
  metadata: DocumentMetadata,
): void {
  const assignments = METADATA_COLUMNS.map((column) => `${column} = coalesce(${column}, ?)`);
  db.prepare(`UPDATE sources SET ${assignments.join(', ')} WHERE id = ?`).run(
    ...metadataValues(metadata),
    sourceId,
  );
}
