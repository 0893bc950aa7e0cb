/**
 * Parses a web page with linkedom into the shape browsers give every page:
 * one `<html>` holding a `<head>` and then a `<body>`.
 *
 * linkedom builds the tree exactly as the tags are written, so a page that
 * leaves out `<html>`, `<head>` or `<body>` (all optional in HTML), or puts
 * its `<title>` straight into `<html>`, ends up without a body, and its
 * `document.body` getter then makes an empty one. Readability and the walk
 * read the body, so the page is rebuilt the way an HTML parser would place
 * it: metadata before the first content goes into the head, everything else
 * into the body, in order.
 */
import { parseHTML } from 'linkedom';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_TYPE_NODE = 10;

/** Elements that belong in the head when they come before any content. */
const HEAD_ELEMENTS = new Set([
  'title',
  'meta',
  'link',
  'base',
  'style',
  'script',
  'noscript',
  'template',
]);
/** Elements whose tags only say where head and body are: their children are placed instead. */
const WRAPPERS = new Set(['html', 'head', 'body']);
/** Attributes of `<html>` and `<body>` that say something about the page. */
const KEPT_ATTRIBUTES = ['lang', 'xml:lang', 'dir'];

export function parsePage(html: string): Document {
  const { document } = parseHTML(html);
  const root = document.createElement('html');
  const head = document.createElement('head');
  const body = document.createElement('body');
  root.append(head, body);

  const topLevel = Array.from(document.childNodes);
  // Nodes still to place, last first; wrappers are replaced by their children, so no recursion.
  const pending: Node[] = topLevel.slice().reverse();
  let inBody = false;
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.nodeType === DOCUMENT_TYPE_NODE) continue;
    if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      const tag = element.localName.toLowerCase();
      if (WRAPPERS.has(tag)) {
        copyAttributes(element, tag === 'body' ? body : root);
        if (tag === 'body') inBody = true;
        for (let child = element.lastChild; child; child = child.previousSibling)
          pending.push(child);
        continue;
      }
      if (!inBody && HEAD_ELEMENTS.has(tag)) {
        head.appendChild(element);
        continue;
      }
    } else if (!inBody && (node.nodeType !== TEXT_NODE || !/\S/.test(node.textContent ?? ''))) {
      continue;
    }
    inBody = true;
    body.appendChild(node);
  }

  for (const node of topLevel) {
    if (node.nodeType !== DOCUMENT_TYPE_NODE && node.parentNode === document) node.remove();
  }
  document.appendChild(root);
  return document;
}

function copyAttributes(from: Element, to: Element): void {
  for (const name of KEPT_ATTRIBUTES) {
    const value = from.getAttribute(name);
    if (value !== null && !to.hasAttribute(name)) to.setAttribute(name, value);
  }
}
