import { parseHTML } from 'linkedom';
import { fileTitle } from './fileTitle';
import { cleanField } from './html/oneLine';
import { NestingBudget } from './nestingBudget';

const DOCUMENT_TYPE_NODE = 10;

/**
 * What Markdown, EPUB and Word import share: a file converted to HTML, read
 * as a body element, and a title chosen for it.
 */

/**
 * HTML as the root element of a document, to be walked whole. Markup that
 * closes the body or the document early leaves what follows outside them:
 * it is moved back in, so no text is lost. (A body's innerHTML is not used:
 * linkedom overflows its stack setting it past ~100,000 nodes.)
 */
export function htmlRoot(html: string, fileName: string): Element {
  new NestingBudget(fileName).check(html, false);
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const root = document.documentElement;
  for (const node of Array.from(document.childNodes)) {
    if (node !== root && node.nodeType !== DOCUMENT_TYPE_NODE) root.appendChild(node);
  }
  return root;
}

/**
 * The document's title: the one its metadata declares, else the text of its
 * first heading matching `headings`, else the file's name. The first such
 * heading is removed when it says the same, so the title is not read twice.
 */
export function takeTitle(
  root: ParentNode,
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
