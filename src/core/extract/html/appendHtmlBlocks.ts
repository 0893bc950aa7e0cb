/**
 * Turns HTML (a page's article, an EPUB chapter, a Word or Markdown file
 * converted to HTML) into blocks of Dossier's document model.
 *
 * The walk is the sanitiser: it keeps text and the structure the model can
 * say (headings, paragraphs, lists, quotes, preformatted text, tables,
 * figures, images, strong/emphasis/code and safe links) and nothing else. No
 * markup, attribute, style or script ever reaches the builder; elements that
 * hold no readable text (scripts, styles, frames, plugins, SVG, form
 * controls) or that the page hides are skipped whole.
 *
 * This file is the entry point; the walk is made of:
 * - walkTree: depth-first without recursion, so any depth of nesting is read;
 * - blockWriter: what each element means in the document model;
 * - blockGatherer: which block the text becomes, and where one ends;
 * - elementKinds: the allowlist (skipped, heading, preformatted, mark, flow block);
 * - inlineRuns: the text of the block being gathered, under its marks;
 * - lists, tables, figures: item numbers, data vs layout tables and cells, images;
 * - elementAttributes: numeric attributes and child elements, read strictly.
 */
import type { DocumentBuilder } from '../documentBuilder';
import { BlockWriter } from './blockWriter';
import { walkTree } from './walkTree';

export interface HtmlBlockOptions {
  /** The page's address: relative links and image addresses are resolved against it. */
  baseUrl?: string | null;
  /** Turns an image reference into a `data:image/…` URL (a part of an MHTML, EPUB or Word file), or null. */
  resolveImage?: (src: string) => string | null;
  /** Numbers of the first figure and table, for callers that append several documents to one builder. */
  firstFigure?: number;
  firstTable?: number;
}

/** The numbers the next figure and table will take. */
export interface HtmlNumbering {
  nextFigure: number;
  nextTable: number;
}

/** Appends the blocks of `root` (an element, a body, a document) to `builder`, in reading order. */
export function appendHtmlBlocks(
  root: Node,
  builder: DocumentBuilder,
  options: HtmlBlockOptions = {},
): HtmlNumbering {
  const writer = new BlockWriter(builder, options);
  walkTree(root, writer);
  return writer.finish();
}
