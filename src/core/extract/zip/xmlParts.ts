import { DOMParser } from 'linkedom';
import { cleanField } from '../html/oneLine';
import type { NestingBudget } from '../nestingBudget';

/**
 * Reading the XML parts of zip-based documents (an EPUB's container and
 * package, a Word file's properties). linkedom keeps namespace prefixes in
 * names, so elements and attributes are matched by their local name, whatever
 * prefix a file gives them (`dc:title`, `opf:item`).
 */
export function parseXml(xml: string, nesting: NestingBudget): Element {
  nesting.check(xml, true);
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  return document.documentElement as unknown as Element;
}

/** The elements under `root` (not `root` itself) whose local name is `name`, in document order. */
export function elementsNamed(root: Element, name: string): Element[] {
  return [...root.querySelectorAll('*')].filter((element) => localName(element.tagName) === name);
}

/** The text of each element under `root` named `name`, as one clean line; empty ones left out. */
export function textsOf(root: Element, name: string): string[] {
  return elementsNamed(root, name)
    .map((element) => cleanField(element.textContent))
    .filter((text): text is string => text !== null);
}

export function attributeNamed(element: Element, name: string): string | null {
  for (const { name: qualified, value } of [...element.attributes]) {
    if (localName(qualified) === name) return value;
  }
  return null;
}

function localName(qualified: string): string {
  return qualified.slice(qualified.indexOf(':') + 1).toLowerCase();
}
