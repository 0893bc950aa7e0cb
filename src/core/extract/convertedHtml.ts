import { fileTitle } from './fileTitle';
import { cleanField } from './html/oneLine';
import { parsePage } from './html/parsePage';
import { NestingBudget } from './nestingBudget';

/**
 * What Markdown, EPUB and Word import share: a file converted to HTML, read
 * as a body element, and a title chosen for it.
 */

/**
 * HTML as the root element of a document, to be walked whole. It is all body:
 * markup that closes the body or the document early leaves nothing outside
 * it (parsePage places it back), so no text is lost.
 */
export function htmlRoot(html: string, fileName: string): Element {
  new NestingBudget(fileName).check(html, false);
  return parsePage(`<body>${html}</body>`).documentElement;
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
