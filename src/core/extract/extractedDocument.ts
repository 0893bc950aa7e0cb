import type { Block, DocumentMetadata, SourceKind } from '../../shared/documentModel';

/**
 * What every extractor returns: the document in Dossier's own model (see
 * src/shared/documentModel.ts), ready to be stored as a version.
 */
export interface ExtractedDocument {
  kind: SourceKind;
  /** Names the extractor and its version, e.g. `html-readability@1`; stored with the version. */
  extractor: string;
  /** The document's title; also the text of the first block (kind `title`). */
  title: string;
  text: string;
  blocks: Block[];
  metadata: DocumentMetadata;
}

/** What an extractor is told about the bytes besides the bytes themselves. */
export interface ExtractionInput {
  bytes: Uint8Array;
  /** The file's name as given (used for messages and for the type). */
  fileName: string;
  /** The address the bytes were fetched from (after redirects), for pages imported by URL. */
  url?: string;
  /** A charset declared outside the bytes (an HTTP Content-Type header). */
  declaredCharset?: string;
  /** The media type declared outside the bytes (an HTTP Content-Type header). */
  declaredMediaType?: string;
}
