import path from 'node:path';
import { parseHTML } from 'linkedom';
import { cleanField } from '../html/oneLine';

/**
 * What Markdown, EPUB and Word import share: a file converted to HTML, read
 * as a body element, and a title chosen for it.
 */

/**
 * HTML as the body of an empty document. Set through innerHTML so that markup
 * closing the body or the document early cannot move content out of it.
 */
export function htmlBody(html: string): HTMLElement {
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  document.body.innerHTML = html;
  return document.body;
}

/**
 * The document's title: the one its metadata declares, else the text of its
 * first heading matching `headings`, else the file's name. The first such
 * heading is removed when it says the same, so the title is not read twice.
 */
export function takeTitle(
  root: Element,
  declared: string | null,
  fileName: string,
  headings = 'h1',
): string {
  const heading = root.querySelector(headings);
  const headingText = cleanField(heading?.textContent);
  const title = cleanField(declared) ?? headingText ?? fileTitle(fileName);
  if (heading && headingText?.toLowerCase() === title.toLowerCase()) heading.remove();
  return title;
}

/** A file's name without its extension, for a document that names itself nowhere. */
export function fileTitle(fileName: string): string {
  return path.parse(fileName).name.trim() || fileName;
}
