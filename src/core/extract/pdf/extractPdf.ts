import { NO_METADATA } from '../../../shared/documentModel';
import { DossierError } from '../../../shared/errors';
import { DocumentBuilder, type BlockSpec } from '../documentBuilder';
import { fileTitle } from '../fileTitle';
import type { ExtractedDocument, ExtractionInput } from '../extractedDocument';
import type { PdfContent } from './pdfContent';
import { layoutPdf } from './pdfLayout';
import { languageTag, meaningfulTitle, pdfDateToIso } from './pdfMetadata';
import type { TextDraft } from './pdfParagraphs';
import { readingCancelled, readPdfText } from './readPdfText';

export const PDF_EXTRACTOR = 'pdf-text@1';

/** Text that is mostly private-use characters comes from fonts that do not say what they draw. */
const UNMAPPED_SHARE = 0.5;

/**
 * A PDF's text layer as Dossier's document: paragraphs and headings in
 * reading order, each with the page it starts on. The file is parsed in a
 * worker thread (see readPdfText); nothing in it is run.
 */
export async function extractPdf(
  input: ExtractionInput,
  signal?: AbortSignal,
): Promise<ExtractedDocument> {
  const content = await readPdfText(input.bytes, input.fileName, signal);
  if (signal?.aborted) throw readingCancelled(input.fileName);
  return pdfDocument(content, input.fileName);
}

/** The document made of what the worker read; refuses a PDF without readable text. */
export function pdfDocument(content: PdfContent, fileName: string): ExtractedDocument {
  const drafts = layoutPdf(content.pages);
  refuseWithoutText(drafts, content, fileName);

  const { title, page, rest } = takeTitle(drafts, content, fileName);
  const levels = headingLevels(rest);
  const builder = new DocumentBuilder();
  builder.addBlock({ kind: 'title', page }, [{ text: title }]);
  for (const draft of rest) {
    const spec: BlockSpec = draft.heading
      ? { kind: 'heading', level: levels.get(draft.size)!, page: draft.page }
      : draft.listItem
        ? { kind: 'listItem', ordered: false, depth: 1, page: draft.page }
        : { kind: 'paragraph', page: draft.page };
    builder.addBlock(spec, [{ text: draft.text }]);
  }
  const { text, blocks } = builder.build();
  const rtlCharacters = sum(rest.filter((draft) => draft.rtl).map((draft) => draft.text.length));
  return {
    kind: 'pdf',
    extractor: PDF_EXTRACTOR,
    title: text.slice(blocks[0]!.start, blocks[0]!.end),
    text,
    blocks,
    metadata: {
      ...NO_METADATA,
      byline: content.info.author?.trim() || null,
      publishedAt: pdfDateToIso(content.info.creationDate),
      lang: languageTag(content.info.lang),
      dir: rtlCharacters * 2 > sum(rest.map((draft) => draft.text.length)) ? 'rtl' : 'ltr',
    },
  };
}

function refuseWithoutText(drafts: readonly TextDraft[], content: PdfContent, fileName: string) {
  const unreadable = content.pages.find((page) => page.unreadable)?.unreadable;
  if (drafts.length === 0 && unreadable) {
    throw new DossierError(
      'unsupported',
      `${fileName} could not be read as a PDF (${unreadable.replace(/\.$/, '')}); it may be damaged. ` +
        'Open it in a PDF viewer and save a new copy, then import that.',
    );
  }
  const text = drafts.map((draft) => draft.text).join('');
  const unmapped = text.match(/\p{Co}/gu)?.length ?? 0;
  if (drafts.length === 0) {
    throw new DossierError(
      'unsupported',
      `${fileName} has no text layer (a scan?), so there is no text to import. ` +
        'Run it through text recognition (OCR, e.g. ocrmypdf) and import the result.',
    );
  }
  if (unmapped > UNMAPPED_SHARE * text.replace(/\s/g, '').length) {
    throw new DossierError(
      'unsupported',
      `${fileName} has text whose fonts do not say which letters they draw, so it cannot be read. ` +
        'Run it through text recognition (OCR, e.g. ocrmypdf) and import the result.',
    );
  }
}

/**
 * The title: the PDF's /Title when it names the document (its line on the
 * first page becomes the title block), else the largest heading of the first
 * page with text, else the file name.
 */
function takeTitle(
  drafts: readonly TextDraft[],
  content: PdfContent,
  fileName: string,
): { title: string; page: number; rest: TextDraft[] } {
  const firstPage = drafts[0]!.page;
  const declared = meaningfulTitle(content.info.title);
  if (declared) {
    const index = drafts.findIndex(
      (draft) => draft.page === firstPage && titleKey(draft.text) === titleKey(declared),
    );
    return { title: declared, page: firstPage, rest: drafts.filter((_, at) => at !== index) };
  }
  let index = -1;
  drafts.forEach((draft, at) => {
    if (draft.page === firstPage && draft.heading && draft.size > (drafts[index]?.size ?? 0)) {
      index = at;
    }
  });
  if (index >= 0) {
    return {
      title: drafts[index]!.text,
      page: firstPage,
      rest: drafts.filter((_, at) => at !== index),
    };
  }
  return { title: fileTitle(fileName), page: firstPage, rest: [...drafts] };
}

/** Letters and digits only: a /Title and its line on the page compare equal despite spacing and joiners. */
function titleKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Heading levels from font sizes: the largest headings are level 1. */
function headingLevels(drafts: readonly TextDraft[]): Map<number, 1 | 2 | 3 | 4 | 5 | 6> {
  const sizes = [...new Set(drafts.filter((draft) => draft.heading).map((draft) => draft.size))];
  sizes.sort((a, b) => b - a);
  return new Map(
    sizes.map((size, index) => [size, Math.min(index + 1, 6) as 1 | 2 | 3 | 4 | 5 | 6]),
  );
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
